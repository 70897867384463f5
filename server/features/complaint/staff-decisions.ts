/**
 * The citizen-visible handling steps: accept, reject (a reason from the fixed list), the case decision of a
 * report, reply, close. Each writes the step's subscribe message into the outbox in the same transaction
 * (notify.ts); the case decision itself is internal (the reporter is told by the reply that follows, within the
 * feedback period the dashboard watches).
 */
import * as decl from '../../../core/contract/complaint';
import { loadCalendar } from '../../calendar';
import { handlingDue, reporterFeedbackDue } from '../../../core/complaint/deadlines';
import { STATUS_LABELS } from '../../../core/complaint/lifecycle';
import { REJECTION_REASONS } from '../../../core/complaint/reasons';
import { AppError } from '../../errors';
import { handle, type Call } from '../../router/types';
import { openContact } from './identity';
import type { ComplaintRecord, ComplaintState } from './model';
import type { ComplaintStepDone } from '../../../core/contract/complaint';
import { statusMessage } from './notify';
import { complaintPeriods } from './repository';
import { applyStep, loadForStaff } from './staff-access';

type Done = ComplaintStepDone;
const done = (record: ComplaintRecord, state: ComplaintState): Done => ({
  id: record._id,
  status: state.status,
  statusLabel: STATUS_LABELS[state.status],
});

/** The outbox records for a step the citizen sees. */
const notifying =
  (call: Call, record: ComplaintRecord, statusLabel: string, note: string) => async (rev: number) =>
    statusMessage(record, await openContact(call.db, record), { statusLabel, note, at: call.now, rev });

/** A reply or the closing result tells a real-name reporter the outcome (the feedback duty, core/complaint/lifecycle.ts). */
function feedbackGiven(state: ComplaintState): void {
  if (state.feedbackState === 'due' || state.feedbackState === 'pending') state.feedbackState = 'given';
}

const complaintAccept = handle(decl.complaintAccept, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  const { version, periods } = await complaintPeriods(call.db, call.now);
  const due = handlingDue(await loadCalendar(call.db), call.now, periods);
  const state = await applyStep(
    call,
    record,
    'accept',
    (s) => {
      s.status = 'accepted';
      s.decidedAt = call.now;
      s.handlingDueDate = due.date;
      s.handlingSettingsVersion = version;
      s.timeline.push({ at: call.now, event: 'accepted' });
    },
    notifying(call, record, '已受理', '您反映的问题已受理，我们将依法核查处理'),
  );
  return done(record, state);
});

const complaintReject = handle(decl.complaintReject, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  const label = REJECTION_REASONS[input.reason];
  const text = input.note ? `${label}：${input.note}` : label;
  const state = await applyStep(
    call,
    record,
    'reject',
    (s) => {
      s.status = 'rejected';
      s.decidedAt = call.now;
      s.rejection = { reason: input.reason, note: input.note ?? null };
      s.feedbackState = 'notOwed';
      s.timeline.push({ at: call.now, event: 'rejected', text });
    },
    notifying(call, record, '不予受理', label),
  );
  return done(record, state);
});

const complaintDecideCase = handle(decl.complaintDecideCase, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  if (record.kind !== 'report') throw new AppError('PRECONDITION_FAILED', '只有举报需要记录是否立案');
  if (record.caseDecision) throw new AppError('PRECONDITION_FAILED', '已记录过是否立案的决定');
  const { version, periods } = await complaintPeriods(call.db, call.now);
  const due = reporterFeedbackDue(await loadCalendar(call.db), call.now, periods);
  const state = await applyStep(call, record, 'decideCase', (s) => {
    s.caseDecision = {
      caseOpened: input.caseOpened,
      at: call.now,
      note: input.note ?? null,
      settingsVersion: version,
    };
    if (s.feedbackState === 'pending') {
      s.feedbackState = 'due';
      s.feedbackDueDate = due.date;
    }
  });
  return { ...done(record, state), feedbackDueDate: state.feedbackDueDate };
});

const complaintReply = handle(decl.complaintReply, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  const state = await applyStep(
    call,
    record,
    'reply',
    (s) => {
      s.timeline.push({ at: call.now, event: 'replied', text: input.text });
      if (s.caseDecision) feedbackGiven(s);
    },
    notifying(call, record, '已答复', '您的投诉举报有新的答复，请查看'),
  );
  return done(record, state);
});

const complaintClose = handle(decl.complaintClose, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'act');
  const state = await applyStep(
    call,
    record,
    'close',
    (s) => {
      s.status = 'closed';
      s.closedAt = call.now;
      s.result = input.result;
      feedbackGiven(s);
      s.timeline.push({ at: call.now, event: 'closed', text: input.result });
    },
    notifying(call, record, '已办结', '您的投诉举报已办结，请查看处理结果'),
  );
  return done(record, state);
});

export const complaintDecisionActions = {
  'complaint.accept': complaintAccept,
  'complaint.reject': complaintReject,
  'complaint.decideCase': complaintDecideCase,
  'complaint.reply': complaintReply,
  'complaint.close': complaintClose,
};
