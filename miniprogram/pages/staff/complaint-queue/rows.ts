/**
 * The queue's pure view model: a row per `complaint.queue` item, with the deadline that matters now as the
 * backend computed it in working days (the calendar's, core/calendar), and the tabs with their counts.
 */
import {
  COMPLAINT_KIND_LABELS,
  type ComplaintQueuePage,
  type QueueTab,
  type StaffComplaintQueueItem,
} from '../../../core-bundle/index';
import { chineseDate } from '../../../utils/date-format';

export const TABS: Array<{ key: QueueTab; label: string }> = [
  { key: 'submitted', label: '待受理' },
  { key: 'accepted', label: '办理中' },
  { key: 'overdue', label: '已逾期' },
  { key: 'mine', label: '我的' },
  { key: 'all', label: '全部' },
  { key: 'closed', label: '已办结' },
  { key: 'rejected', label: '不予受理' },
];

/** The older `filter` query values (links from before the tabs) map to a tab. */
export function tabOf(query: Record<string, string | undefined>): QueueTab | null {
  const key = query.tab ?? query.filter;
  return TABS.find((t) => t.key === key)?.key ?? null;
}

export interface TabView {
  key: QueueTab;
  label: string;
  /** '', '8', or '99+' */
  count: string;
}

export function tabViews(counts: ComplaintQueuePage['counts'] | null | undefined): TabView[] {
  return TABS.map((t) => {
    const c = counts?.[t.key as keyof NonNullable<ComplaintQueuePage['counts']>];
    return { ...t, count: c ? (c.capped ? `${c.total}+` : String(c.total)) : '' };
  });
}

export interface QueueRow {
  id: string;
  trackingNo: string;
  title: string;
  subjectName: string;
  status: string;
  statusLabel: string;
  received: string;
  /** e.g. 受理期限 2026年12月8日 */
  dueLabel: string;
  /** 剩 3 个工作日 / 今天到期 / 已逾期 2 个工作日 */
  dueLeft: string;
  overdue: boolean;
  /** Due within two working days (not overdue): shown in the warning colour. */
  dueSoon: boolean;
}

export function leftLabel(workingDaysLeft: number, overdue: boolean): string {
  if (overdue) return workingDaysLeft < 0 ? `已逾期 ${-workingDaysLeft} 个工作日` : '已逾期';
  if (workingDaysLeft <= 0) return '今天到期';
  return `剩 ${workingDaysLeft} 个工作日`;
}

/** One card: all its dates in one format (2026年11月27日). */
export function queueRow(item: StaffComplaintQueueItem): QueueRow {
  const kind = COMPLAINT_KIND_LABELS[item.kind as 'complaint' | 'report'] ?? '';
  const due = item.due;
  return {
    id: item.id,
    trackingNo: item.trackingNo,
    title: `${kind} · ${item.category}`,
    subjectName: item.subjectName,
    status: item.status,
    statusLabel: item.statusLabel,
    received: chineseDate(item.receivedAt ? shanghaiDateOf(item.receivedAt) : ''),
    dueLabel: due ? `${due.label} ${chineseDate(due.date)}` : '',
    dueLeft: due ? leftLabel(due.workingDaysLeft, due.overdue) : '',
    overdue: !!due?.overdue,
    dueSoon: !!due && !due.overdue && due.workingDaysLeft <= 2,
  };
}

function shanghaiDateOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + 8 * 3600_000).toISOString().slice(0, 10) : '';
}
