/**
 * `staff` `case.import` and `case.importStatus` (REC-1, 2, 3, 9; docs/import-format.md, docs/cases.md "Import"):
 * the records custodian or the administrator imports a manifest exported by the supervision information system
 * and the recorder platform. The role is the router's check (before the payload is read); the section is checked
 * here before the files are read. The whole manifest is validated first (core/case/manifest.ts): one bad row and
 * nothing is written, every bad row answered with file, line and field (never its value). A valid manifest is
 * staged under its digest (`case_imports`, its batches in `case_import_batches`), and each call applies the next
 * batches within the time budget, answering `{ importId, done, applied, total }`; calling again resumes.
 *
 * Lead decisions: imported acts keep their original times (the 30-day backdating limit of case.open and
 * record.register is for entries made here, not for history); imported records are registered as already
 * received by the importing custodian, with no hand-over clock; an AV row's several file hashes are one record
 * (`files`). Every row is an upsert by (system, sourceId) within the unit: the same content is left as it is,
 * changed content replaces the imported version (a new revision, the earlier content kept); the answer counts rows
 * created, updated and unchanged. The rows themselves: import-apply.ts, import-case.ts, import-record.ts.
 */
import { MANIFEST_LIMITS, manifestDigest, parseManifest, planBatches } from '../../../core/case/manifest';
import * as decl from '../../../core/contract/case';
import type { CaseImportAnswer } from '../../../core/contract/case';
import { holdsFor } from '../../../core/org/scope';
import { AppError } from '../../errors';
import { discardOriginals, isOwnQuarantineFile } from '../../media';
import { getSection } from '../../org/units';
import { cloudbase } from '../../platform/cloudbase';
import { hashText } from '../../platform/crypto';
import { getDoc } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { caseActor } from './access';
import {
  IMPORTS_COLLECTION,
  IMPORT_BATCHES_COLLECTION,
  IMPORT_BATCH_SIZE,
  applyBatch,
  preflight,
  type BatchDoc,
  type ImportDoc,
} from './import-apply';

export { IMPORTS_COLLECTION, IMPORT_BATCHES_COLLECTION } from './import-apply';

/** A call starts no new batch after this long (the function's limit is 20 s; answer before ~15 s). */
const DEFAULT_BUDGET_MS = 10_000;
const budgetMs = () => Number(process.env.CASE_IMPORT_BUDGET_MS) || DEFAULT_BUDGET_MS;

const ZERO = { cases: 0, records: 0 };
/** At most this many corrected rows are listed in one answer (the counts have them all). */
const MAX_UPDATED_ROWS = 200;

const answerOf = (doc: ImportDoc, updatedRows: CaseImportAnswer['updatedRows'] = []): CaseImportAnswer => ({
  importId: doc._id,
  done: doc.next >= doc.total,
  applied: doc.next,
  total: doc.total,
  rows: doc.rows,
  created: doc.created,
  updated: doc.updated ?? ZERO,
  unchanged: doc.unchanged ?? ZERO,
  updatedRows: updatedRows.slice(0, MAX_UPDATED_ROWS),
  errors: [],
});

const refused = (errors: CaseImportAnswer['errors']): CaseImportAnswer => ({
  importId: null,
  done: false,
  applied: 0,
  total: 0,
  rows: 0,
  created: ZERO,
  updated: ZERO,
  unchanged: ZERO,
  updatedRows: [],
  errors,
});

const NOT_FOUND = '未找到该导入批次';

async function loadImport(call: Call, importId: string): Promise<ImportDoc> {
  const doc = await getDoc<ImportDoc>(call.db, IMPORTS_COLLECTION, importId);
  if (!doc || !reaches(call, doc.unitId, doc.sectionId)) throw new AppError('NOT_FOUND', NOT_FOUND);
  return doc;
}

/** The custodian (or administrator) of the unit, over the section the cases belong to. */
function reaches(call: Call, unitId: string, sectionId: string): boolean {
  return holdsFor(caseActor(call.staff!), decl.CASE_IMPORT_ROLES, unitId, [sectionId]);
}

const UPLOAD_REFUSED = '清单文件未上传成功或已过期，请重新上传';

/** The caller's own uploaded manifest files, read as UTF-8 (the parser checks the total size again). */
async function readUploaded(call: Call, fileIDs: Record<string, string>): Promise<Record<string, string>> {
  const app = cloudbase();
  const files: Record<string, string> = {};
  for (const [name, fileID] of Object.entries(fileIDs)) {
    if (!isOwnQuarantineFile(fileID, call.caller.openid ?? ''))
      throw new AppError('INVALID_INPUT', undefined, { 'payload.fileIDs': '文件标识不正确，请重新上传' });
    const info = (await app.getFileInfo({ fileList: [fileID] })).fileList[0];
    if (!info || info.code !== 'SUCCESS')
      throw new AppError('INVALID_INPUT', undefined, { 'payload.fileIDs': UPLOAD_REFUSED });
    if (typeof info.size === 'number' && info.size > MANIFEST_LIMITS.maxBytes)
      throw new AppError('INVALID_INPUT', undefined, {
        'payload.fileIDs': `导入文件合计不能超过 ${MANIFEST_LIMITS.maxBytes / 1024 / 1024} MB，请分成几个清单导入`,
      });
    const raw = (await app.downloadFile({ fileID })).fileContent;
    if (!raw) throw new AppError('INVALID_INPUT', undefined, { 'payload.fileIDs': UPLOAD_REFUSED });
    files[name] = (Buffer.isBuffer(raw) ? raw : Buffer.from(raw)).toString('utf8');
  }
  return files;
}

/** Validates and stages a manifest (or finds it staged already: same unit, same digest). */
async function stage(
  call: Call,
  input: {
    format: 'json' | 'csv';
    files?: Record<string, string>;
    fileIDs?: Record<string, string>;
    sectionId?: string;
  },
): Promise<ImportDoc | CaseImportAnswer> {
  const staff = call.staff!;
  const unitId = staff.unitId;
  const sectionId = input.sectionId ?? staff.sectionId;
  if (!sectionId) throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '请选择承办科室' });
  const section = await getSection(call.db, sectionId);
  if (!section || section.unitId !== unitId)
    throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '承办科室不属于本单位' });
  if (!reaches(call, unitId, sectionId))
    throw new AppError('FORBIDDEN', '只有该科室的档案专人或系统管理员可以导入案件');
  const files = input.fileIDs ? await readUploaded(call, input.fileIDs) : (input.files ?? {});
  const parsed = parseManifest({ format: input.format, files });
  if (!parsed.ok) return refused(parsed.errors);
  const checked = await preflight(call, unitId, parsed.manifest);
  if (checked.length) return refused(checked);
  const digest = manifestDigest(parsed.manifest);
  const id = 'imp_' + hashText(`case-import\u0000${unitId}\u0000${sectionId}\u0000${digest}`).slice(0, 32);
  const staged = await getDoc<ImportDoc>(call.db, IMPORTS_COLLECTION, id);
  if (staged) return staged;
  const batches = planBatches(parsed.manifest, IMPORT_BATCH_SIZE);
  // The batches first, the import last: an import found staged has all its batches.
  for (const b of batches) {
    await call.db
      .collection(IMPORT_BATCHES_COLLECTION)
      .doc(`${id}_${b.seq}`)
      .set({ importId: id, seq: b.seq, key: b.key, kind: b.kind, rows: b.rows });
  }
  const doc: Omit<ImportDoc, '_id'> = {
    unitId,
    sectionId,
    digest,
    total: batches.length,
    rows: parsed.rowCount,
    next: 0,
    created: { cases: 0, records: 0 },
    updated: { cases: 0, records: 0 },
    unchanged: { cases: 0, records: 0 },
    createdBy: staff.staffId,
    createdAt: call.now,
    updatedAt: call.now,
  };
  await call.db.collection(IMPORTS_COLLECTION).doc(id).set(doc);
  return { _id: id, ...doc };
}

/** Applies the next batches until done or the budget is spent (at least one batch per call). */
async function run(call: Call, doc: ImportDoc): Promise<CaseImportAnswer> {
  const started = Date.now();
  const updatedRows: CaseImportAnswer['updatedRows'] = [];
  while (doc.next < doc.total) {
    const batch = await getDoc<BatchDoc>(call.db, IMPORT_BATCHES_COLLECTION, `${doc._id}_${doc.next}`);
    if (!batch) throw new AppError('INTERNAL');
    const made = await applyBatch(call, doc, batch);
    doc.next += 1;
    updatedRows.push(...made.updatedRows);
    // Two calls on one import may apply the same batch: rows are upserts (one creates, the other finds), the counts
    // add what each did, and a batch applied again after a position written back creates nothing.
    const _ = call.db.command;
    const inc = (c: { cases: number; records: number }) => ({
      cases: _.inc(c.cases),
      records: _.inc(c.records),
    });
    await call.db
      .collection(IMPORTS_COLLECTION)
      .doc(doc._id)
      .update({
        next: doc.next,
        created: inc(made.created),
        updated: inc(made.updated),
        unchanged: inc(made.unchanged),
        updatedAt: call.now,
      });
    // At least one batch per call; the rest on the next call (the answer says where it stands).
    if (Date.now() - started > budgetMs()) break;
  }
  return answerOf((await getDoc<ImportDoc>(call.db, IMPORTS_COLLECTION, doc._id)) ?? doc, updatedRows);
}

const caseImport = handle(decl.caseImport, async (input, call) => {
  const found = 'importId' in input ? await loadImport(call, input.importId) : await stage(call, input);
  // Uploaded files are read once: staged (or refused), the originals go.
  if ('fileIDs' in input) await discardOriginals(Object.values(input.fileIDs));
  if (!('_id' in found)) return found;
  return run(call, found);
});

const caseImportStatus = handle(decl.caseImportStatus, async (input, call) =>
  answerOf(await loadImport(call, input.importId)),
);

export const caseImportActions = {
  'case.import': caseImport,
  'case.importStatus': caseImportStatus,
};
