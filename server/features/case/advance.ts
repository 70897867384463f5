/**
 * `staff` `case.advance` (REC-1): moves a case into its next stage, each act keeping the time it happened
 * (`actedAt`, up to 30 days back) and the time it was recorded. A decision (决定 / 对物品作出处理决定) carries its
 * document number, date, type, conclusion and amounts, which publication and service take up later; the statement
 * stage records when the statement period ends and whether the party stated its case or waived it in writing
 * (行政处罚法 Art. 62), which the checks read.
 */
import { CASE_STAGE_LABELS } from '../../../core/case/stages';
import * as decl from '../../../core/contract/case';
import { handle } from '../../router/types';
import { loadCase, runCaseStep } from './access';

const caseAdvance = handle(decl.caseAdvance, async (input, call) => {
  const kase = await loadCase(call, input.id);
  const state = await runCaseStep(call, kase, input.stage, {
    actedAt: input.actedAt ? new Date(input.actedAt) : undefined,
    effect: (s) => {
      if (input.decision)
        s.decisions = [...s.decisions, { ...input.decision, stage: input.stage, recordedAt: call.now }];
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

export const caseAdvanceActions = { 'case.advance': caseAdvance };
