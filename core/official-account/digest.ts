/**
 * The official-account digest (PUB-9, seed publicity Art. 19, 22): newly published results, their
 * PUBLIC VIEW ONLY (core/publication/public-view.ts), grouped by kind into at most MAX_ARTICLES articles, one group
 * per article so that a withdrawn result's article can be deleted by its `index` without touching the others.
 * The HTML stays inside what WeChat accepts for a draft (no script or style sheet, inline styles only, under
 * 20 000 characters; title at most 32 characters, digest at most 120). Pure: the server stores and sends it.
 */
import type { PublicView } from '../publication/public-view';
import { ENTRY_KIND_LABELS, type EntryKind } from '../publication/kinds';

/** WeChat: one draft holds at most 8 articles. */
export const MAX_ARTICLES = 8;
/** Results in one article at most; with few results each gets its own article (deleted alone). */
export const MAX_RESULTS_PER_ARTICLE = 10;
/** At most this many results in one digest; later ones go into the next digest. */
export const MAX_RESULTS_PER_DIGEST = MAX_ARTICLES * MAX_RESULTS_PER_ARTICLE;
/** WeChat's content limit is 20 000 characters (and 1 MB); the footer and markup are counted. */
export const MAX_CONTENT_CHARS = 20_000;
export const MAX_TITLE_CHARS = 32;
export const MAX_DIGEST_CHARS = 120;

export interface DigestResult {
  entryId: string;
  publicId: string;
  view: PublicView;
}

export interface DigestArticle {
  title: string;
  digest: string;
  content: string;
  /** The results in it, by entry and public id. */
  results: Array<{ entryId: string; publicId: string; docNo: string }>;
}

export interface LedgerHeadNote {
  /** The records chain's head when the digest was prepared. */
  no: number;
  hash: string;
}

/**
 * Splits `results` (already at most MAX_RESULTS_PER_DIGEST, oldest first) into groups: by kind, then into chunks
 * so that the whole is at most MAX_ARTICLES articles, each as small as that allows.
 */
export function groupResults(results: readonly DigestResult[]): DigestResult[][] {
  if (results.length === 0) return [];
  const byKind = new Map<EntryKind, DigestResult[]>();
  for (const r of results) byKind.set(r.view.kind, [...(byKind.get(r.view.kind) ?? []), r]);
  // The smallest chunk size that keeps the article count within the limit.
  for (let size = 1; size <= MAX_RESULTS_PER_DIGEST; size++) {
    const groups = [...byKind.values()].flatMap((list) => chunk(list, size));
    if (groups.length <= MAX_ARTICLES) return groups;
  }
  return [results.slice(0, MAX_RESULTS_PER_ARTICLE)];
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `2026-12-01` → `2026年12月1日`. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const P = 'margin:0 0 8px;font-size:16px;line-height:1.75;color:#1f1f1f;';
const H = 'margin:16px 0 8px;font-size:17px;font-weight:bold;color:#1f1f1f;';
const NOTE = 'margin:16px 0 0;font-size:14px;line-height:1.6;color:#595959;';

function row(label: string, value: string | null | undefined): string {
  return value ? `<p style="${P}"><strong>${label}：</strong>${escapeHtml(value)}</p>` : '';
}

function resultHtml(view: PublicView, n: number): string {
  const amounts = [
    view.fine ? `罚款 ${view.fine} 万元` : '',
    view.confiscated ? `没收违法所得 ${view.confiscated} 万元` : '',
  ]
    .filter(Boolean)
    .join('；');
  return [
    `<h3 style="${H}">${n}. ${escapeHtml(view.partyName)}</h3>`,
    row('决定文书号', view.docNo),
    row('地址', view.partyAddress),
    row('违法行为类型', view.violationType),
    row('依据', view.basis),
    row('类别', view.categories.join('、')),
    row('决定内容', view.decision),
    row('金额', amounts),
    view.certificate
      ? row(
          '证书',
          `${view.certificate.name}${view.certificate.no ? `（${view.certificate.no}）` : ''}，有效期 ${view.certificate.validFrom} 至 ${view.certificate.validTo}`,
        )
      : '',
    row('决定机关', view.authority),
    row('决定日期', view.decisionDate),
  ].join('');
}

/** The footer every article carries: where the record stands and the ledger head that fixes it. */
export function footerHtml(date: string, head: LedgerHeadNote | null): string {
  const ledger = head
    ? `本文所列结果截至${chineseDate(date)}记入执法记录台账，台账第 ${head.no} 号记录的校验值（SHA-256）为 ${head.hash}，可在本委小程序“台账核验”中核对。`
    : '';
  return (
    `<p style="${NOTE}">以上为本委依法公开的行政执法结果，以本委小程序“执法公示”栏目为准；` +
    `如公示信息有误或已撤回，本文将相应删除或更正。${ledger}</p>`
  );
}

/** The article of one group; `n` is its 1-based place in the digest (its `index`). */
export function digestArticle(
  group: readonly DigestResult[],
  date: string,
  n: number,
  head: LedgerHeadNote | null,
): DigestArticle {
  const kind = group[0]!.view.kind;
  const label = ENTRY_KIND_LABELS[kind];
  const title = clip(`${label}公示（${chineseDate(date)}·${n}）`, MAX_TITLE_CHARS);
  const digest = clip(
    `${chineseDate(date)}公开${label}信息 ${group.length} 条：${group.map((r) => r.view.partyName).join('、')}`,
    MAX_DIGEST_CHARS,
  );
  let body = group.map((r, i) => resultHtml(r.view, i + 1)).join('');
  const footer = footerHtml(date, head);
  if (body.length + footer.length > MAX_CONTENT_CHARS) {
    body = clip(body.replace(/<[^>]+>/g, ' '), MAX_CONTENT_CHARS - footer.length - 100);
    body = `<p style="${P}">${escapeHtml(body)}</p>`;
  }
  return {
    title,
    digest,
    content: `<section>${body}${footer}</section>`,
    results: group.map((r) => ({ entryId: r.entryId, publicId: r.publicId, docNo: r.view.docNo })),
  };
}

export function digestArticles(
  results: readonly DigestResult[],
  date: string,
  head: LedgerHeadNote | null,
): DigestArticle[] {
  return groupResults(results).map((group, i) => digestArticle(group, date, i + 1, head));
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
