/**
 * A case row of an import (server/features/case/import-apply.ts): created, corrected or left as it is. A case is
 * found by its source (system and source id in the unit). Its row's digest decides: the same digest, nothing
 * changes; another one (the source system corrected the case) replaces the imported version with a new revision
 * on the ledger, the earlier content kept in `corrections`. A case already taken further here (a stage, a record
 * or a clock step after the import) is not corrected by an import (refused before staging; import-apply.ts).
 *
 * Imported history (REC-1): the case's stages from the manifest become its acts at the times they happened, the
 * legal time limits run from those dates (a penalty's 90 days stop at its decision, 行政处罚法 Art. 60; a
 * seizure's 30 days run from the measure, 行政强制法 Art. 25), a closed case has no running clock, and its
 * decisions and statement period are stored as case.advance stores them. The automatic checks run on the result
 * (`openFailures`), so an imported case's failures show on the dashboard as any other's.
 */
import { STAGE_CLOCK_EFFECTS } from '../../../core/case/limits';
import type { CaseRow } from '../../../core/case/manifest';
import { CASE_WORKFLOW, FIRST_STAGE } from '../../../core/case/workflow';
import { toShanghaiDate } from '../../../core/calendar';
import { applyClocks } from '../../../core/workflow/clocks';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { commitChange, type EntityWrite } from '../../ledger/commit';
import { hashValue } from '../../platform/crypto';
import { firstMatch, getDoc, stateOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { findOfficerByCertNo } from '../officer/repository';
import { caseActor } from './access';
import { stageActs } from './check-input';
import {
  CASES_COLLECTION,
  caseIdOf,
  setFailures,
  sortKeyOf,
  type CaseDoc,
  type CaseOfficer,
  type CaseState,
  type StoredDecision,
} from './model';
import { openingWorkflow } from './open';
import { blindIndexOf, resolveParty } from './parties';
import { failuresOf, recordsOfCase } from './repository';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The digest of a case row: its content with the party's ID number replaced by its blind index (a keyed hash), so
 * the digest stored on the case reveals nothing of the number and still changes when the number is corrected.
 */
export function caseRowDigest(row: CaseRow): string {
  const party =
    row.partyIdKind === 'none' || !row.partyIdNo ? null : blindIndexOf(row.partyIdKind, row.partyIdNo);
  return hashValue({ ...row, partyIdNo: null, party });
}

/** Taken further in this system since its import: acts beyond the imported ones, hand-overs or clock steps. */
export function workedHere(c: CaseDoc): boolean {
  return (
    c._wf.acts.length > (c.importedActs ?? 1) ||
    c.pendingHandovers.length > 0 ||
    (c.clockNotes?.length ?? 0) > 0
  );
}

export const WORKED_HERE = '该案件导入后已在本系统继续办理，不能再通过导入更正，请在本系统中办理';

/**
 * The unit's case imported with this source id (and from this system, when given: a record's row names its case by
 * source id only, and the recorder platform's rows name cases of the supervision system).
 */
export async function caseBySource(call: Call, unitId: string, system: string | null, sourceId: string) {
  return firstMatch<CaseDoc>(call.db, CASES_COLLECTION, {
    unitId,
    'source.sourceId': sourceId,
    ...(system ? { 'source.system': system } : {}),
  });
}

/** Officers as the register has them (checked before staging; one removed since is kept as given). */
async function officersOf(call: Call, certNos: string[], unitId: string): Promise<CaseOfficer[]> {
  const out: CaseOfficer[] = [];
  for (const certNo of certNos) {
    const o = await findOfficerByCertNo(call.db, certNo);
    if (o && o.unitId === unitId)
      out.push({ officerId: o._id, certNo: o.certNo, name: o.name, staffId: o.staffId });
    else out.push({ officerId: '', certNo, name: '', staffId: null });
  }
  return out;
}

/** The case's workflow from its row: the opening, then each stage at its time with the clocks it starts or stops. */
async function importedHistory(call: Call, actorRef: string, row: CaseRow) {
  const wf = await openingWorkflow(call, actorRef, row.kind, new Date(row.openedAt));
  const calendar = await loadCalendar(call.db);
  let stage = FIRST_STAGE[row.kind];
  const decisions: StoredDecision[] = [];
  let statement: CaseState['statement'] = null;
  for (const s of row.stages ?? []) {
    wf.acts.push({
      step: s.stage,
      actor: actorRef,
      round: 1,
      actedAt: s.actedAt,
      recordedAt: call.now.toISOString(),
      settingsVersion: null,
    });
    const effects = STAGE_CLOCK_EFFECTS[row.kind][s.stage];
    if (effects)
      Object.assign(
        wf,
        applyClocks(calendar, CASE_WORKFLOW.clocks!, wf, effects, toShanghaiDate(new Date(s.actedAt))),
      );
    stage = s.stage;
    if (s.decisionDocNo && s.decisionDate && s.decisionType && s.decisionConclusion) {
      const amounts = {
        ...(s.fine !== undefined ? { fine: s.fine } : {}),
        ...(s.confiscated !== undefined ? { confiscated: s.confiscated } : {}),
      };
      decisions.push({
        docNo: s.decisionDocNo,
        date: s.decisionDate,
        type: s.decisionType,
        conclusion: s.decisionConclusion,
        ...(Object.keys(amounts).length ? { amounts } : {}),
        stage: s.stage,
        recordedAt: call.now,
      });
    }
    if (s.statementPeriodEndsAt)
      statement = {
        periodEndsAt: s.statementPeriodEndsAt,
        partyStated: s.partyStated ?? false,
        waiverInWriting: s.waiverInWriting ?? false,
      };
  }
  return { wf, stage, decisions, statement };
}

/** What a correction keeps of the version it replaces (the case's own fields; the party's number is not here). */
function previousOf(c: CaseDoc): Record<string, unknown> {
  return {
    kind: c.kind,
    cause: c.cause,
    openedAt: c.openedAt,
    officers: c.officers.map((o) => o.certNo),
    partyId: c.partyId,
    partyName: c.partyName,
    stage: c.stage,
    stages: stageActs(c).map((a) => ({ stage: a.stage, actedAt: a.actedAt })),
    decisions: c.decisions.map(({ recordedAt: _r, ...d }) => d),
    statement: c.statement,
    importDigest: c.importDigest ?? null,
  };
}

const ATTEMPTS = 3;
const isExisting = (err: unknown) =>
  err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === '记录已存在';
const isStale = (err: unknown) => err instanceof AppError && err.code === 'CONFLICT' && !isExisting(err);

export async function importCase(
  call: Call,
  imp: { _id: string; unitId: string; sectionId: string; next: number },
  row: CaseRow,
): Promise<RowOutcome> {
  const digest = caseRowDigest(row);
  for (let attempt = 1; ; attempt++) {
    const existing = await caseBySource(call, imp.unitId, row.source, row.sourceId);
    if (existing && existing.importDigest === digest) return 'unchanged';
    if (existing && workedHere(existing))
      throw new AppError('PRECONDITION_FAILED', `来源编号 ${row.sourceId}：${WORKED_HERE}`);
    try {
      await writeCase(call, imp, row, digest, existing);
      return existing ? 'updated' : 'created';
    } catch (err) {
      if (!existing && isExisting(err)) return 'unchanged';
      // Changed meanwhile (another call on the same import): read it again and compare.
      if (!isStale(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function writeCase(
  call: Call,
  imp: { _id: string; unitId: string; sectionId: string; next: number },
  row: CaseRow,
  digest: string,
  existing: CaseDoc | null,
): Promise<void> {
  const id = existing?._id ?? caseIdOf(imp.unitId, row.caseNo);
  if (!existing && (await getDoc<CaseDoc>(call.db, CASES_COLLECTION, id)))
    throw new AppError('CONFLICT', `案号已由其他来源登记，导入在第 ${imp.next + 1} 批停止，请核对清单`);
  const actor = caseActor(call.staff!);
  const openedAt = new Date(row.openedAt);
  const officers = await officersOf(call, row.officers, imp.unitId);
  // An unregistered operator has no number: a corrected case keeps its party entity.
  const party =
    existing && row.partyIdKind === 'none'
      ? { id: existing.partyId, name: row.partyName, write: null }
      : await resolveParty(call, {
          kind: row.partyKind,
          name: row.partyName,
          idKind: row.partyIdKind,
          idNo: row.partyIdNo,
          legalRepresentative: row.partyLegalRepresentative,
          address: row.partyAddress,
        } as Parameters<typeof resolveParty>[1]);
  const history = await importedHistory(call, actor.ref, row);
  const fresh = {
    caseNo: row.caseNo,
    kind: row.kind,
    stage: history.stage,
    cause: row.cause,
    unitId: imp.unitId,
    sectionId: existing?.sectionId ?? imp.sectionId,
    partyId: party.id,
    partyName: party.name,
    officers,
    officerStaffIds: officers.flatMap((o) => (o.staffId ? [o.staffId] : [])),
    openedAt,
    decisions: history.decisions,
    statement: history.statement,
    sortKey: sortKeyOf(openedAt, id),
    source: { system: row.source, sourceId: row.sourceId, importId: imp._id },
    importDigest: digest,
    importedActs: history.wf.acts.length,
    _wf: history.wf,
    updatedAt: call.now,
  } satisfies Partial<CaseState>;
  const state: CaseState = existing
    ? {
        ...(stateOf(existing) as CaseState),
        ...fresh,
        corrections: [
          ...(existing.corrections ?? []),
          { at: call.now, importId: existing.source?.importId ?? '', previous: previousOf(existing) },
        ],
      }
    : {
        ...fresh,
        complaintId: null,
        emergency: false,
        pendingHandovers: [],
        createdAt: call.now,
      };
  // The automatic checks with the case's records as they are (records come in later batches: they refresh it).
  const records = existing ? await recordsOfCase(call.db, id) : [];
  const failures = failuresOf({ ...state, _id: id, _rev: existing?._rev ?? 0 }, records, null);
  setFailures(state, failures, id, call.now);
  const writes: EntityWrite[] = [
    {
      collection: CASES_COLLECTION,
      id,
      expectedRev: existing?._rev ?? null,
      state: state as unknown as Record<string, unknown>,
    },
    ...(party.write ? [party.write] : []),
  ];
  await commitChange(call.db, {
    actor: actor.ref,
    action: existing ? 'case.importCorrection' : 'case.import',
    at: call.now,
    actedAt: existing ? call.now : openedAt,
    entities: writes,
  });
}
