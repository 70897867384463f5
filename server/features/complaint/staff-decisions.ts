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
import type { ComplaintPeriods } from '../../../core/complaint/deadlines';
import type { AcceptanceNotice } from '../../../core/contract/complaint';
import { invalid } from '../../errors';
import type { ComplaintRecord, ComplaintState } from './model';
import { statusMessage } from './notify';
import { complaintPeriods } from './repository';
import { applyStep, loadForStaff, staffActor } from './staff-access';

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
  rules: {
    effect: (s: ComplaintState, record: ComplaintRecord) => void;
    notice?: Notice;
    /** The step's parameters, from the record and the periods in force (e.g. an extension's days). */
    params?: (record: ComplaintRecord, periods: ComplaintPeriods) => Record<string, string>;
    /** Other entities written in the same transaction (the case register's new case). */
    alsoWrite?: EntityWrite[];
  },
): Promise<ComplaintStepDone & { state: ComplaintState }> {
  const record = await loadForStaff(call, id, 'act');
  const { version, periods } = await complaintPeriods(call.db, call.now);
  const state = await applyStep(call, record, step, {
    calendar: await loadCalendar(call.db),
    periods,
    settingsVersion: version,
    params: rules.params?.(record, periods),
    alsoWrite: rules.alsoWrite,
    effect: (s) => {
      // The deadlines shown are the kernel's clocks (stored, and the earliest open one indexed as _wf.nextDue).
      const clocks = s._wf?.clocks ?? {};
      s.handlingDueDate = clocks.handling?.dueDate ?? s.handlingDueDate;
      s.petitionDueDate = clocks.petitionHandling?.dueDate ?? s.petitionDueDate ?? null;
      s.feedbackDueDate = clocks.feedback?.dueDate ?? s.feedbackDueDate;
      const caseClock = clocks.caseDecision;
      if (caseClock) {
        s.caseDecisionDueDate = caseClock.dueDate;
        // Stopped: decided (the case decision) or no longer owed (not accepted, closed without one).
        if (caseClock.stoppedOn) s.caseDecisionState = s.caseDecision ? 'decided' : 'notOwed';
      }
      rules.effect(s, record);
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

/**
 * How and when a staff-recorded complainant was told of the acceptance decision: only for a record with a named
 * complainant and no subscribe message (one from the mini-program is told by message), not before receipt, not
 * in the future.
 */
function noticeOf(call: Call, record: ComplaintRecord, notice: AcceptanceNotice, field: string) {
  if (record.ownerRef !== null || record.anonymous) {
    throw invalid({ [field]: record.anonymous ? '匿名举报无需告知' : '小程序提交的投诉举报已通过消息告知' });
  }
  const at = new Date(notice.at);
  if (at.getTime() > call.now.getTime() + 60_000) throw invalid({ [`${field}.at`]: '告知时间不能晚于现在' });
  if (at.getTime() < new Date(record.receivedAt).getTime()) {
    throw invalid({ [`${field}.at`]: '告知时间不能早于收到时间' });
  }
  return { method: notice.method, at, note: notice.note ?? null };
}

const complaintAccept = handle(decl.complaintAccept, async (input, call) =>
  answer(
    await runStep(call, input.id, 'accept', {
      notice: { statusLabel: '已受理', note: '您反映的问题已受理，我们将依法核查处理' },
      effect: (s, record) => {
        s.decidedAt = call.now;
        if (input.notice) s.acceptanceNotice = noticeOf(call, record, input.notice, 'payload.notice');
        s.timeline.push({ at: call.now, event: 'accepted' });
      },
    }),
  ),
);

/** Records afterwards how and when a staff-recorded complainant was told of the (non-)acceptance. */
const complaintRecordNotice = handle(decl.complaintRecordNotice, async (input, call) =>
  answer(
    await runStep(call, input.id, 'recordNotice', {
      effect: (s, record) => {
        s.acceptanceNotice = noticeOf(call, record, input.notice, 'payload.notice');
      },
    }),
  ),
);

const complaintExtendCaseDecision = handle(decl.complaintExtendCaseDecision, async (input, call) => {
  const done = await runStep(call, input.id, 'extendCaseDecision', {
    // The length is the legal setting's (市场监督管理行政处罚程序规定 Art. 18: 15 working days more).
    params: (_r, periods) => ({ days: String(periods.caseDecisionExtensionWorkingDays) }),
    effect: (s, record) => {
      s.extensions = [
        ...(record.extensions ?? []),
        {
          clock: 'caseDecision',
          days: s._wf!.clocks.caseDecision!.extendedDays,
          reason: input.reason,
          approvedBy: staffActor(call),
          at: call.now,
        },
      ];
    },
  });
  return { ...answer(done), caseDecisionDueDate: done.state.caseDecisionDueDate ?? null };
});

const complaintExtendPetition = handle(decl.complaintExtendPetition, async (input, call) => {
  const { periods } = await complaintPeriods(call.db, call.now);
  if (input.days > periods.petitionExtensionDays) {
    throw invalid({ 'payload.days': `延长期限不能超过 ${periods.petitionExtensionDays} 日` });
  }
  const done = await runStep(call, input.id, 'extendPetition', {
    params: () => ({ days: String(input.days) }),
    effect: (s, record) => {
      s.extensions = [
        ...(record.extensions ?? []),
        {
          clock: 'petitionHandling',
          days: input.days,
          reason: input.reason,
          approvedBy: staffActor(call),
          at: call.now,
        },
      ];
      // 信访工作条例 Art. 35: the petitioner is told of the extension and its reason.
      s.timeline.push({
        at: call.now,
        event: 'extended',
        text: `办理期限延长 ${input.days} 日，延长理由：${input.reason}`,
      });
    },
  });
  return { ...answer(done), petitionDueDate: done.state.petitionDueDate ?? null };
});

const complaintReject = handle(decl.complaintReject, async (input, call) => {
  const label = REJECTION_REASONS[input.reason];
  const text = input.note ? `${label}：${input.note}` : label;
  return answer(
    await runStep(call, input.id, 'reject', {
      notice: { statusLabel: '不予受理', note: label },
      effect: (s, record) => {
        s.decidedAt = call.now;
        if (input.notice) s.acceptanceNotice = noticeOf(call, record, input.notice, 'payload.notice');
        s.rejection = { reason: input.reason, note: input.note ?? null };
        s.feedbackState = 'notOwed';
        s.timeline.push({ at: call.now, event: 'rejected', text });
      },
    }),
  );
});

/**
 * A report's 立案 decision: the `decideCase` step, which stops the report's 立案 clock and starts a real-name
 * reporter's feedback period. The case register (server/features/case) takes this same step when it opens a case
 * from the report, with the new case as `alsoWrite`, so the link and the case are one transaction and opening the
 * case closes the report's 立案 clock through the one declared step.
 */
export async function decideReportCase(
  call: Call,
  id: string,
  decision: { caseOpened: boolean; note?: string | null; caseId?: string },
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
      s.caseDecisionState = 'decided';
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
  'complaint.recordNotice': complaintRecordNotice,
  'complaint.extendCaseDecision': complaintExtendCaseDecision,
  'complaint.extendPetition': complaintExtendPetition,
};
