/**
 * The annual figures' staff page view model (PUB-14; seed publicity Art. 26), pure: the status, the 31 January
 * deadline with its countdown, and the step buttons the backend says the caller may take (`allowed`: the page
 * never decides who may act; separation of duty and the role checks are the workflow's, server side). After a
 * 退回 the statistics section sees its reason and the 重新统计 form; whoever reviews a redrafted version sees what
 * changed, figure by figure (old -> new), with the drafter's 说明, and the earlier versions with their reasons.
 */
import type { AnnualStaffView } from '../../../core-bundle/index';
import { annualView, type AnnualView } from '../../../utils/annual-view';
import { chineseDate, shanghaiMinute, shanghaiToday } from '../../../utils/date-format';

export interface StepButton {
  step: 'review' | 'approve' | 'publish' | 'reject';
  label: string;
  /** What the button does, said plainly before it is pressed. */
  hint: string;
  theme: 'primary' | 'danger';
}

/** In the workflow's order (core/publication/annual.ts ANNUAL_WORKFLOW); 退回 last. */
const STEPS: StepButton[] = [
  { step: 'review', label: '审核通过', hint: '审核通过后报主要领导审批。', theme: 'primary' },
  { step: 'approve', label: '批准公开', hint: '批准后由办公室发布。', theme: 'primary' },
  {
    step: 'publish',
    label: '发布',
    hint: '发布后数据即在“年度行政执法数据”页向社会公开。',
    theme: 'primary',
  },
  {
    step: 'reject',
    label: '退回重新统计',
    hint: '退回信息统计科核对、重新统计后，须重新经分管领导审核；请写明退回理由，理由记入审核记录。',
    theme: 'danger',
  },
];

/** One figure a 重新统计 changed: 罚款金额 4.9 万元 → 5 万元. */
export interface ChangeRow {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** An earlier version of the figures, as the history lists it. */
export interface VersionRow {
  revision: number;
  /** 第1版 · 系统自动生成 · 2027-01-04 09:00 */
  title: string;
  /** The drafter's 说明 of that version (none for the first). */
  note: string;
  /** Why it was sent back, and when. */
  sentBack: string;
}

export interface AnnualStaffPageView {
  year: number;
  status: AnnualStaffView['status'];
  statusLabel: string;
  published: boolean;
  /** 须于2027年1月31日前公开 */
  deadline: string;
  /** 还剩 12 天 / 今天是最后一天 / 已逾期 3 天 / 已于2027年1月20日公开 */
  countdown: string;
  late: boolean;
  figures: AnnualView;
  publishedOn: string;
  steps: StepButton[];
  justiceReport: string;
  /** The figures are sent back (with the statistics section): the latest 退回's reason and when. */
  sentBack: { text: string; when: string } | null;
  /** Every 退回 with its reason, newest first (the record's history). */
  rejections: Array<{ text: string; when: string }>;
  /** The version shown (sent with a 重新统计, so that one made meanwhile is not overwritten). */
  revision: number;
  /** The caller (statistics section) may recompute the figures now (only while sent back). */
  canRedraft: boolean;
  /** A redrafted version: who and when, its 说明, and what it changed from the version sent back. */
  redrafted: { title: string; note: string; changes: ChangeRow[] } | null;
  /** The earlier versions, newest first. */
  versions: VersionRow[];
}

/** The year a page opened without one shows: the previous year (its figures are drafted in January). */
export function defaultYear(now = Date.now()): number {
  return Number(shanghaiToday(now).slice(0, 4)) - 1;
}

export function annualStaffView(v: AnnualStaffView): AnnualStaffPageView {
  const published = v.status === 'published';
  const rejections = rejectionsOf(v);
  const publishedOn = v.publishedAt
    ? chineseDate(new Date(Date.parse(v.publishedAt) + 8 * 3600_000).toISOString().slice(0, 10))
    : '';
  const countdown = published
    ? `已于${publishedOn}公开`
    : v.daysLeft > 0
      ? `还剩 ${v.daysLeft} 天`
      : v.daysLeft === 0
        ? '今天是最后一天'
        : `已逾期 ${-v.daysLeft} 天`;
  return {
    year: v.year,
    status: v.status,
    statusLabel: v.statusLabel,
    published,
    deadline: `须于${chineseDate(v.publishBy)}前公开`,
    countdown,
    late: !published && v.daysLeft < 0,
    figures: annualView(v.figures),
    publishedOn,
    steps: STEPS.filter((s) => v.allowed.includes(s.step)),
    justiceReport: v.justiceReport,
    sentBack: v.status === 'returned' && rejections.length ? rejections[0]! : null,
    rejections,
    revision: v.revision ?? 1,
    canRedraft: v.allowed.includes('redraft'),
    redrafted:
      (v.revision ?? 1) > 1
        ? {
            title: `第${v.revision}版 · ${v.draftedBy} · ${shanghaiMinute(v.draftedAt)} 重新统计`,
            note: v.note ?? '',
            changes: (v.changes ?? []).map((c) => ({ key: c.key, label: c.label, from: c.from, to: c.to })),
          }
        : null,
    versions: (v.revisions ?? []).map((r) => ({
      revision: r.revision,
      title: `第${r.revision}版 · ${r.draftedBy} · ${shanghaiMinute(r.draftedAt)}`,
      note: r.note ?? '',
      sentBack: r.sentBack ? `${shanghaiMinute(r.sentBack.at)} 退回：${r.sentBack.reason}` : '',
    })),
  };
}

/** The reasons of the 退回 steps, newest first, each with its time in Beijing. */
function rejectionsOf(v: AnnualStaffView): Array<{ text: string; when: string }> {
  return (v.comments ?? [])
    .filter((c) => c.step === 'reject')
    .reverse()
    .map((c) => ({ text: c.text, when: shanghaiMinute(c.at) }));
}

/** What the page says before sending 重新统计 without its 说明 (the backend refuses it too). */
export const NOTE_REQUIRED = '请填写重新统计说明，写明更正了哪些数据或源记录';

/** What the page says before sending 退回 without a reason (the backend refuses it too). */
export const REASON_REQUIRED = '请填写退回理由，说明需要重新核实或修改的内容';
