/**
 * The official-account page's view model (pure): the digest's state in words, each delivery with its attempts and
 * last error, and each article's HTML read back as plain lines (the page shows them at the user's font size;
 * the HTML itself is what WeChat receives).
 */
import type {
  DeliveryView,
  DigestSummary,
  DigestView,
  ReminderChannelsView,
} from '../../../core-bundle/index';

export const DIGEST_STATUS_LABELS: Record<string, string> = {
  drafting: '草稿生成中',
  ready: '草稿待发布',
  publishing: '正在发布',
  published: '已发布',
  massSending: '正在群发',
  massSent: '已群发',
};

const DELIVERY_STATUS_LABELS: Record<string, string> = {
  pending: '进行中',
  sending: '进行中',
  sent: '已完成',
  failed: '失败',
  unknown: '结果未知',
  skipped: '无需发送',
};

export interface DeliveryRow {
  id: string;
  title: string;
  statusLabel: string;
  failed: boolean;
  detail: string;
  retryable: boolean;
}

export interface ArticleCard {
  index: number;
  title: string;
  removed: boolean;
  lines: Array<{ key: string; text: string; heading: boolean }>;
}

export interface DigestPageView {
  id: string;
  heading: string;
  statusLabel: string;
  summary: string;
  canPublish: boolean;
  canMassSend: boolean;
  url: string;
  ledgerNote: string;
  deliveries: DeliveryRow[];
  articles: ArticleCard[];
}

/** `2026-12-01` → `2026年12月1日`. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function deliveryRow(d: DeliveryView): DeliveryRow {
  const parts = [`已尝试 ${d.attempts} 次`];
  if (d.status !== 'sent' && d.lastErrorText) parts.push(d.lastErrorText);
  return {
    id: d.id,
    title: d.label,
    statusLabel: DELIVERY_STATUS_LABELS[d.status] ?? d.status,
    failed: d.status === 'failed' || d.status === 'unknown',
    detail: parts.join('；'),
    retryable: d.retryable,
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The article's paragraphs and headings as plain text, in order. */
export function articleLines(html: string): Array<{ key: string; text: string; heading: boolean }> {
  const out: Array<{ key: string; text: string; heading: boolean }> = [];
  const re = /<(h3|p)\b[^>]*>([\s\S]*?)<\/\1>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const text = m[2]!
      .replace(/<[^>]+>/g, '')
      .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
      .trim();
    if (text) out.push({ key: `l${out.length}`, text, heading: m[1] === 'h3' });
  }
  return out;
}

export function digestPageView(d: DigestView): DigestPageView {
  return {
    id: d.id,
    heading: `${dateLabel(d.date)}公示摘要`,
    statusLabel: DIGEST_STATUS_LABELS[d.status] ?? d.status,
    summary:
      `${d.articles} 篇文章，${d.results} 条结果` +
      (d.removed ? `；已撤下 ${d.removed} 篇（结果撤回或公示期满）` : ''),
    canPublish: d.canPublish,
    canMassSend: d.canMassSend,
    url: d.url ?? '',
    ledgerNote: d.ledgerHead ? `文末附台账第 ${d.ledgerHead.no} 号记录的校验值，供公众核对。` : '',
    deliveries: d.deliveries.map(deliveryRow),
    articles: d.articleList.map((a) => ({
      index: a.index,
      title: a.title,
      removed: a.removedAt !== null,
      lines: articleLines(a.content),
    })),
  };
}

export function digestChips(items: readonly DigestSummary[], currentId: string) {
  return items.slice(0, 6).map((s) => ({
    id: s.id,
    label: dateLabel(s.date).replace(/^\d+年/, ''),
    on: s.id === currentId,
  }));
}

/** How the next reminder reaches the person, in words. */
export function reminderNote(c: ReminderChannelsView | null): string {
  if (!c) return '';
  switch (c.next) {
    case 'longTerm':
      return '新摘要生成时，将通过微信长期订阅消息提醒您。';
    case 'oneTime':
      return `新摘要生成时，将通过微信提醒您（还可提醒 ${c.oneTimeGrants} 次，每次授权只能提醒一次）。`;
    case 'sms':
      return `微信提醒次数已用完，新摘要生成时将发短信到 ${c.phone}。`;
    default:
      return '目前无法提醒您：请点下方按钮授权一次微信提醒；待办始终显示在本页。';
  }
}
