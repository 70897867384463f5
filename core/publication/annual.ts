/**
 * Annual enforcement data (PUB-14; seed publicity Art. 26): on the first working day of January
 * the scheduler drafts the previous year's figures; they go through review (分管领导), approval (主要领导) and
 * publication by the office (publisher), a workflow of their own on the kernel, and must be published by 31
 * January. A 退回 goes to the statistics section (信息统计科), which recomputes them (重新统计) before review. The report to the district justice bureau is written from a template in the settings. Pure.
 *
 * Figures count only what the public views already say (kinds, categories, amounts, dates): no party is named.
 */
import type { Calendar } from '../calendar/calendar';
import { holdsFor } from '../org/scope';
import type { Role } from '../org/roles';
import type { WorkflowActor, WorkflowDef, WorkflowFields } from '../workflow/define';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, type EntryKind } from './kinds';

export interface AnnualFigures {
  year: number;
  /** Results decided in the year, by kind; by category within each kind; by outcome (published / withdrawn). */
  byKind: Array<{ kind: EntryKind; label: string; count: number }>;
  byCategory: Array<{ kind: EntryKind; category: string; count: number }>;
  byOutcome: { published: number; withdrawn: number; withheld: number };
  /** 万元, decimal text (summed in 1/1,000,000 万元 integers: never floats). */
  fines: string;
  confiscations: string;
  complaints: { received: number; accepted: number; closed: number };
  /** Published within their deadline (PUB-12), of those published; percent with one decimal, or null when none. */
  onTime: { published: number; withinDeadline: number; percent: string | null };
  withdrawals: number;
}

/** What the figures are computed from: each entry's public facts and its publication dates. */
export interface AnnualEntryFacts {
  kind: EntryKind;
  categories: string[];
  status: string;
  fine: string | null;
  confiscated: string | null;
  /** The day it was published and the day its publication was due (YYYY-MM-DD), when published. */
  publishedOn: string | null;
  dueOn: string | null;
}

const MICRO = 1_000_000;
function toMicro(v: string | null): number {
  if (!v) return 0;
  const [int, frac = ''] = v.split('.');
  return Number(int) * MICRO + Number((frac + '000000').slice(0, 6));
}
function fromMicro(n: number): string {
  const int = Math.floor(n / MICRO);
  const frac = String(n % MICRO)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

export function annualFigures(
  year: number,
  entries: readonly AnnualEntryFacts[],
  complaints: { received: number; accepted: number; closed: number },
): AnnualFigures {
  const kindCount = new Map<EntryKind, number>();
  const catCount = new Map<string, { kind: EntryKind; category: string; count: number }>();
  let fines = 0;
  let confiscations = 0;
  const outcome = { published: 0, withdrawn: 0, withheld: 0 };
  let published = 0;
  let withinDeadline = 0;
  for (const e of entries) {
    kindCount.set(e.kind, (kindCount.get(e.kind) ?? 0) + 1);
    for (const c of e.categories) {
      const key = `${e.kind}\u0000${c}`;
      const hit = catCount.get(key) ?? { kind: e.kind, category: c, count: 0 };
      hit.count++;
      catCount.set(key, hit);
    }
    if (e.status === 'withdrawn') outcome.withdrawn++;
    else if (e.status === 'published' || e.status === 'superseded') outcome.published++;
    else outcome.withheld++;
    fines += toMicro(e.fine);
    confiscations += toMicro(e.confiscated);
    if (e.publishedOn) {
      published++;
      if (e.dueOn && e.publishedOn <= e.dueOn) withinDeadline++;
    }
  }
  return {
    year,
    byKind: ENTRY_KINDS.map((kind) => ({
      kind,
      label: ENTRY_KIND_LABELS[kind],
      count: kindCount.get(kind) ?? 0,
    })),
    byCategory: [...catCount.values()].sort(
      (a, b) => b.count - a.count || a.category.localeCompare(b.category),
    ),
    byOutcome: outcome,
    fines: fromMicro(fines),
    confiscations: fromMicro(confiscations),
    complaints,
    onTime: {
      published,
      withinDeadline,
      percent: published ? (Math.round((withinDeadline * 1000) / published) / 10).toFixed(1) : null,
    },
    withdrawals: outcome.withdrawn,
  };
}

/** The first working day of January of `year` (the day the scheduler drafts the previous year's figures). */
export function firstWorkingDayOfJanuary(calendar: Calendar, year: number): string {
  return calendar.nextWorkingDay(`${year}-01-01`).date;
}

/** The last day to publish a year's figures: 31 January of the next year (PUB-14). */
export const publishByOf = (year: number) => `${year + 1}-01-31`;

/** The default template of the report to the district justice bureau (seed Art. 26); `{name}` fields are filled. */
export const DEFAULT_JUSTICE_REPORT_TEMPLATE = [
  '区司法局：',
  '根据行政执法公示制度的规定，现将我委{year}年度行政执法数据报告如下：',
  '一、全年作出行政执法决定{total}件，其中行政处罚{penalty}件、行政许可{permit}件、行政强制{coercion}件、行政检查{inspection}件、行政征收{levy}件。',
  '二、罚款金额{fines}万元，没收违法所得和非法财物金额{confiscations}万元。',
  '三、收到投诉举报{received}件，受理{accepted}件，办结{closed}件。',
  '四、执法决定信息{published}件按期公示{withinDeadline}件，按期公示率{onTimePercent}%；撤回公示{withdrawals}件。',
  '特此报告。',
].join('\n');

/** Fills the template's `{name}` fields from the figures; an unknown field stays as written. */
export function justiceReport(template: string, f: AnnualFigures): string {
  const count = (k: EntryKind) => f.byKind.find((b) => b.kind === k)?.count ?? 0;
  const values: Record<string, string> = {
    year: String(f.year),
    total: String(f.byKind.reduce((n, b) => n + b.count, 0)),
    ...Object.fromEntries(ENTRY_KINDS.map((k) => [k, String(count(k))])),
    fines: f.fines,
    confiscations: f.confiscations,
    received: String(f.complaints.received),
    accepted: String(f.complaints.accepted),
    closed: String(f.complaints.closed),
    published: String(f.onTime.published),
    withinDeadline: String(f.onTime.withinDeadline),
    onTimePercent: f.onTime.percent ?? '—',
    withdrawals: String(f.withdrawals),
  };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** The annual-data record as a workflow (its own kind on the kernel). */
export const ANNUAL_STATES = ['drafted', 'reviewed', 'approved', 'returned', 'published'] as const;
export type AnnualState = (typeof ANNUAL_STATES)[number];
export const ANNUAL_STATE_LABELS: Record<AnnualState, string> = {
  drafted: '待分管领导审核',
  reviewed: '待主要领导审批',
  approved: '待办公室发布',
  returned: '已退回，待信息统计科重新统计',
  published: '已公开',
};

export interface AnnualRecordForWorkflow {
  _wf: WorkflowFields;
  status: AnnualState;
  /** The commission (the report is the commission's). */
  unitId: string;
}

type A = AnnualRecordForWorkflow;
const holds = (roles: readonly Role[]) => (a: WorkflowActor, r: A) => holdsFor(a, roles, r.unitId, []);

export const ANNUAL_WORKFLOW: WorkflowDef<AnnualState, A> = {
  type: 'annualReport',
  collection: 'annualReports',
  stateField: 'status',
  states: ANNUAL_STATES,
  settings: 'act',
  sees: (a) => a.kind === 'system' || (a.roles ?? []).length > 0,
  steps: {
    review: {
      label: '审核',
      from: ['drafted'],
      to: 'reviewed',
      who: holds(['reviewer']),
      refusal: '年度数据由分管领导审核',
    },
    approve: {
      label: '审批',
      from: ['reviewed'],
      to: 'approved',
      who: holds(['principal']),
      refusal: '年度数据由主要领导审批',
      notBy: ['review'],
    },
    publish: {
      label: '发布',
      from: ['approved'],
      to: 'published',
      who: holds(['publisher']),
      refusal: '年度数据由办公室发布',
      notBy: ['review', 'approve'],
    },
    // 退回 goes to the statistics section, which drafts the figures: it corrects them (重新统计) before anyone
    // reviews them again. The 分管领导 may send back what they are asked to review; once reviewed, whoever
    // approves or publishes may too.
    reject: {
      label: '退回',
      from: ['drafted', 'reviewed', 'approved'],
      to: 'returned',
      who: (a, r) =>
        holdsFor(
          a,
          r.status === 'drafted' ? ['reviewer'] : ['reviewer', 'principal', 'publisher'],
          r.unitId,
          [],
        ),
      refusal: '只有审核、审批或发布的人员可以退回',
      newRound: true,
    },
    // 重新统计 (server/features/publication/annual.ts `annual.redraft`): the figures recomputed from the current
    // data with the drafter's 说明, then reviewed again from the start of the round.
    redraft: {
      label: '重新统计',
      from: ['returned'],
      to: 'drafted',
      who: holds(['statistician']),
      refusal: '年度数据由信息统计科重新统计',
    },
  },
};

/** One figure that differs between two versions (a 重新统计): its label and both values as the page writes them. */
export interface AnnualFigureChange {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** Every figure as a labelled line (key, label, value with its unit): what a per-figure comparison reads. */
export function annualFigureLines(f: AnnualFigures): Array<{ key: string; label: string; value: string }> {
  const count = (n: number) => `${n} 件`;
  return [
    ...f.byKind.map((b) => ({ key: `kind:${b.kind}`, label: `${b.label}决定`, value: count(b.count) })),
    ...f.byCategory.map((c) => ({
      key: `category:${c.kind}:${c.category}`,
      label: `${ENTRY_KIND_LABELS[c.kind]}：${c.category}`,
      value: count(c.count),
    })),
    { key: 'outcome:published', label: '已公示', value: count(f.byOutcome.published) },
    { key: 'outcome:withdrawn', label: '已撤回', value: count(f.byOutcome.withdrawn) },
    { key: 'outcome:withheld', label: '未公示', value: count(f.byOutcome.withheld) },
    { key: 'fines', label: '罚款金额', value: `${f.fines} 万元` },
    { key: 'confiscations', label: '没收违法所得和非法财物金额', value: `${f.confiscations} 万元` },
    { key: 'complaints:received', label: '收到投诉举报', value: count(f.complaints.received) },
    { key: 'complaints:accepted', label: '受理投诉举报', value: count(f.complaints.accepted) },
    { key: 'complaints:closed', label: '办结投诉举报', value: count(f.complaints.closed) },
    { key: 'onTime:published', label: '公示的决定', value: count(f.onTime.published) },
    { key: 'onTime:withinDeadline', label: '按期公示', value: count(f.onTime.withinDeadline) },
    {
      key: 'onTime:percent',
      label: '按期公示率',
      value: f.onTime.percent === null ? '—' : `${f.onTime.percent}%`,
    },
    { key: 'withdrawals', label: '撤回公示', value: count(f.withdrawals) },
  ];
}

/**
 * What a 重新统计 changed, figure by figure (old -> new), in the order of the newer version's lines; a category
 * that is no longer counted shows as 0 件. Empty when nothing changed.
 */
export function annualFigureChanges(before: AnnualFigures, after: AnnualFigures): AnnualFigureChange[] {
  const old = new Map(annualFigureLines(before).map((l) => [l.key, l]));
  const now = annualFigureLines(after);
  const changes: AnnualFigureChange[] = [];
  for (const l of now) {
    const was = old.get(l.key)?.value ?? '0 件';
    if (was !== l.value) changes.push({ key: l.key, label: l.label, from: was, to: l.value });
  }
  const seen = new Set(now.map((l) => l.key));
  for (const l of old.values()) {
    if (!seen.has(l.key)) changes.push({ key: l.key, label: l.label, from: l.value, to: '0 件' });
  }
  return changes;
}
