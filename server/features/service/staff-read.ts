/**
 * Staff's view of services (REC-7, REC-16): the services of a case with their states, times, the paper-service
 * flag, the hearing check and the party's submissions (`service.ofCase`); a receipt to export
 * (`service.staffReceipt`); and `service.verifyReceipt`, which checks a receipt against the ledger (the service's
 * own chain: every revision's event present, linked, unforged, and the stored record the state its last event
 * committed to) and the document hash (the stored file re-hashed now, and the hash printed on the receipt).
 */
import { createHash } from 'node:crypto';
import * as decl from '../../../core/contract/service-documents';
import { SERVICE_WORKFLOW } from '../../../core/service/workflow';
import { AppError } from '../../errors';
import { entityChainBreaks } from '../../ledger/entity-chain';
import { cloudbase } from '../../platform/cloudbase';
import { firstMatch, rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { loadCase } from '../case/access';
import { loadForStaff, staffActor } from './access';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';
import { receiptView, staffView } from './views';

const CASE_LIMIT = 200;

const serviceOfCase = handle(decl.serviceOfCase, async (input, call) => {
  const kase = await loadCase(call, input.caseId);
  const rows = rowsOf<ServiceDoc>(
    await call.db
      .collection(SERVICES_COLLECTION)
      .where({ caseId: kase._id })
      .orderBy('sortKey', 'asc')
      .limit(CASE_LIMIT)
      .get(),
  );
  return rows.map(staffView);
});

const serviceStaffReceipt = handle(decl.serviceStaffReceipt, async (input, call) =>
  receiptView(call.db, await loadForStaff(call, input.serviceId)),
);

async function storedHash(fileID: string): Promise<string | null> {
  const got = await cloudbase()
    .downloadFile({ fileID })
    .catch(() => null);
  const raw = got?.fileContent;
  if (!raw) return null;
  return createHash('sha256')
    .update(Buffer.isBuffer(raw) ? raw : Buffer.from(raw))
    .digest('hex');
}

const serviceVerifyReceipt = handle(decl.serviceVerifyReceipt, async (input, call) => {
  const doc = await firstMatch<ServiceDoc>(call.db, SERVICES_COLLECTION, { receiptNo: input.receiptNo });
  if (!doc || !SERVICE_WORKFLOW.sees(staffActor(call), doc))
    throw new AppError('NOT_FOUND', '未找到该送达凭证');
  const checks: decl.ReceiptCheck['checks'] = [];
  const breaks = await entityChainBreaks(
    call.db,
    SERVICES_COLLECTION,
    doc._id,
    doc as unknown as Record<string, unknown>,
    call.now,
  );
  checks.push({
    name: 'ledger',
    ok: breaks.length === 0,
    message: breaks.length === 0 ? '送达记录与台账一致' : `送达记录与台账不一致：${breaks.join('；')}`,
  });
  const now = await storedHash(doc.file.fileID);
  checks.push({
    name: 'storedFile',
    ok: now === doc.file.sha256,
    message:
      now === null
        ? '送达的文书文件已无法读取'
        : now === doc.file.sha256
          ? '保存的文书文件与送达时的哈希值一致'
          : '保存的文书文件与送达时的哈希值不一致',
  });
  if (input.fileSha256 !== undefined) {
    const same = input.fileSha256 === doc.file.sha256;
    checks.push({
      name: 'receiptHash',
      ok: same,
      message: same ? '凭证上的文书哈希值与送达记录一致' : '凭证上的文书哈希值与送达记录不一致',
    });
  }
  const ok = checks.every((c) => c.ok);
  return { ok, receiptNo: doc.receiptNo, checks, receipt: ok ? await receiptView(call.db, doc) : null };
});

export const serviceStaffReadActions = {
  'service.ofCase': serviceOfCase,
  'service.staffReceipt': serviceStaffReceipt,
  'service.verifyReceipt': serviceVerifyReceipt,
};
