/**
 * One concept, one place (docs/cases.md): the checks, the time limits, the workflow, the contract and the import
 * manifest read the case register's one list of stages, document types, recorded acts and kinds
 * (core/case/stages.ts).
 */
import { CASE_STAGES as CHECK_STAGES, DOC_TYPES } from '../../../core/case/checks';
import { STAGE_CLOCK_EFFECTS } from '../../../core/case/limits';
import { ROW_SCHEMAS } from '../../../core/case/manifest-rows';
import {
  AV_ACTS,
  CASE_KINDS,
  CASE_STAGES,
  DOCUMENT_TYPES,
  FILMED_SERVICE_DOCS,
} from '../../../core/case/stages';
import { CASE_WORKFLOW, FIRST_STAGE } from '../../../core/case/workflow';
import { recordRegisterInput } from '../../../core/contract/case';
import * as z from 'zod/mini';

it('the checks read the document types and stages of core/case/stages.ts', () => {
  expect(DOC_TYPES).toBe(DOCUMENT_TYPES);
  expect(CHECK_STAGES).toBe(CASE_STAGES);
});

it('names the service recording of each filmed document by its own document code (全过程记录制度第十六条第（四）项)', () => {
  const services = Object.keys(AV_ACTS).filter((a) => a.startsWith('service:'));
  expect(services).toEqual(FILMED_SERVICE_DOCS.map((d) => `service:${d}`));
  for (const d of FILMED_SERVICE_DOCS) expect(DOCUMENT_TYPES[d]).toBeTruthy();
});

it('starts and stops the time limits only at stages the workflow has, and the workflow applies them', () => {
  for (const kind of CASE_KINDS) {
    for (const stage of Object.keys(STAGE_CLOCK_EFFECTS[kind]))
      expect((CASE_STAGES[kind] as readonly string[]).includes(stage)).toBe(true);
  }
  // 行政处罚法第六十条: the 90 days start at opening (the penalty kind's first stage) and stop at the decision.
  expect(STAGE_CLOCK_EFFECTS.penalty[FIRST_STAGE.penalty]).toEqual({ start: ['decision'] });
  const decision = CASE_WORKFLOW.steps.decision!.clocks as (c: unknown, p: object) => unknown;
  expect(decision({ kind: 'penalty' }, {})).toEqual({ stop: ['decision'] });
  const measure = CASE_WORKFLOW.steps.measure!.clocks as (c: unknown, p: object) => unknown;
  expect(measure({ kind: 'coercion' }, {})).toEqual({ start: ['coercion'] });
});

it('the contract and the import manifest take the same document and act codes', () => {
  const doc = (docType: string) =>
    z.safeParse(recordRegisterInput, {
      caseId: `case_${'0'.repeat(24)}`,
      type: 'document',
      title: '文书',
      workEndedAt: '2026-03-02T10:00:00+08:00',
      sha256: 'ab'.repeat(32),
      document: { docType, docTimes: [], signed: true },
    }).success;
  for (const code of Object.keys(DOCUMENT_TYPES)) expect(doc(code)).toBe(true);
  expect(doc('onSiteRecord')).toBe(false);
  // The manifest's document type and recorded act columns take the same codes (and the same Chinese names).
  const shape = (kind: 'documents' | 'av') =>
    (ROW_SCHEMAS[kind] as unknown as { _zod: { def: { shape: Record<string, z.ZodMiniType> } } })._zod.def
      .shape;
  for (const [code, name] of Object.entries(DOCUMENT_TYPES)) {
    expect(z.safeParse(shape('documents').docType!, code)).toMatchObject({ success: true, data: code });
    expect(z.safeParse(shape('documents').docType!, name)).toMatchObject({ success: true });
  }
  for (const act of Object.keys(AV_ACTS))
    expect(z.safeParse(shape('av').act!, act)).toMatchObject({ success: true, data: act });
  expect(z.safeParse(shape('av').act!, 'service:reminder').success).toBe(false);
});
