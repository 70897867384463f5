/**
 * A record row of an import (documents, AV, electronic data; server/features/case/import-apply.ts): created,
 * corrected or left as it is, as for cases (import-case.ts): the record's id follows from its unit, kind, system
 * and source id; its row's digest decides whether a later import changes it. A corrected record keeps its custody
 * (received by the importing custodian, no hand-over clock) and its earlier content in `corrections`. After a
 * batch the automatic checks are run again on the cases whose records it touched (`refreshFailures`), so the
 * dashboard's `openFailures` counts them.
 */
import type { AvRow, DataRow, DocumentRow } from '../../../core/case/manifest';
import { CASE_KIND_LABELS } from '../../../core/case/stages';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { hashText, hashValue } from '../../platform/crypto';
import { getDoc, stateOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { caseActor } from './access';
import { caseBySource, type RowOutcome } from './import-case';
import {
  CASES_COLLECTION,
  RECORDS_COLLECTION,
  setFailures,
  sortKeyOf,
  type CaseDoc,
  type RecordDoc,
  type RecordState,
} from './model';
import { failuresOf, recordsOfCase } from './repository';

export type RecordKind = 'documents' | 'av' | 'data';
type Row = DocumentRow | AvRow | DataRow;

const RECORD_TYPE = { documents: 'document', av: 'av', data: 'data' } as const;

/** The record's id follows from its unit and source: the same row twice is the same record. */
export function importedRecordId(
  unitId: string,
  kind: RecordKind,
  row: { source: string; sourceId: string },
) {
  return (
    'rec_' +
    hashText(`case-import\u0000${unitId}\u0000${kind}\u0000${row.source}\u0000${row.sourceId}`).slice(0, 24)
  );
}

/** The record's content from its row (custody and times of registration are the caller's). */
function contentOf(kase: CaseDoc, kind: RecordKind, row: Row) {
  const hashes = kind === 'av' ? (row as AvRow).sha256 : [(row as DocumentRow | DataRow).sha256];
  const ref = (row as { location?: string }).location ?? null;
  const at =
    kind === 'av' ? (row as AvRow).start : kind === 'data' ? (row as DataRow).capturedAt : row.workEndedAt;
  const workEndedAt = new Date(
    row.workEndedAt ??
      (kind === 'av' ? (row as AvRow).end : kind === 'data' ? (row as DataRow).capturedAt : kase.openedAt),
  );
  const d = row as DocumentRow;
  const a = row as AvRow;
  return {
    type: RECORD_TYPE[kind],
    title: row.title,
    sha256: hashes[0]!,
    files: hashes.map((sha256) => ({ sha256, ref })),
    storage: kind === 'av' ? ('platform' as const) : ('reference' as const),
    label: `${kase.caseNo}｜${kase.cause}｜${CASE_KIND_LABELS[kase.kind]}｜${at ?? workEndedAt.toISOString()}`,
    document:
      kind === 'documents'
        ? {
            docType: d.docType,
            docNo: d.docNo,
            docTimes: d.docTimes ?? [],
            signed: d.signed,
            blankItems: d.blankItems,
          }
        : null,
    av:
      kind === 'av'
        ? {
            device: a.device,
            act: a.act,
            start: a.start,
            end: a.end,
            place: a.place,
            location: a.location,
            interruptions: a.interruptions?.map((i) => ({ ...i })),
          }
        : null,
    data:
      kind === 'data'
        ? { source: (row as DataRow).dataSource, capturedAt: (row as DataRow).capturedAt }
        : null,
    workEndedAt,
  } satisfies Partial<RecordState>;
}

const PREVIOUS_FIELDS = [
  'title',
  'sha256',
  'files',
  'label',
  'document',
  'av',
  'data',
  'workEndedAt',
] as const;

const ATTEMPTS = 3;
const isExisting = (err: unknown) =>
  err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === '记录已存在';

export async function importRecord(
  call: Call,
  imp: { _id: string; unitId: string; next: number },
  kind: RecordKind,
  row: Row,
): Promise<{ outcome: RowOutcome; caseId: string }> {
  const id = importedRecordId(imp.unitId, kind, row);
  const digest = hashValue(row);
  for (let attempt = 1; ; attempt++) {
    const existing = await getDoc<RecordDoc>(call.db, RECORDS_COLLECTION, id);
    if (existing && existing.importDigest === digest)
      return { outcome: 'unchanged', caseId: existing.caseId };
    const kase = existing
      ? await getDoc<CaseDoc>(call.db, CASES_COLLECTION, existing.caseId)
      : await caseBySource(call, imp.unitId, null, row.caseSourceId);
    if (!kase)
      throw new AppError('PRECONDITION_FAILED', `第 ${imp.next + 1} 批：所属案件尚未导入，请先导入案件`);
    const content = contentOf(kase, kind, row);
    const source = { system: row.source, sourceId: row.sourceId, importId: imp._id };
    const state: RecordState = existing
      ? {
          ...(stateOf(existing) as RecordState),
          ...content,
          source,
          importDigest: digest,
          corrections: [
            ...(existing.corrections ?? []),
            {
              at: call.now,
              importId: existing.source?.importId ?? '',
              previous: {
                ...Object.fromEntries(PREVIOUS_FIELDS.map((f) => [f, existing[f] ?? null])),
                importDigest: existing.importDigest ?? null,
              },
            },
          ],
          updatedAt: call.now,
        }
      : {
          ...content,
          caseId: kase._id,
          caseNo: kase.caseNo,
          unitId: kase.unitId,
          sectionId: kase.sectionId,
          partyId: kase.partyId,
          source,
          importDigest: digest,
          file: null,
          registeredAt: call.now,
          registeredBy: call.staff!.staffId,
          // History, not a late hand-over: received by the importing custodian now, no clock (lead decision 2).
          handoverDueDate: null,
          receivedAt: call.now,
          receivedBy: call.staff!.staffId,
          late: false,
          lateReason: null,
          lateApproved: false,
          stopApproval: null,
          sortKey: sortKeyOf(content.workEndedAt, id),
          intakeKey: null,
          createdAt: call.now,
          updatedAt: call.now,
        };
    try {
      await commitChange(call.db, {
        actor: caseActor(call.staff!).ref,
        action: existing ? 'record.importCorrection' : 'record.import',
        at: call.now,
        actedAt: existing ? call.now : content.workEndedAt,
        entities: [
          {
            collection: RECORDS_COLLECTION,
            id,
            expectedRev: existing?._rev ?? null,
            state: state as unknown as Record<string, unknown>,
          },
        ],
      });
      return { outcome: existing ? 'updated' : 'created', caseId: kase._id };
    } catch (err) {
      if (!existing && isExisting(err)) return { outcome: 'unchanged', caseId: kase._id };
      const stale = err instanceof AppError && err.code === 'CONFLICT';
      if (!stale || attempt >= ATTEMPTS) throw err;
    }
  }
}

/**
 * The automatic checks (core/case/checks.ts) run again on each case, with its records as they are now: a changed
 * failure count is committed on the case (`openFailures`, which the dashboard reads). A case changed meanwhile is
 * read again; one that keeps changing is left for its next step, which counts again.
 */
export async function refreshFailures(call: Call, caseIds: Iterable<string>): Promise<void> {
  for (const caseId of new Set(caseIds)) {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const kase = await getDoc<CaseDoc>(call.db, CASES_COLLECTION, caseId);
      if (!kase) break;
      const failures = failuresOf(kase, await recordsOfCase(call.db, caseId), null);
      if (failures === null || failures === kase.openFailures) break;
      const state: Record<string, unknown> = { ...stateOf(kase), updatedAt: call.now };
      setFailures(state, failures, caseId, call.now);
      try {
        await commitChange(call.db, {
          actor: caseActor(call.staff!).ref,
          action: 'case.check',
          at: call.now,
          entities: [{ collection: CASES_COLLECTION, id: caseId, expectedRev: kase._rev, state }],
        });
        break;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
      }
    }
  }
}
