/**
 * TEMPORARY (helper "cases"): the case clocks the register compiles against. The helper "casechecks" writes the
 * real declarations (item 6: pauses for excluded periods, extension by approval); the lead takes theirs.
 */
import type { ClockDef } from '../workflow/define';

export const CASE_CLOCKS: Readonly<Record<string, ClockDef>> = {
  decision: { label: '行政处罚决定期限', period: { days: 90 } },
  coercion: { label: '查封扣押处理决定期限', period: { days: 30 } },
  evidenceHold: { label: '证据先行登记保存处理期限', period: { workingDays: 7 } },
  handover: { label: '执法记录移交期限', period: { workingDays: 2 } },
};
