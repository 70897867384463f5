/**
 * The pure view models of a served document (PUB-5, REC-7): its rights and duties with their dates as told to the
 * party (a date once told never moves earlier), the countdown the pages show, the state and service-date labels,
 * and the receipt (送达凭证) as plain lines for export. Shared by the functions and the mini-program's pages.
 */
import type { DateResult } from '../calendar';
import type { DeadlineView, ReceiptView, ServiceState, SubmissionKind } from '../contract/service-documents';
import { daysLeft, laterOf, type RightDeadline } from './deadlines';
import type { RightId, RightItem } from './rights';
import type { ServiceEvent } from './serviceDate';
import type { ServiceDateRule } from './serviceDate';

/** What was told to the party, per right: the stored due and from dates. */
export type ToldDeadlines = Partial<Record<RightId, { due?: DateResult; from?: DateResult }>>;

/**
 * Each right with its date: the dates computed now, never earlier than what was `told` (laterOf, PUB-5). Rights
 * without a period are listed without a date.
 */
export function deadlineViews(
  rights: readonly RightItem[],
  computed: readonly RightDeadline[],
  told: ToldDeadlines = {},
): DeadlineView[] {
  return rights.map((right) => {
    const d = computed.find((c) => c.id === right.id);
    const due = d?.due ? laterOf(told[right.id]?.due, d.due) : undefined;
    const from = d?.from ? laterOf(told[right.id]?.from, d.from) : undefined;
    return {
      id: right.id,
      kind: right.kind,
      title: right.title,
      text: right.text,
      article: right.article,
      due: due?.date ?? null,
      from: from?.date ?? null,
      untilDecision: !!d?.untilDecision,
      provisional: !!(due?.provisional || from?.provisional),
      kept: !!(due?.kept || from?.kept),
    };
  });
}

/** The dates to store as told once they were shown (the deadlines of `views`). */
export function toldOf(views: readonly DeadlineView[]): ToldDeadlines {
  const out: ToldDeadlines = {};
  for (const v of views) {
    if (!v.due && !v.from) continue;
    out[v.id] = {
      ...(v.due ? { due: { date: v.due, provisional: v.provisional } } : {}),
      ...(v.from ? { from: { date: v.from, provisional: v.provisional } } : {}),
    };
  }
  return out;
}

/** The countdown line a page shows for a date (calendar days, Shanghai dates; the whole last day counts). */
export function countdownLabel(
  view: Pick<DeadlineView, 'due' | 'from' | 'untilDecision'>,
  today: string,
): string {
  if (view.untilDecision) return '作出决定前均可提出';
  if (view.from) {
    const n = daysLeft(view.from, today);
    return n > 0 ? `${n} 天后开始` : '已开始';
  }
  if (!view.due) return '';
  const n = daysLeft(view.due, today);
  if (n > 0) return `还剩 ${n} 天`;
  if (n === 0) return '今天是最后一天';
  return '已届满';
}

export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  served: '已送达，待打开',
  opened: '已打开（已阅知）',
  acknowledged: '已确认收悉',
};

export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
  statement: '陈述、申辩',
  hearing: '要求听证',
  recusal: '申请回避',
};

export const SERVICE_EVENT_LABELS: Record<ServiceEvent, string> = {
  arrival: '文书到达',
  firstOpen: '首次打开（已阅知）',
  acknowledge: '确认收悉',
};

export const SERVICE_DATE_RULE_LABELS: Record<ServiceDateRule, string> = {
  firstOpenOrAcknowledge: '以首次打开或确认收悉中在先者为送达日期',
  acknowledge: '以确认收悉为送达日期',
  arrival: '以文书到达为送达日期',
};

const PROVISIONAL = '（暂定：当年法定节假日安排尚未正式公布，日期只会推后、不会提前）';

/** Shanghai wall-clock time of an ISO instant, for the receipt: 2026-06-18 10:00:00. */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '—';
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}

/** The receipt as plain lines (staff export it; the party sees the same). */
export function receiptLines(r: ReceiptView): string[] {
  const lines = [
    '电子送达凭证',
    `凭证编号：${r.receiptNo}`,
    `案号：${r.caseNo}`,
    `送达文书：${r.docTypeLabel}${r.docNo ? `（${r.docNo}）` : ''}`,
    `文书名称：${r.title}`,
    `文书哈希值（SHA-256）：${r.fileSha256}`,
    `电子签章：${r.signerSubject}`,
    `受送达人：${r.partyName}`,
    `送达日期规则：${SERVICE_DATE_RULE_LABELS[r.dateRule]}`,
    `送达日期：${r.serviceDate ? `${r.serviceDate.date}，以${SERVICE_EVENT_LABELS[r.serviceDate.by]}为准` : '尚未生效'}`,
    `发出时间：${shanghaiTime(r.times.issuedAt)}`,
    `到达时间：${shanghaiTime(r.times.arrivedAt)}`,
    `首次打开时间：${shanghaiTime(r.times.firstOpenedAt)}`,
    `确认收悉时间：${shanghaiTime(r.times.acknowledgedAt)}`,
  ];
  const dated = r.deadlines.filter((d) => d.due || d.from || d.untilDecision);
  if (dated.length) lines.push('正在计算的期限：');
  for (const d of dated) {
    const when = d.untilDecision ? '作出决定前' : d.due ? `${d.due} 前` : `${d.from} 起`;
    lines.push(`  ${d.title}：${when}${d.provisional ? PROVISIONAL : ''}`);
  }
  return lines;
}
