/**
 * Separation of duties: a person may hold several roles but never passes at a later
 * step what they prepared or already passed. Features keep each step's actor in the record's history and call
 * this before recording a new step.
 */
import { AppError } from '../errors';

export interface StepRecord {
  /** e.g. 'prepare', 'review', 'forward', 'approve'. */
  step: string;
  staffId: string;
}

const STEP_LABELS: Record<string, string> = {
  prepare: '起草',
  submit: '提交',
  review: '审核',
  forward: '转办',
  approve: '审批',
  check: '审查',
};

export function assertSeparateActor(history: readonly StepRecord[], staffId: string): void {
  const earlier = history.find((h) => h.staffId === staffId);
  if (earlier) {
    const label = STEP_LABELS[earlier.step] ?? earlier.step;
    throw new AppError('FORBIDDEN', `您已在此前的“${label}”环节经手该事项，按职责分离要求不能再办理后续环节`);
  }
}
