/**
 * The legal time limits of a case as clocks of the workflow kernel (core/workflow/define.ts
 * `ClockDef`, applied by core/workflow/clocks.ts): started and stopped by the case's steps, paused for the periods
 * the law leaves out, and extended only by an approval step. Pure declarations and rules: the case workflow's steps
 * call `excludedPeriodEffects` and `extensionEffects` for their `clocks` and `when`.
 *
 * - `decision`: a penalty case is decided within 90 days of opening (行政处罚法第六十条). The law lets the sector's
 *   procedure rules provide otherwise: the extension they allow is taken by an approval step (the days and the
 *   approving level come with the step, not from this file), and hearing, testing/inspection/appraisal and public
 *   announcement periods are not counted.
 * - `coercion`: sealing up or seizure is decided within 30 days, extendable once by at most 30 days with the
 *   approval of the body's head (行政强制法第二十五条第一款); testing, inspection, quarantine or technical appraisal
 *   periods are not counted (第二十五条第三款). 30 days are calendar days (Art. 69 makes only periods of 10 days or
 *   less working days).
 * - `evidenceHold`: evidence registered and preserved in advance is dealt with within 7 working days (行政处罚法
 *   第五十六条; 第八十五条 makes it working days). The law gives no extension and no excluded period.
 * - `handover`: each record is handed to the custodian and registered within 2 working days after the on-site work
 *   ends (全过程记录制度第二十一条); the clock of one record is `handover:<recordId>`. A later hand-over needs a written reason
 *   approved by the enforcement body's head beforehand: an extension approved before the due date.
 */
import type { ClockDef, ClockEffects, ClockState } from '../workflow/define';
import type { CaseKind, CaseStage } from './stages';

export type CaseClockName = 'decision' | 'coercion' | 'evidenceHold' | 'handover';

export const CASE_CLOCKS: Readonly<Record<string, ClockDef>> = {
  decision: { label: '行政处罚决定期限（立案之日起90日）', period: { days: 90 } },
  coercion: { label: '查封、扣押期限（30日）', period: { days: 30 } },
  evidenceHold: { label: '先行登记保存证据处理期限（7个工作日）', period: { workingDays: 7 } },
  handover: { label: '记录移交登记期限（2个工作日）', period: { workingDays: 2 } },
} satisfies Record<CaseClockName, ClockDef>;

/** The hand-over clock of one record (seed Art. 21: per record, so a late one is named). */
export function handoverClock(recordId: string): string {
  return `handover:${recordId}`;
}

/** Periods the law leaves out of a time limit (the clock pauses while one is open). */
export const EXCLUDED_PERIODS = ['hearing', 'testing', 'announcement'] as const;
export type ExcludedPeriod = (typeof EXCLUDED_PERIODS)[number];

export const EXCLUDED_PERIOD_LABELS: Readonly<Record<ExcludedPeriod, string>> = {
  hearing: '听证',
  testing: '检测、检验、检疫或者技术鉴定',
  announcement: '公告',
};

export interface ClockRule {
  article: string;
  /** The periods that do not count towards this limit. */
  excludes: readonly ExcludedPeriod[];
  /** How the limit may be extended; null: it may not. */
  extension: null | {
    /** How many times; null: as the sector rule provides (not limited here). */
    times: number | null;
    /** The most days one extension may add; null: as the approval step gives (the sector rule). */
    maxDays: number | null;
    /** The approval must be given before the due date (全过程记录制度第二十一条 "事先批准"). */
    beforeDue: boolean;
    approver: string;
    article: string;
  };
}

export const CASE_CLOCK_RULES: Readonly<Record<CaseClockName, ClockRule>> = {
  decision: {
    article: '行政处罚法第六十条',
    excludes: ['hearing', 'testing', 'announcement'],
    extension: {
      times: null,
      maxDays: null,
      beforeDue: true,
      approver: '行政机关负责人',
      article: '行政处罚法第六十条',
    },
  },
  coercion: {
    article: '行政强制法第二十五条',
    excludes: ['testing'],
    extension: {
      times: 1,
      maxDays: 30,
      beforeDue: true,
      approver: '行政机关负责人',
      article: '行政强制法第二十五条',
    },
  },
  evidenceHold: { article: '行政处罚法第五十六条、第八十五条', excludes: [], extension: null },
  handover: {
    article: '全过程记录制度第二十一条',
    excludes: [],
    extension: {
      times: null,
      maxDays: null,
      beforeDue: true,
      approver: '执法机构主管领导',
      article: '全过程记录制度第二十一条',
    },
  },
};

/**
 * Which stage of a case starts or stops which clock (the workflow's stages, core/case/stages.ts CASE_STAGES; the
 * case workflow core/case/workflow.ts takes its stage steps' clocks from here): opening starts the 90 days and the
 * decision stops them; the measure starts the 30 days and the decision on the goods stops them (行政强制法第二十七条:
 * decided within the Art. 25 period); closing a case stops what is still running. Preserved evidence and the hand-overs
 * hang on records, not stages: `evidenceHold` starts with the 证据先行登记保存决定书 and stops with the decision on the
 * evidence; `handover:<recordId>` starts when the on-site work that made the record ends and stops on receipt.
 */
export const STAGE_CLOCK_EFFECTS: Readonly<
  Record<
    CaseKind,
    Readonly<Partial<Record<CaseStage, ClockEffects & { start?: CaseClockName[]; stop?: CaseClockName[] }>>>
  >
> = {
  penalty: {
    opened: { start: ['decision'] },
    decision: { stop: ['decision'] },
    closed: { stop: ['decision'] },
  },
  coercion: {
    measure: { start: ['coercion'] },
    goodsDecision: { stop: ['coercion'] },
    closed: { stop: ['coercion'] },
  },
  inspection: {},
};

function ruleOf(clock: string): ClockRule | undefined {
  return (CASE_CLOCK_RULES as Record<string, ClockRule>)[clock.split(':')[0]!];
}

/**
 * The clock effects of an excluded period beginning or ending: on `begin`, every started clock that the law says
 * does not run during `period` pauses; on `end`, such a clock resumes only when no other period that excludes it is
 * still open (`stillOpen`: the excluded periods open after this event). The kernel keeps one pause at a time, so
 * overlapping periods (a hearing during an appraisal) count once.
 */
export function excludedPeriodEffects(
  event: 'begin' | 'end',
  period: ExcludedPeriod,
  stillOpen: readonly ExcludedPeriod[],
  clocks: Readonly<Record<string, ClockState>>,
): ClockEffects {
  const affected = Object.entries(clocks)
    .filter(([name, c]) => !c.stoppedOn && ruleOf(name)?.excludes.includes(period))
    .map(([name]) => name);
  if (event === 'begin') return { pause: affected.filter((n) => !clocks[n]!.pausedOn) };
  const resume = affected.filter(
    (n) => clocks[n]!.pausedOn && !stillOpen.some((p) => ruleOf(n)!.excludes.includes(p)),
  );
  return { resume };
}

/**
 * The effect of an approval step extending `clock` by `days` on `actedOn` (a Shanghai date), or why it may not:
 * the law's limits on extensions (only once and by at most 30 days for sealing/seizure; none for preserved
 * evidence; a late hand-over approved beforehand). `past` is how many extensions the clock had (the kernel stores
 * only the days, so the case keeps the count; for a once-only clock any extended days count as one).
 */
export function extensionEffects(
  clock: string,
  state: ClockState | undefined,
  days: number,
  actedOn: string,
  past = 0,
): { ok: true; effects: ClockEffects } | { ok: false; message: string } {
  const rule = ruleOf(clock);
  if (!rule) return { ok: false, message: '该期限不存在' };
  const ext = rule.extension;
  if (!ext) return { ok: false, message: `该期限由法律规定，不能延长（${rule.article}）` };
  if (!state) return { ok: false, message: '该期限尚未开始计算' };
  if (state.stoppedOn) return { ok: false, message: '该期限已结束，不能再延长' };
  if (!Number.isInteger(days) || days <= 0) return { ok: false, message: '延长的天数应为正整数' };
  if (ext.maxDays !== null && days > ext.maxDays) {
    return { ok: false, message: `延长不得超过${ext.maxDays}日（${ext.article}）` };
  }
  const times = Math.max(past, state.extendedDays > 0 ? 1 : 0);
  if (ext.times !== null && times >= ext.times) {
    return { ok: false, message: `该期限只能延长${ext.times === 1 ? '一' : ext.times}次（${ext.article}）` };
  }
  if (ext.beforeDue && state.dueDate && actedOn > state.dueDate) {
    return {
      ok: false,
      message: `期限届满后不能再批准延长，应在届满前经${ext.approver}批准（${ext.article}）`,
    };
  }
  return { ok: true, effects: { extend: { [clock]: days } } };
}
