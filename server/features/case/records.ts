/**
 * Records of a case (REC-2, 3, 9, 10): `record.register` by an officer of the case (a file uploaded from the phone,
 * hashed as it is stored; or AV and electronic data by reference with the hash computed where they are kept)
 * starts the record's hand-over clock from the end of the on-site work (2 working days, 细则第二十一条);
 * `record.receive` by the unit's custodian — never an investigator of the case — stops it, and a receipt after the
 * due date marks the record late. A later hand-over needs a written reason (`record.explainLate`, by an officer
 * of the case) approved before the deadline (`record.approveLate`, by a leader; the clock is extended by exactly
 * the approved working days). A work record of stopping AV is approved by the unit head (`record.approveStop`,
 * REC-5, 细则第十三条). The record itself is its own ledgered entity, written in the case's transaction.
 */
import { toShanghaiDate } from '../../../core/calendar';
import { CASE_KIND_LABELS } from '../../../core/case/stages';
import * as decl from '../../../core/contract/case';
import type { CaseRecordView } from '../../../core/contract/case';
import { AppError } from '../../errors';
import { discardOriginals, isOwnQuarantineFile } from '../../media';
import { stateOf } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { loadCase, loadRecord, runCaseStep } from './access';
import { openUploadSlot } from '../../media/slots';
import { storeAndHash } from './files';
import {
  RECORDS_COLLECTION,
  intakeKeyOf,
  sortKeyOf,
  type CaseDoc,
  type RecordDoc,
  type RecordState,
} from './model';

const MAX_BACKDATE_MS = 30 * 86_400_000;

export function recordView(r: RecordDoc): CaseRecordView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r._id,
    caseId: r.caseId,
    type: r.type,
    title: r.title,
    sha256: r.sha256,
    storage: r.storage,
    size: r.file?.size ?? null,
    label: r.label,
    document: r.document,
    av: r.av,
    data: r.data,
    workEndedAt: iso(r.workEndedAt)!,
    registeredAt: iso(r.registeredAt)!,
    registeredBy: r.registeredBy,
    handoverDueDate: r.handoverDueDate,
    receivedAt: iso(r.receivedAt),
    late: r.late,
    lateReason: r.lateReason,
    lateApproved: r.lateApproved,
    stopApproval: r.stopApproval ? { by: r.stopApproval.by, at: iso(r.stopApproval.at)! } : null,
    ...(r.files ? { files: r.files } : {}),
    ...(r.source ? { source: r.source } : {}),
  };
}

function workEndedAtOf(input: { workEndedAt: string }, now: Date): Date {
  const at = new Date(input.workEndedAt);
  if (at.getTime() > now.getTime() + 60_000)
    throw new AppError('INVALID_INPUT', undefined, { 'payload.workEndedAt': '现场工作结束时间不能晚于现在' });
  if (now.getTime() - at.getTime() > MAX_BACKDATE_MS)
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.workEndedAt': '现场工作结束时间不能早于 30 天前',
    });
  return at;
}

/** AV is labelled by case number, cause and recording time (细则第二十一条). */
function labelOf(kase: CaseDoc, input: decl.RecordRegisterInput): string {
  const at = input.av?.start ?? input.data?.capturedAt ?? input.workEndedAt;
  return `${kase.caseNo}｜${kase.cause}｜${CASE_KIND_LABELS[kase.kind]}｜${at}`;
}

const recordRegister = handle(decl.recordRegister, async (input, call) => {
  const kase = await loadCase(call, input.caseId);
  const workEndedAt = workEndedAtOf(input, call.now);
  const id = call.ids.newId('rec', 'record', 24);
  let stored: { fileID: string; sha256: string; size: number } | null = null;
  if (input.fileID) {
    // Only the caller's own upload, checked before storage is touched (server/media/intake.ts).
    if (!isOwnQuarantineFile(input.fileID, call.caller.openid ?? ''))
      throw new AppError('INVALID_INPUT', undefined, { 'payload.fileID': '文件标识不正确，请重新上传' });
    stored = await storeAndHash(input.fileID, `case-records/${kase._id}/${id}`);
  }
  let record: RecordState | null = null;
  await runCaseStep(call, kase, 'registerRecord', {
    actedAt: workEndedAt,
    params: { recordId: id },
    effect: (s) => {
      s.pendingHandovers = [
        ...s.pendingHandovers,
        { recordId: id, by: call.staff!.staffId, title: input.title },
      ];
      record = {
        caseId: kase._id,
        caseNo: kase.caseNo,
        unitId: kase.unitId,
        sectionId: kase.sectionId,
        partyId: kase.partyId,
        type: input.type,
        title: input.title,
        sha256: stored?.sha256 ?? input.sha256!,
        storage: stored ? 'private' : input.type === 'av' ? 'platform' : 'reference',
        file: stored ? { fileID: stored.fileID, size: stored.size } : null,
        label: labelOf(kase, input),
        document: input.type === 'document' ? (input.document ?? null) : null,
        av: input.type === 'av' ? (input.av ?? null) : null,
        data: input.type === 'data' ? (input.data ?? null) : null,
        workEndedAt,
        registeredAt: call.now,
        registeredBy: call.staff!.staffId,
        handoverDueDate: s._wf.clocks[`handover:${id}`]?.dueDate ?? null,
        receivedAt: null,
        receivedBy: null,
        late: false,
        lateReason: null,
        lateApproved: false,
        stopApproval: null,
        sortKey: sortKeyOf(call.now, id),
        createdAt: call.now,
        updatedAt: call.now,
      };
      record.intakeKey = intakeKeyOf(record);
    },
    alsoWrite: () => [
      {
        collection: RECORDS_COLLECTION,
        id,
        expectedRev: null,
        state: record as unknown as Record<string, unknown>,
      },
    ],
    changedRecord: () => ({ ...record!, _id: id, _rev: 1 }),
  });
  // The quarantined original goes once the record naming the stored copy is committed (a retry before the
  // commit still finds it).
  if (input.fileID) await discardOriginals([input.fileID]);
  return recordView({ ...record!, _id: id, _rev: 1 });
});

/** A record-level step on the case, with the record's new state written in the same transaction. */
async function recordStep(
  call: Call,
  recordId: string,
  step: string,
  rules: {
    precondition: (r: RecordDoc, today: string) => string | null;
    params?: Record<string, string>;
    change: (r: RecordState, kase: CaseDoc['_wf']) => void;
    onCase?: (s: CaseDoc) => void;
  },
): Promise<CaseRecordView> {
  const { record, kase } = await loadRecord(call, recordId);
  const unmet = rules.precondition(record, toShanghaiDate(call.now));
  if (unmet) throw new AppError('PRECONDITION_FAILED', unmet);
  const next = stateOf(record) as RecordState;
  await runCaseStep(call, kase, step, {
    params: { recordId, ...rules.params },
    effect: (s) => {
      rules.onCase?.(s as CaseDoc);
      rules.change(next, s._wf);
      next.updatedAt = call.now;
    },
    alsoWrite: () => [
      {
        collection: RECORDS_COLLECTION,
        id: recordId,
        expectedRev: record._rev,
        state: next as unknown as Record<string, unknown>,
      },
    ],
    changedRecord: () => ({ ...next, _id: recordId, _rev: record._rev + 1 }),
  });
  return recordView({ ...next, _id: recordId, _rev: record._rev + 1 });
}

const recordReceive = handle(decl.recordReceive, async (input, call) =>
  recordStep(call, input.recordId, 'receiveRecord', {
    precondition: (r) => (r.receivedAt ? '该执法记录已由档案专人接收' : null),
    onCase: (s) => {
      s.pendingHandovers = s.pendingHandovers.filter((p) => p.recordId !== input.recordId);
    },
    change: (r, wf) => {
      const clock = wf.clocks[`handover:${input.recordId}`];
      r.receivedAt = call.now;
      r.receivedBy = call.staff!.staffId;
      r.handoverDueDate = clock?.dueDate ?? r.handoverDueDate;
      // Late: received after the due date (an approved extension moved the due date already).
      r.late = !!r.handoverDueDate && toShanghaiDate(call.now) > r.handoverDueDate;
      r.intakeKey = null;
    },
  }),
);

const beforeDue = (r: RecordDoc, today: string): string | null =>
  r.receivedAt
    ? '该执法记录已移交，无需延期'
    : r.handoverDueDate && today > r.handoverDueDate
      ? '已超过移交期限：延期移交须在期限届满前说明理由并经批准'
      : null;

const recordExplainLate = handle(decl.recordExplainLate, async (input, call) =>
  recordStep(call, input.recordId, 'explainLateHandover', {
    precondition: beforeDue,
    change: (r) => {
      r.lateReason = input.reason;
    },
  }),
);

const recordApproveLate = handle(decl.recordApproveLate, async (input, call) =>
  recordStep(call, input.recordId, 'approveLateHandover', {
    precondition: (r, today) =>
      beforeDue(r, today) ?? (r.lateReason ? null : '须先由执法人员书面说明延期移交的理由'),
    params: { days: String(input.days) },
    change: (r, wf) => {
      r.lateApproved = true;
      r.handoverDueDate = wf.clocks[`handover:${input.recordId}`]?.dueDate ?? r.handoverDueDate;
      r.intakeKey = intakeKeyOf(r);
    },
  }),
);

const recordApproveStop = handle(decl.recordApproveStop, async (input, call) =>
  recordStep(call, input.recordId, 'approveStopRecording', {
    precondition: (r) =>
      r.document?.docType !== 'stopRecordingRecord'
        ? '只有“停止音像记录工作记录”需要单位负责人批准'
        : r.stopApproval
          ? '该工作记录已经批准'
          : null,
    change: (r) => {
      r.stopApproval = { by: call.staff!.staffId, at: call.now };
    },
  }),
);

/** An upload slot for one record file in the officer's quarantine folder (core/contract/case.ts recordUploadSlot). */
const recordUploadSlot = handle(decl.recordUploadSlot, async (_input, call) => {
  const slot = await openUploadSlot(call.db, {
    openid: call.caller.openid!,
    ownerRef: `staff:${call.staff!.staffId}`,
    count: 1,
    now: call.now,
  });
  return { path: slot.paths[0]!, uploadBy: slot.uploadBy.toISOString() };
});

export const caseRecordActions = {
  'record.uploadSlot': recordUploadSlot,
  'record.register': recordRegister,
  'record.receive': recordReceive,
  'record.explainLate': recordExplainLate,
  'record.approveLate': recordApproveLate,
  'record.approveStop': recordApproveStop,
};
