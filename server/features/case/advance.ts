/**
 * `staff` `case.advance` (REC-1): moves a case into its next stage, each act keeping the time it happened
 * (`actedAt`, up to 30 days back) and the time it was recorded. A decision (决定 / 对物品作出处理决定) carries its
 * document number, date, type, conclusion and amounts, which publication and service take up later; the statement
 * stage records when the statement period ends and whether the party stated its case or waived it in writing
 * (行政处罚法 Art. 62), which the checks read.
 *
 * `staff` `case.clock`: a legal time limit paused for a period the law excludes and resumed (the working days paused
 * are added back), extended only by the unit head's approval (a seizure's once, by at most 30 days: 行政强制法
 * Art. 25), and the 7-working-day evidence hold started and decided (行政处罚法 Art. 56); each with its reason.
 */
import { CASE_STAGE_LABELS } from '../../../core/case/stages';
import { CASE_WORKFLOW } from '../../../core/case/workflow';
import * as decl from '../../../core/contract/case';
import type { CaseClockView } from '../../../core/contract/case';
import { AppError } from '../../errors';
import { handle } from '../../router/types';
import { loadCalendar } from '../../calendar';
import { loadCase, runCaseStep } from './access';
import { decisionPublication, publicationDueOfCase } from './publication';
import type { CaseDoc } from './model';

const caseAdvance = handle(decl.caseAdvance, async (input, call) => {
  const kase = await loadCase(call, input.id);
  // A decision's entry falls due 7 or 20 working days after it (PUB-12): stored for the dashboard (PUB-15).
  const calendar = input.decision ? await loadCalendar(call.db) : null;
  const state = await runCaseStep(call, kase, input.stage, {
    actedAt: input.actedAt ? new Date(input.actedAt) : undefined,
    effect: (s) => {
      if (input.decision) {
        const publication = decisionPublication(calendar!, kase.kind, input.decision);
        s.decisions = [
          ...s.decisions,
          { ...input.decision, stage: input.stage, recordedAt: call.now, publication },
        ];
        s.publicationDue = publicationDueOfCase(s.decisions);
      }
      if (input.statement)
        s.statement = {
          periodEndsAt: input.statement.periodEndsAt,
          partyStated: input.statement.partyStated ?? false,
          waiverInWriting: input.statement.waiverInWriting ?? false,
        };
    },
  });
  return { id: input.id, stage: state.stage, stageLabel: CASE_STAGE_LABELS[state.stage] };
});

export function clockViews(kase: Pick<CaseDoc, '_wf'>): CaseClockView[] {
  return Object.entries(kase._wf.clocks).map(([name, c]) => ({
    name,
    label: CASE_WORKFLOW.clocks![name.split(':')[0]!]?.label ?? name,
    startedOn: c.startedOn,
    dueDate: c.dueDate,
    stoppedOn: c.stoppedOn,
    pausedOn: c.pausedOn,
    extendedDays: c.extendedDays,
  }));
}

const STEP_OF = {
  pause: 'pauseClock',
  resume: 'resumeClock',
  extend: 'extendClock',
  holdEvidence: 'holdEvidence',
  decideHeldEvidence: 'decideHeldEvidence',
} as const;

/** Why the clock operation cannot be done now, or null. */
function unmet(kase: CaseDoc, input: decl.CaseClockInput): string | null {
  const name = input.clock ?? 'evidenceHold';
  const c = kase._wf.clocks[name];
  const running = !!c && !c.stoppedOn;
  switch (input.op) {
    case 'pause':
      return !running ? '该期限未在计算中' : c!.pausedOn ? '该期限已中止' : null;
    case 'resume':
      return !running || !c!.pausedOn ? '该期限未中止，无需恢复' : null;
    case 'extend':
      if (!running) return '该期限未在计算中，不能延长';
      // 行政强制法 Art. 25: a seizure's 30 days are extended once, by at most 30 days.
      return name === 'coercion' &&
        (kase.clockNotes ?? []).some((n) => n.clock === 'coercion' && n.op === 'extend')
        ? '查封、扣押期限只能延长一次'
        : null;
    case 'holdEvidence':
      return running ? '已有先行登记保存的证据尚未处理' : null;
    case 'decideHeldEvidence':
      return running ? null : '没有待处理的先行登记保存证据';
  }
}

const caseClock = handle(decl.caseClock, async (input, call) => {
  const kase = await loadCase(call, input.id);
  const why = unmet(kase, input);
  if (why) throw new AppError('PRECONDITION_FAILED', why);
  const clock = input.clock ?? 'evidenceHold';
  const state = await runCaseStep(call, kase, STEP_OF[input.op], {
    actedAt: input.actedAt ? new Date(input.actedAt) : undefined,
    params: { clock, ...(input.days ? { days: String(input.days) } : {}) },
    effect: (s) => {
      s.clockNotes = [
        ...(s.clockNotes ?? []),
        {
          clock,
          op: input.op,
          reason: input.reason,
          pauseReason: input.pauseReason ?? null,
          days: input.days ?? null,
          by: call.staff!.staffId,
          at: call.now,
        },
      ];
    },
  });
  return { id: input.id, clocks: clockViews(state) };
});

export const caseAdvanceActions = { 'case.advance': caseAdvance, 'case.clock': caseClock };
