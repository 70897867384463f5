/**
 * Applying a staged case import (server/features/case/import.ts): the database's checks before staging
 * (`preflight`) and each batch's rows as upserts by (system, sourceId) (`applyBatch`). Imported acts keep their
 * original times; records are registered as received by the importing custodian, with no hand-over clock; an AV
 * row's file hashes are one record's `files` (lead decisions; docs/cases.md "Import").
 */
import type {
  AvRow,
  CaseRow,
  DataRow,
  DocumentRow,
  ImportBatch,
  Manifest,
  ManifestError,
} from '../../../core/case/manifest';
import { CASE_KIND_LABELS } from '../../../core/case/stages';
import { FIRST_STAGE } from '../../../core/case/workflow';
import { isCertificateValid } from '../../../core/officer/status';
import { AppError } from '../../errors';
import { commitChange, type EntityWrite } from '../../ledger/commit';
import { hashText } from '../../platform/crypto';
import { firstMatch, getDoc, rowsOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { findOfficerByCertNo } from '../officer/repository';
import { caseActor } from './access';
import {
  CASES_COLLECTION,
  RECORDS_COLLECTION,
  caseIdOf,
  sortKeyOf,
  type CaseDoc,
  type CaseOfficer,
  type CaseState,
  type RecordState,
} from './model';
import { openingWorkflow } from './open';
import { resolveParty } from './parties';

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
  const existing = [...m.documents, ...m.av, ...m.data].filter((r) => r.caseRef === 'existing');
  const refs = [...new Set(existing.map((r) => r.caseSourceId))];
  const known = new Set<string>();
  for (let i = 0; i < refs.length; i += IN_CHUNK) {
    const found = rowsOf<CaseDoc>(
      await call.db
        .collection(CASES_COLLECTION)
        .where({ unitId, 'source.sourceId': _.in(refs.slice(i, i + IN_CHUNK)) })
        .limit(IN_CHUNK * 2)
        .get(),
    );
    for (const k of found) known.add(k.source!.sourceId);
  }
  for (const r of existing)
    if (!known.has(r.caseSourceId))
      at('records', r.sourceId, '所属案件来源编号', '本单位没有此前导入的该来源编号的案件');
  return errors.slice(0, 1000);
}

export async function applyBatch(
  call: Call,
  imp: ImportDoc,
  batch: BatchDoc,
): Promise<{ cases: number; records: number }> {
  let cases = 0;
  let records = 0;
  for (const row of batch.rows) {
    if (batch.kind === 'cases') cases += (await importCase(call, imp, row as CaseRow)) ? 1 : 0;
    else records += (await importRecord(call, imp, batch.kind, row as DocumentRow | AvRow | DataRow)) ? 1 : 0;
  }
  return { cases, records };
}

const isExisting = (err: unknown) =>
  err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === '记录已存在';

/**
 * The unit's case imported with this source id (and from this system, when given: a record's row names its case by
 * source id only, and the recorder platform's rows name cases of the supervision system).
 */
async function caseBySource(call: Call, unitId: string, system: string | null, sourceId: string) {
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

async function importCase(call: Call, imp: ImportDoc, row: CaseRow): Promise<boolean> {
  if (await caseBySource(call, imp.unitId, row.source, row.sourceId)) return false;
  const id = caseIdOf(imp.unitId, row.caseNo);
  if (await getDoc<CaseDoc>(call.db, CASES_COLLECTION, id)) {
    throw new AppError('CONFLICT', `案号已由其他来源登记，导入在第 ${imp.next + 1} 批停止，请核对清单`);
  }
  const staff = call.staff!;
  const actor = caseActor(staff);
  const openedAt = new Date(row.openedAt);
  const officers = await officersOf(call, row.officers, imp.unitId);
  const party = await resolveParty(call, {
    kind: row.partyKind,
    name: row.partyName,
    idKind: row.partyIdKind,
    idNo: row.partyIdNo,
    legalRepresentative: row.partyLegalRepresentative,
    address: row.partyAddress,
  } as Parameters<typeof resolveParty>[1]);
  const wf = await openingWorkflow(call, actor.ref, row.kind, openedAt);
  const state: CaseState = {
    caseNo: row.caseNo,
    kind: row.kind,
    stage: FIRST_STAGE[row.kind],
    cause: row.cause,
    unitId: imp.unitId,
    sectionId: imp.sectionId,
    partyId: party.id,
    partyName: party.name,
    officers,
    officerStaffIds: officers.flatMap((o) => (o.staffId ? [o.staffId] : [])),
    openedAt,
    complaintId: null,
    emergency: false,
    decisions: [],
    statement: null,
    pendingHandovers: [],
    sortKey: sortKeyOf(openedAt, id),
    source: { system: row.source, sourceId: row.sourceId, importId: imp._id },
    _wf: wf,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const writes: EntityWrite[] = [
    {
      collection: CASES_COLLECTION,
      id,
      expectedRev: null,
      state: state as unknown as Record<string, unknown>,
    },
    ...(party.write ? [party.write] : []),
  ];
  try {
    await commitChange(call.db, {
      actor: actor.ref,
      action: 'case.import',
      at: call.now,
      actedAt: openedAt,
      entities: writes,
    });
  } catch (err) {
    if (isExisting(err)) return false;
    throw err;
  }
  return true;
}

const RECORD_TYPE = { documents: 'document', av: 'av', data: 'data' } as const;

async function importRecord(
  call: Call,
  imp: ImportDoc,
  kind: 'documents' | 'av' | 'data',
  row: DocumentRow | AvRow | DataRow,
): Promise<boolean> {
  // The record's id follows from its unit and source: the same row twice is the same record.
  const id =
    'rec_' +
    hashText(`case-import\u0000${imp.unitId}\u0000${kind}\u0000${row.source}\u0000${row.sourceId}`).slice(
      0,
      24,
    );
  if (await getDoc(call.db, RECORDS_COLLECTION, id)) return false;
  const kase = await caseBySource(call, imp.unitId, null, row.caseSourceId);
  if (!kase)
    throw new AppError('PRECONDITION_FAILED', `第 ${imp.next + 1} 批：所属案件尚未导入，请先导入案件`);
  const type = RECORD_TYPE[kind];
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
  const record: RecordState = {
    caseId: kase._id,
    caseNo: kase.caseNo,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    partyId: kase.partyId,
    type,
    title: row.title,
    sha256: hashes[0]!,
    files: hashes.map((sha256) => ({ sha256, ref })),
    source: { system: row.source, sourceId: row.sourceId, importId: imp._id },
    storage: kind === 'av' ? 'platform' : 'reference',
    file: null,
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
    sortKey: sortKeyOf(workEndedAt, id),
    intakeKey: null,
    createdAt: call.now,
    updatedAt: call.now,
  };
  try {
    await commitChange(call.db, {
      actor: caseActor(call.staff!).ref,
      action: 'record.import',
      at: call.now,
      actedAt: workEndedAt,
      entities: [
        {
          collection: RECORDS_COLLECTION,
          id,
          expectedRev: null,
          state: record as unknown as Record<string, unknown>,
        },
      ],
    });
  } catch (err) {
    if (isExisting(err)) return false;
    throw err;
  }
  return true;
}
