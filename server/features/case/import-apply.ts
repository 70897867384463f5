/**
 * Applying a staged case import (server/features/case/import.ts): the database's checks before staging
 * (`preflight`) and each batch's rows as upserts by (system, sourceId) (`applyBatch`): created, corrected when the
 * row's content changed, or left as it is (cases: import-case.ts; records: import-record.ts). Imported acts keep
 * their original times; records are registered as received by the importing custodian, with no hand-over clock;
 * an AV row's file hashes are one record's `files` (lead decisions; docs/cases.md "Import").
 */
import type {
  AvRow,
  CaseRow,
  DataRow,
  DocumentRow,
  ImportBatch,
  Manifest,
  ManifestError,
  RowKind,
} from '../../../core/case/manifest';
import type { ImportCounts } from '../../../core/contract/case';
import { isCertificateValid } from '../../../core/officer/status';
import { rowsOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { findOfficerByCertNo } from '../officer/repository';
import { caseRowDigest, importCase, WORKED_HERE, workedHere } from './import-case';
import { importedRecordId, importRecord, refreshFailures, type RecordKind } from './import-record';
import { CASES_COLLECTION, RECORDS_COLLECTION, caseIdOf, type CaseDoc, type RecordDoc } from './model';

export const IMPORTS_COLLECTION = 'case_imports';
export const IMPORT_BATCHES_COLLECTION = 'case_import_batches';
/** Rows per batch: one batch is a few seconds at most, so a call stops well inside the function's time limit. */
export const IMPORT_BATCH_SIZE = 25;

export interface ImportDoc {
  _id: string;
  unitId: string;
  sectionId: string;
  digest: string;
  total: number;
  rows: number;
  /** The next batch to apply (batches before it are applied). */
  next: number;
  created: { cases: number; records: number };
  /** Rows corrected (content changed since an earlier import) and rows found as they were (absent: none yet). */
  updated?: { cases: number; records: number };
  unchanged?: { cases: number; records: number };
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface BatchDoc {
  _id: string;
  importId: string;
  seq: number;
  key: string;
  kind: ImportBatch['kind'];
  rows: unknown[];
}

const IN_CHUNK = 100;

/**
 * What the database must confirm before anything is staged, so a manifest is imported whole or not at all: every
 * officer is in the unit's register with a certificate valid on the day the case was opened (行政处罚法 Art. 42,
 * as for case.open); no case number is already registered other than by this case's earlier import; every record
 * marked `caseRef: existing` finds its case imported before. Rows are named by kind and source id (the parsed rows
 * keep no line numbers); values are never repeated.
 */
export async function preflight(call: Call, unitId: string, m: Manifest): Promise<ManifestError[]> {
  const errors: ManifestError[] = [];
  const at = (kind: string, sourceId: string, field: string, message: string) =>
    errors.push({
      file: '',
      line: 0,
      field,
      path: `${kind}:${sourceId}`,
      message: `来源编号 ${sourceId}：${message}`,
    });
  const officers = new Map<string, Awaited<ReturnType<typeof findOfficerByCertNo>>>();
  for (const c of m.cases) {
    for (const [i, certNo] of c.officers.entries()) {
      if (!officers.has(certNo)) officers.set(certNo, await findOfficerByCertNo(call.db, certNo));
      const o = officers.get(certNo);
      if (!o || o.unitId !== unitId)
        at(
          'cases',
          c.sourceId,
          '执法人员执法证号',
          `第 ${i + 1} 位执法人员的执法证号不在本单位的执法人员名册中`,
        );
      else if (!isCertificateValid(o, new Date(c.openedAt)))
        at(
          'cases',
          c.sourceId,
          '执法人员执法证号',
          `第 ${i + 1} 位执法人员的执法证在立案当日不在有效期内或已被暂扣、吊销`,
        );
    }
  }
  const _ = call.db.command;
  const ids = new Map(m.cases.map((c) => [caseIdOf(unitId, c.caseNo), c]));
  const idList = [...ids.keys()];
  for (let i = 0; i < idList.length; i += IN_CHUNK) {
    const found = rowsOf<CaseDoc>(
      await call.db
        .collection(CASES_COLLECTION)
        .where({ _id: _.in(idList.slice(i, i + IN_CHUNK)) })
        .limit(IN_CHUNK)
        .get(),
    );
    for (const k of found) {
      const row = ids.get(k._id)!;
      if (k.source?.system !== row.source || k.source.sourceId !== row.sourceId)
        at('cases', row.sourceId, '案号', '该案号已在本单位登记（不是此前导入的同一案件），请核对案号');
    }
  }
  // The cases imported before from these sources, and those the records name as imported before.
  const existing = [...m.documents, ...m.av, ...m.data].filter((r) => r.caseRef === 'existing');
  const refs = [...new Set([...existing.map((r) => r.caseSourceId), ...m.cases.map((c) => c.sourceId)])];
  const known = new Map<string, CaseDoc[]>();
  for (let i = 0; i < refs.length; i += IN_CHUNK) {
    const found = rowsOf<CaseDoc>(
      await call.db
        .collection(CASES_COLLECTION)
        .where({ unitId, 'source.sourceId': _.in(refs.slice(i, i + IN_CHUNK)) })
        .limit(IN_CHUNK * 2)
        .get(),
    );
    for (const k of found) known.set(k.source!.sourceId, [...(known.get(k.source!.sourceId) ?? []), k]);
  }
  for (const r of existing)
    if (!known.has(r.caseSourceId))
      at('records', r.sourceId, '所属案件来源编号', '本单位没有此前导入的该来源编号的案件');
  // A correction keeps the case number (cases are found by it) and is refused once the case is worked on here.
  for (const c of m.cases) {
    const before = known.get(c.sourceId)?.find((k) => k.source!.system === c.source);
    if (!before) continue;
    if (before.caseNo !== c.caseNo)
      at('cases', c.sourceId, '案号', '案号与此前导入的同一来源编号的案件不一致；案号不能通过导入更正');
    else if (before.importDigest !== caseRowDigest(c) && workedHere(before))
      at('cases', c.sourceId, '来源编号', WORKED_HERE);
  }
  // A corrected record stays with its case.
  const caseIdByRef = new Map<string, string>();
  for (const [sid, list] of known) caseIdByRef.set(sid, list[0]!._id);
  for (const c of m.cases) caseIdByRef.set(c.sourceId, caseIdOf(unitId, c.caseNo));
  const recordRows = (['documents', 'av', 'data'] as const).flatMap((kind) =>
    (m[kind] as Array<DocumentRow | AvRow | DataRow>).map((row) => ({
      row,
      id: importedRecordId(unitId, kind, row),
    })),
  );
  for (let i = 0; i < recordRows.length; i += IN_CHUNK) {
    const chunk = recordRows.slice(i, i + IN_CHUNK);
    const found = rowsOf<RecordDoc>(
      await call.db
        .collection(RECORDS_COLLECTION)
        .where({ _id: _.in(chunk.map((r) => r.id)) })
        .limit(IN_CHUNK)
        .get(),
    );
    const byId = new Map(found.map((r) => [r._id, r]));
    for (const { row, id } of chunk) {
      const before = byId.get(id);
      const caseId = caseIdByRef.get(row.caseSourceId);
      if (before && caseId && before.caseId !== caseId)
        at(
          'records',
          row.sourceId,
          '所属案件来源编号',
          '该记录此前导入时属于另一案件，不能通过导入改为其他案件',
        );
    }
  }
  return errors.slice(0, 1000);
}

const ZERO = (): ImportCounts => ({ cases: 0, records: 0 });

/** What applying a batch did: rows per outcome, and the source ids of the rows it corrected. */
export interface BatchTally {
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  updatedRows: Array<{ kind: RowKind; sourceId: string }>;
}

export async function applyBatch(call: Call, imp: ImportDoc, batch: BatchDoc): Promise<BatchTally> {
  const tally: BatchTally = { created: ZERO(), updated: ZERO(), unchanged: ZERO(), updatedRows: [] };
  const touched: string[] = [];
  for (const row of batch.rows) {
    const r = row as CaseRow | DocumentRow | AvRow | DataRow;
    const outcome =
      batch.kind === 'cases'
        ? await importCase(call, imp, r as CaseRow)
        : await importRecord(call, imp, batch.kind as RecordKind, r as DocumentRow).then((done) => {
            touched.push(done.caseId);
            return done.outcome;
          });
    tally[outcome][batch.kind === 'cases' ? 'cases' : 'records'] += 1;
    if (outcome === 'updated') tally.updatedRows.push({ kind: batch.kind, sourceId: r.sourceId });
  }
  // The checks again on the cases whose records this batch created or corrected (and, on a resumed batch, found).
  await refreshFailures(call, touched);
  return tally;
}
