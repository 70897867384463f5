/**
 * A case's stages in the import manifest (REC-1: each stage with the time the act happened; docs/import-format.md
 * stages.csv): read from stages.csv or nested in the JSON case row, in time order; refused, with line and field
 * in Chinese, when a stage is not of the case's kind, is the first stage, comes before the opening or out of the
 * kind's order, repeats, or lacks its decision document (行政处罚法 Art. 62 statement fields only on the statement).
 */
import { parseManifest, type ManifestError } from '../../../core/case/manifest';
import { validCsv, validJson } from './manifest-fixtures';

function errorsOf(format: 'json' | 'csv', files: Record<string, string>): ManifestError[] {
  const result = parseManifest({ format, files });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}
const brief = (e: ManifestError) => [e.file, e.line, e.field, e.path];

function withStages(stages: unknown[]) {
  const json = structuredClone(validJson) as unknown as { cases: Record<string, unknown>[] };
  json.cases[0]!.stages = stages;
  return { 'm.json': JSON.stringify(json) };
}

it('merges stages.csv into its cases in time order, as the JSON form nests them', () => {
  const csv = parseManifest({ format: 'csv', files: validCsv });
  expect(csv.ok).toBe(true);
  if (!csv.ok) return;
  const kase = csv.manifest.cases.find((c) => c.sourceId === 'JD-2026-0001')!;
  expect(kase.stages!.map((s) => s.stage)).toEqual(['investigation', 'priorNotice', 'statement', 'decision']);
  expect(kase.stages![3]).toMatchObject({ decisionType: 'penalty', fine: 5000, decisionDate: '2026-04-08' });
  expect(kase.stages![2]).toMatchObject({ partyStated: true });
  // Stages belong to their case: the rows to upsert are still the cases and records.
  expect(csv.rowCount).toBe(5);
});

it('refuses a stage of another kind, the first stage, one before the opening, out of order or twice', () => {
  const errors = errorsOf(
    'json',
    withStages([
      { stage: 'departure', actedAt: '2026-03-02T11:00:00+08:00' },
      { stage: 'opened', actedAt: '2026-03-02T11:00:00+08:00' },
      { stage: 'investigation', actedAt: '2026-03-01T11:00:00+08:00' },
      { stage: 'legalReview', actedAt: '2026-03-10T11:00:00+08:00' },
      { stage: 'priorNotice', actedAt: '2026-03-12T11:00:00+08:00' },
      { stage: 'priorNotice', actedAt: '2026-03-13T11:00:00+08:00' },
    ]),
  );
  expect(errors.map((e) => [e.path, e.message])).toEqual(
    expect.arrayContaining([
      ['cases[0].stages[0].stage', '该环节不是行政处罚案件的办理环节'],
      ['cases[0].stages[1].stage', '第一个环节以案件的立案（开始）时间为准，不必列出'],
      ['cases[0].stages[2].actedAt', '办理时间不能早于立案（开始）时间'],
      ['cases[0].stages[4].actedAt', '办理时间早于此前的环节“法制审核”，与办理顺序不符'],
      ['cases[0].stages[5].stage', '同一案件中该环节重复'],
    ]),
  );
  expect(errors.every((e) => e.field === '办理环节' || e.field === '办理时间')).toBe(true);
});

it('requires the decision document on a decision stage and refuses it, or the statement period, elsewhere', () => {
  const errors = errorsOf(
    'json',
    withStages([
      { stage: 'investigation', actedAt: '2026-03-05T10:00:00+08:00', fine: 100 },
      { stage: 'priorNotice', actedAt: '2026-03-06T10:00:00+08:00', partyStated: true },
      { stage: 'decision', actedAt: '2026-03-20T10:00:00+08:00', decisionDocNo: '万卫医罚〔2026〕1号' },
    ]),
  );
  expect(errors.map(brief)).toEqual(
    expect.arrayContaining([
      ['m.json', 1, '罚款金额', 'cases[0].stages[0].fine'],
      ['m.json', 1, '当事人已陈述申辩', 'cases[0].stages[1].partyStated'],
      ['m.json', 1, '决定日期', 'cases[0].stages[2].decisionDate'],
      ['m.json', 1, '决定类型', 'cases[0].stages[2].decisionType'],
      ['m.json', 1, '决定内容', 'cases[0].stages[2].decisionConclusion'],
    ]),
  );
});

it('names the stages.csv line of a stage of an unknown case, a bad amount or a bad date', () => {
  const errors = errorsOf('csv', {
    ...validCsv,
    'stages.csv': [
      'caseSourceId,stage,actedAt,decisionDocNo,decisionDate,decisionType,decisionConclusion,fine',
      'JD-404,investigation,2026-03-05 10:00,,,,,',
      'JD-2026-0001,decision,2026-04-08 10:00,万卫医罚〔2026〕1号,2026-02-30,penalty,警告,5千',
    ].join('\n'),
  });
  expect(errors.map(brief)).toEqual([
    ['stages.csv', 2, '所属案件来源编号', 'caseSourceId'],
    ['stages.csv', 3, '决定日期', 'decisionDate'],
    ['stages.csv', 3, '罚款金额', 'fine'],
  ]);
  expect(errors.map((e) => e.message).join()).not.toContain('5千');
});
