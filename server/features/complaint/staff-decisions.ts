/**
 * The citizen-visible handling steps: accept, reject (a reason from the fixed list), the case decision of a
 * report, reply, close. Each writes the step's subscribe message into the outbox in the same transaction
 * (notify.ts); the case decision itself is internal (the reporter is told by the reply that follows, within the
 * feedback period the dashboard watches).
 */
import * as decl from '../../../core/contract/complaint';
import type { ComplaintStaffStep, ComplaintStepDone } from '../../../core/contract/complaint';
import { loadCalendar } from '../../calendar';
import { STATUS_LABELS } from '../../../core/complaint/lifecycle';
import { REJECTION_REASONS } from '../../../core/complaint/reasons';
import type { EntityWrite } from '../../ledger/commit';
import { handle, type Call } from '../../router/types';
import { openContact } from './identity';
import type { ComplaintState } from './model';
import { statusMessage } from './notify';
import { complaintPeriods } from './repository';
import { applyStep, loadForStaff } from './staff-access';

/** The outbox row of a step the citizen sees: the status notice, by subscribe message (PUB-3). */
interface Notice {
  statusLabel: string;
  note: string;
}

/**
 * One handling step through the kernel: the record loaded and checked there (state, actor, preconditions), its
 * clocks moved with the periods of the settings in force, the step's domain rules applied to the new state, the
 * citizen's notice written in the same transaction, the act stamped with that settings version.
 */
async function runStep(
  call: Call,
  id: string,
  step: ComplaintStaffStep,
  rules: { effect: (s: ComplaintState) => void; notice?: Notice; alsoWrite?: EntityWrite[] },
): Promise<ComplaintStepDone & { state: ComplaintState }> {
  const record = await loadForStaff(call, id, 'act');
  const { version, periods } = await complaintPeriods(call.db, call.now);
  const state = await applyStep(call, record, step, {
    calendar: await loadCalendar(call.db),
    periods,
    settingsVersion: version,
    alsoWrite: rules.alsoWrite,
    effect: (s) => {
      // The deadlines shown are the kernel's clocks (stored, and the earliest open one indexed as _wf.nextDue).
      const clocks = s._wf?.clocks ?? {};
      s.handlingDueDate = clocks.handling?.dueDate ?? s.handlingDueDate;
      s.feedbackDueDate = clocks.feedback?.dueDate ?? s.feedbackDueDate;
      rules.effect(s);
    },
    inserts: async (rev) =>
      rules.notice
        ? statusMessage(record, await openContact(call.db, record), { ...rules.notice, at: call.now, rev })
        : [],
  });
  return { id, status: state.status, statusLabel: STATUS_LABELS[state.status], state };
}

const answer = ({ state: _state, ...done }: ComplaintStepDone & { state: ComplaintState }) => done;

/** A reply or the closing result tells a real-name reporter the outcome (the feedback duty, core/complaint/lifecycle.ts). */
function feedbackGiven(state: ComplaintState): void {
  if (state.feedbackState === 'due' || state.feedbackState === 'pending') state.feedbackState = 'given';
}

const complaintAccept = handle(decl.complaintAccept, async (input, call) =>
  answer(
    await runStep(call, input.id, 'accept', {
      notice: { statusLabel: '已受理', note: '您反映的问题已受理，我们将依法核查处理' },
      effect: (s) => {
        s.decidedAt = call.now;
        s.timeline.push({ at: call.now, event: 'accepted' });
      },
    }),
  ),
);

const complaintReject = handle(decl.complaintReject, async (input, call) => {
  const label = REJECTION_REASONS[input.reason];
  const text = input.note ? `${label}：${input.note}` : label;
  return answer(
    await runStep(call, input.id, 'reject', {
      notice: { statusLabel: '不予受理', note: label },
      effect: (s) => {
        s.decidedAt = call.now;
        s.rejection = { reason: input.reason, note: input.note ?? null };
        s.feedbackState = 'notOwed';
        s.timeline.push({ at: call.now, event: 'rejected', text });
      },
    }),
  );
});

/**
 * A report's case decision (立案 or not). The case register (server/features/case) takes this step when it opens
 * a case from the report, with the new case as `alsoWrite`, so the link and the case are one transaction.
 */
export async function decideReportCase(
  call: Call,
  id: string,
  decision: { caseOpened: boolean; note?: string; caseId?: string },
  alsoWrite?: EntityWrite[],
): Promise<ComplaintStepDone & { state: ComplaintState }> {
  return runStep(call, id, 'decideCase', {
    alsoWrite,
    effect: (s) => {
      s.caseDecision = {
        caseOpened: decision.caseOpened,
        at: call.now,
        note: decision.note ?? null,
        ...(decision.caseId ? { caseId: decision.caseId } : {}),
      };
      // The feedback clock started (a real-name report's): the reporter is owed an answer by its due date.
      if (s.feedbackState === 'pending') s.feedbackState = 'due';
    },
  });
}

const complaintDecideCase = handle(decl.complaintDecideCase, async (input, call) => {
  const done = await decideReportCase(call, input.id, { caseOpened: input.caseOpened, note: input.note });
  return { ...answer(done), feedbackDueDate: done.state.feedbackDueDate };
});

const complaintReply = handle(decl.complaintReply, async (input, call) =>
  answer(
    await runStep(call, input.id, 'reply', {
      notice: { statusLabel: '已答复', note: '您的投诉举报有新的答复，请查看' },
      effect: (s) => {
        s.timeline.push({ at: call.now, event: 'replied', text: input.text });
        if (s.caseDecision) feedbackGiven(s);
      },
    }),
  ),
);

const complaintClose = handle(decl.complaintClose, async (input, call) =>
  answer(
    await runStep(call, input.id, 'close', {
      notice: { statusLabel: '已办结', note: '您的投诉举报已办结，请查看处理结果' },
      effect: (s) => {
        s.closedAt = call.now;
        s.result = input.result;
        feedbackGiven(s);
        s.timeline.push({ at: call.now, event: 'closed', text: input.result });
      },
    }),
  ),
);

export const complaintDecisionActions = {
  'complaint.accept': complaintAccept,
  'complaint.reject': complaintReject,
  'complaint.decideCase': complaintDecideCase,
  'complaint.reply': complaintReply,
  'complaint.close': complaintClose,
};
