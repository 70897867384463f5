/**
 * The open-data feed for the district government portal (PUB-9): published entries as JSON and
 * CSV, paged by a cursor on the time the public document last changed, so a portal that pulls from its last
 * cursor also receives withdrawals (and expiries, once a channel's display ends) as tombstones and can take them
 * down (国办发〔2018〕118号: remove entries promptly when a decision is revoked).
 *
 * Only the public projection is ever read (publicView / withdrawalNotice output: PUB-7; 法释〔2016〕19号 Art. 8-10):
 * the row types below have no field for anything else. Pure: the server reads the documents, this shapes them.
 */
import * as z from 'zod/mini';
import type { PublicView, WithdrawalNotice } from './public-view';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, type EntryKind } from './kinds';

/** A feed document as the server hands it over: the public document's public parts only. */
export interface FeedSource {
  id: string;
  /** `<updated at ISO>|<id>`: the cursor key (unique, ascending). */
  feedKey: string;
  /** `published`, or a tombstone state (`withdrawn`; `expired` once the portal's display period ends). */
  status: string;
  kind: EntryKind;
  view: PublicView | null;
  notice: WithdrawalNotice | null;
}

export type FeedItem =
  | { id: string; updatedAt: string; status: 'published'; view: PublicView }
  | {
      id: string;
      updatedAt: string;
      status: string;
      deleted: true;
      kind: EntryKind;
      notice: WithdrawalNotice | null;
    };

export function feedItem(s: FeedSource): FeedItem {
  const updatedAt = s.feedKey.split('|')[0]!;
  if (s.status === 'published' && s.view) return { id: s.id, updatedAt, status: 'published', view: s.view };
  return { id: s.id, updatedAt, status: s.status, deleted: true, kind: s.kind, notice: s.notice };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^\d{4}-\d{2}-\d{2}T[0-9:.]{8,12}Z\|pub_[0-9a-f]{8,40}$/;

/** The query string, checked (messages name the parameter in Chinese: core/contract/labels.ts style). */
export const feedQuerySchema = z.object({
  kind: z.optional(
    z.enum(ENTRY_KINDS, '类别（kind）只能是 penalty、permit、coercion、inspection、levy 之一'),
  ),
  from: z.optional(z.string().check(z.regex(DATE, '起始日期（from）应为 YYYY-MM-DD'))),
  to: z.optional(z.string().check(z.regex(DATE, '截止日期（to）应为 YYYY-MM-DD'))),
  cursor: z.optional(z.string().check(z.regex(CURSOR, '分页位置（cursor）无效，请从头读取'))),
  pageSize: z.optional(
    z.string().check(z.regex(/^([1-9]\d{0,2}|1000)$/, '每页条数（pageSize）应为 1 到 1000 的整数')),
  ),
});
export type FeedQuery = z.infer<typeof feedQuerySchema>;

/** The bounds on `feedKey` a query means: dates are Beijing days (UTC+8), `to` inclusive. */
export function feedBounds(q: FeedQuery): {
  after: string | null;
  atLeast: string | null;
  before: string | null;
} {
  const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();
  return {
    after: q.cursor ?? null,
    atLeast: q.from ? dayStart(q.from) : null,
    before: q.to ? nextDay(q.to) : null,
  };
}

/** The CSV's columns: a header in Chinese and how each cell is read from an item. Public fields only. */
export const FEED_CSV_COLUMNS: ReadonlyArray<[string, (i: FeedItem) => string | null]> = [
  ['编号', (i) => i.id],
  ['状态', (i) => (i.status === 'published' ? '公示中' : i.status === 'withdrawn' ? '已撤回' : '已到期撤下')],
  ['更新时间', (i) => i.updatedAt],
  ['公示类别', (i) => ('view' in i ? i.view.kindLabel : ENTRY_KIND_LABELS[i.kind])],
  ['决定书文号', (i) => ('view' in i ? i.view.docNo : (i.notice?.docNo ?? null))],
  ['决定机关', (i) => ('view' in i ? i.view.authority : null)],
  ['行政相对人名称', (i) => ('view' in i ? i.view.partyName : null)],
  ['经营场所', (i) => ('view' in i ? i.view.partyAddress : null)],
  ['违法行为类型', (i) => ('view' in i ? i.view.violationType : null)],
  ['依据', (i) => ('view' in i ? i.view.basis : null)],
  ['类别', (i) => ('view' in i ? i.view.categories.join('；') : null)],
  ['决定内容', (i) => ('view' in i ? i.view.decision : null)],
  ['罚款金额（万元）', (i) => ('view' in i ? i.view.fine : null)],
  ['没收金额（万元）', (i) => ('view' in i ? i.view.confiscated : null)],
  ['证书名称', (i) => ('view' in i ? (i.view.certificate?.name ?? null) : null)],
  ['证书编号', (i) => ('view' in i ? (i.view.certificate?.no ?? null) : null)],
  ['有效期自', (i) => ('view' in i ? (i.view.certificate?.validFrom ?? null) : null)],
  ['有效期至', (i) => ('view' in i ? (i.view.certificate?.validTo ?? null) : null)],
  ['决定日期', (i) => ('view' in i ? i.view.decisionDate : null)],
  ['撤回日期', (i) => ('notice' in i ? (i.notice?.withdrawnOn ?? null) : null)],
  ['撤回理由', (i) => ('notice' in i ? (i.notice?.reason ?? null) : null)],
];

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell starting with = + - @ (or a tab / carriage
 * return) would run as a formula (CSV injection), so it is prefixed with an apostrophe; a cell holding a comma,
 * a quote or a line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole CSV: UTF-8 BOM (so Excel reads it as UTF-8), a header row, CRLF line ends. */
export function feedCsv(items: readonly FeedItem[]): string {
  const lines = [FEED_CSV_COLUMNS.map(([h]) => csvCell(h)).join(',')];
  for (const item of items) lines.push(FEED_CSV_COLUMNS.map(([, read]) => csvCell(read(item))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
