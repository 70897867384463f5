/**
 * Publication deadlines as kernel clocks (core/workflow/clocks.ts applies them):
 * - PUB-12 (seed Art. 24): permit and penalty decisions are published within 7 working days of the decision,
 *   other information within 20 working days of being created or changed. The clock starts on the decision date
 *   when the entry is created (or the register's decision is recorded) and stops when the entry is published.
 * - PUB-13 (seed Art. 25; 行政处罚法 Art. 48 para. 2): a decision changed, revoked, found unlawful or void is taken
 *   down, and the public reason published after a review, each within 3 working days of the LATER of the date the
 *   changing act took effect and the date it was received.
 * Periods run from the day after the start (docs/requirements.md "Rules used everywhere"). Pure.
 */
import type { ClockDef } from '../workflow/define';
import type { EntryKind } from './fields';

export const SGS_PUBLICATION_WORKING_DAYS = 7;
export const OTHER_PUBLICATION_WORKING_DAYS = 20;
export const WITHDRAWAL_WORKING_DAYS = 3;

export const PUBLICATION_CLOCKS = {
  publishSgs: { label: '许可、处罚决定公示期限', period: { workingDays: SGS_PUBLICATION_WORKING_DAYS } },
  publishOther: { label: '执法结果公示期限', period: { workingDays: OTHER_PUBLICATION_WORKING_DAYS } },
  takeDown: { label: '撤下已变更的公示信息', period: { workingDays: WITHDRAWAL_WORKING_DAYS } },
  withdrawalReason: { label: '公布撤回理由', period: { workingDays: WITHDRAWAL_WORKING_DAYS } },
} as const satisfies Record<string, ClockDef>;

export type PublicationClock = keyof typeof PUBLICATION_CLOCKS;

/** The publication clock of an entry of `kind` (PUB-12): 7 working days for penalties and permits, else 20. */
export function publicationClockFor(kind: EntryKind): 'publishSgs' | 'publishOther' {
  return kind === 'penalty' || kind === 'permit' ? 'publishSgs' : 'publishOther';
}

/**
 * The date the withdrawal clocks run from (item 7): the later of the date the changing act (a review decision, a
 * judgment, a revocation) took effect and the date the authority received it. Both are YYYY-MM-DD.
 */
export function withdrawalStartsOn(effectiveOn: string, receivedOn: string): string {
  return effectiveOn > receivedOn ? effectiveOn : receivedOn;
}
