/**
 * Organising complaints: assign handlers, link a duplicate (internal only: the citizen is never told that someone
 * else reported the same thing), split a mixed complaint and report into two records (as the benchmark rules do: a
 * submission mixing a complaint and a report is split), and record one received by phone, the 12345 hotline, a petition or
 * a letter, with its source.
 */
import * as decl from '../../../core/contract/complaint';
import { toShanghaiDate } from '../../../core/calendar';
import { emptyWorkflow } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { owesReporterFeedback } from '../../../core/complaint/lifecycle';
import { isTrackingNo } from '../../../core/complaint/tracking-no';
import { AppError, invalid } from '../../errors';
import { getAccount } from '../../org/accounts';
import { stateOf } from '../../platform/docs';
import { sealPersonalData } from '../../privacy';
import { handle, type Call } from '../../router/types';
import type { ComplaintKind } from '../../../core/contract/complaint';
import { COMPLAINT_CLOCKS } from '../../../core/complaint/workflow';
import { applyClocks } from '../../../core/workflow/clocks';
import type { WorkflowFields } from '../../../core/workflow/define';
import { openContact } from './identity';
import {
  COMPLAINTS_COLLECTION,
  sealRef,
  sortKeyOf,
  type ComplaintRecord,
  type ComplaintState,
  newComplaintIds,
} from './model';
import { receivedComplaintState, storeReceived } from './received';
import { complaintPeriods, findByTrackingNo, findComplaint } from './repository';
import { routeComplaint } from './conduct';
import { applyStep, assignableSections, handlingScope, loadForStaff, staffActor } from './staff-access';
import { inSections, isAssignable } from './staff-handlers';

const complaintAssign = handle(decl.complaintAssign, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'lead');
  const sections = assignableSections(call.staff!, record);
  const handlerIds = [...new Set(input.handlerIds)];
  const sectionIds = new Set<string>();
  for (const [i, staffId] of handlerIds.entries()) {
    const account = await getAccount(call.db, staffId);
    if (!account || !(await isAssignable(call, account, record.unitId))) {
      throw invalid({ [`payload.handlerIds.${i}`]: '承办人须为本单位在岗的执法人员' });
    }
    if (!inSections(account, sections)) {
      throw invalid({ [`payload.handlerIds.${i}`]: '承办人须为您受托分管科室的执法人员' });
    }
    if (account.sectionId) sectionIds.add(account.sectionId);
  }
  await applyStep(call, record, 'assign', {
    // The kernel refuses the officer a conduct complaint is about (core/complaint/workflow.ts `assign.when`).
    params: { handlerIds: handlerIds.join(',') },
    effect: (s) => {
      s.handlerIds = handlerIds;
      s.sectionIds = [...sectionIds];
    },
  });
  return { id: record._id, handlerIds };
});

const complaintLinkDuplicate = handle(decl.complaintLinkDuplicate, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  const original = isTrackingNo(input.duplicateOf)
    ? await findByTrackingNo(call.db, input.duplicateOf)
    : await findComplaint(call.db, input.duplicateOf);
  // Another unit's complaint answers like a missing one: staff learn nothing outside their unit.
  if (!original || original.unitId !== record.unitId)
    throw invalid({ 'payload.duplicateOf': '未找到该受理编号的投诉举报' });
  if (original._id === record._id) throw invalid({ 'payload.duplicateOf': '不能与自身关联' });
  if (original.duplicateOf === record._id)
    throw invalid({ 'payload.duplicateOf': '两件投诉举报不能互为重复' });
  await applyStep(call, record, 'linkDuplicate', {
    effect: (s) => {
      s.duplicateOf = original._id;
    },
  });
  return { id: record._id, duplicateOf: original._id };
});

/**
 * The split-off record's clocks: its channel's acceptance clock as the original has it (from the same receipt),
 * and for a report its own 立案 clock from that receipt, with the periods in force at receipt.
 */
async function splitClocks(
  call: Call,
  record: ComplaintRecord,
  kind: ComplaintKind,
): Promise<WorkflowFields> {
  const receivedOn = toShanghaiDate(new Date(record.receivedAt));
  const acceptance = record.channel === 'petition' ? 'petitionAcceptance' : 'acceptance';
  const wf: WorkflowFields = {
    ...emptyWorkflow(),
    clocks: {
      [acceptance]: {
        startedOn: receivedOn,
        dueDate: record.acceptanceDueDate,
        pausedOn: null,
        pausedDays: 0,
        extendedDays: 0,
        stoppedOn: null,
      },
    },
    nextDue: record.acceptanceDueDate,
  };
  if (kind !== 'report') return wf;
  const { periods } = await complaintPeriods(call.db, new Date(record.receivedAt));
  const calendar = await loadCalendar(call.db);
  return {
    ...wf,
    ...applyClocks(calendar, COMPLAINT_CLOCKS, wf, { start: ['caseDecision'] }, receivedOn, { ...periods }),
  };
}

/**
 * A record is split once: the split-off record remembers `splitFrom`, the original `splitInto`, written in one
 * transaction against the original's revision (two concurrent splits cannot both win). A repeat of the same request
 * finds its own split and answers it again; any other repeat is refused, so splitting cannot multiply what the
 * citizen sees.
 */
const complaintSplit = handle(decl.complaintSplit, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  if (record.splitFrom) throw new AppError('PRECONDITION_FAILED', '拆分出的记录不能再次拆分');
  const { id, trackingNo } = newComplaintIds(call, `split:${record._id}`);
  if (record.splitInto) {
    // The same request committed before but its answer was lost: answer it again.
    if (record.splitInto === id) return { id, trackingNo: (await findComplaint(call.db, id))!.trackingNo };
    throw new AppError('PRECONDITION_FAILED', '该投诉举报已拆分过一次，不能再次拆分');
  }
  const kind = record.kind === 'complaint' ? 'report' : 'complaint';
  const contact = await openContact(call.db, record);
  const state: ComplaintState = {
    ...structuredClone(stateOf(record)),
    trackingNo,
    kind,
    description: input.description,
    contactSealed: contact ? await sealPersonalData(call.db, sealRef(id), contact, call.now) : null,
    status: 'submitted',
    handlerIds: record.handlerIds,
    decidedAt: null,
    rejection: null,
    handlingDueDate: null,
    caseDecision: null,
    feedbackState: owesReporterFeedback(kind, record.anonymous) ? 'pending' : 'notOwed',
    feedbackDueDate: null,
    closedAt: null,
    result: null,
    // The acceptance period still runs from receipt of the original submission.
    timeline: [{ at: record.receivedAt, event: 'submitted' }],
    duplicateOf: null,
    splitFrom: record._id,
    splitInto: null,
    // A fresh history; the acceptance period (and a report's 立案 period) still runs from the original's receipt.
    _wf: await splitClocks(call, record, kind),
    caseDecisionState: kind === 'report' ? 'due' : 'notOwed',
    caseDecisionDueDate: null,
    petitionDueDate: null,
    acceptanceNotice: null,
    extensions: [],
    sortKey: sortKeyOf(new Date(record.receivedAt), id),
    createdAt: call.now,
    updatedAt: call.now,
  };
  state.caseDecisionDueDate = state._wf?.clocks.caseDecision?.dueDate ?? null;
  // One step on the original (its precondition: split once, never from a split-off record nor an anonymous report
  // into a complaint) that creates the other record in the same transaction.
  await applyStep(call, record, 'split', {
    effect: (s) => {
      s.splitInto = id;
    },
    alsoWrite: [
      {
        collection: COMPLAINTS_COLLECTION,
        id,
        expectedRev: null,
        state: state as unknown as Record<string, unknown>,
      },
    ],
  });
  return { id, trackingNo };
});

/**
 * How far back a receipt may be dated. Calls, 12345 work orders and letters are entered within days; a year still
 * covers a petition forwarded late by another body, and keeps the date inside the working-day calendar's years
 * (a date outside them could only fail). Later than now is refused too: it would hide a late entry (REC-16).
 */
const RECEIVED_AT_MAX_AGE_MS = 366 * 24 * 3600_000;

const complaintRecord = handle(decl.complaintRecord, async (input, call) => {
  const routing = await routeComplaint(call.db, input);
  // A new record goes to its routed unit: only a handling role over that whole unit records it (a conduct
  // complaint is recorded by the commission, never by the unit complained about).
  if (!handlingScope(call.staff!, routing.unitId).wholeUnit)
    throw new AppError(
      'FORBIDDEN',
      routing.conduct
        ? '反映执法行为的投诉举报由委机关法规与综合监督科登记'
        : '只有受理单位的工作人员可以登记',
    );
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : call.now;
  if (receivedAt.getTime() > call.now.getTime() + 60_000)
    throw invalid({ 'payload.receivedAt': '收到时间不能晚于现在' });
  if (receivedAt.getTime() < call.now.getTime() - RECEIVED_AT_MAX_AGE_MS)
    throw invalid({ 'payload.receivedAt': '收到时间不能早于一年前，请核对后填写' });
  const { id, trackingNo } = newComplaintIds(call, 'record');
  const { version, periods } = await complaintPeriods(call.db, receivedAt);
  const calendar = await loadCalendar(call.db);
  const contact = input.contact.anonymous ? null : { name: input.contact.name, phone: input.contact.phone };
  const state = await receivedComplaintState(call.db, {
    id,
    trackingNo,
    ownerRef: null,
    kind: input.kind,
    category: input.category,
    subject: input.subject,
    description: input.description,
    photos: [],
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    contact,
    ...routing,
    receivedAt,
    calendar,
    periods,
    settingsVersion: version,
    now: call.now,
  });
  await storeReceived(
    call.db,
    { actor: staffActor(call), action: 'complaint.record', at: call.now },
    id,
    state,
  );
  const acceptanceDueProvisional = state._wf?.clocks.acceptance?.provisional ?? false;
  return { id, trackingNo, acceptanceDueDate: state.acceptanceDueDate, acceptanceDueProvisional };
});

export const complaintOrganiseActions = {
  'complaint.assign': complaintAssign,
  'complaint.linkDuplicate': complaintLinkDuplicate,
  'complaint.split': complaintSplit,
  'complaint.record': complaintRecord,
};
