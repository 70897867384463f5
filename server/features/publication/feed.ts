/**
 * The open-data feed (PUB-9), served by the `opendata` function's HTTP access:
 * `GET /opendata/publications.json` → `{items, nextCursor, resumeCursor}` and `GET /opendata/publications.csv`
 * (UTF-8 with BOM). Reads ONLY the public documents (`publicationPublic`), in the order of `feedKey` (the time each
 * last changed), so withdrawals and expiries reach the portal as tombstones (core/publication/feed.ts). Index-served
 * (deploy/database.json `feedKey`, `kind_feedKey`). Each answer carries an ETag; a request whose If-None-Match
 * names it gets 304 without a body. Each client (its address, as a salted hash) has a rate limit held in the
 * database (server/security/quota.ts: a conditional increment, so concurrent instances never pass it together).
 */
import {
  feedBounds,
  feedCsv,
  feedItem,
  feedQuerySchema,
  type FeedItem,
  type FeedQuery,
} from '../../../core/publication/feed';
import * as decl from '../../../core/contract/credit';
import { AppError } from '../../errors';
import type { Database } from '../../platform/cloudbase';
import { hashText } from '../../platform/crypto';
import { rowsOf } from '../../platform/docs';
import { reserveSlot } from '../../security/quota';
import type { RateLimit } from '../../security/rate-limit';
import { handle } from '../../router/types';
import { PUBLIC_COLLECTION, type PublicDoc } from './model';

export const FEED_PAGE_DEFAULT = 200;

/** Per client address: a portal pulling every few minutes stays far below it; a scraper loop does not. */
export const FEED_RATE_LIMIT: RateLimit = {
  scope: 'opendata.feed',
  limit: 60,
  windowMs: 60_000,
  message: '请求过于频繁，请稍后再试',
};

export interface HttpRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export const errorResponse = (
  statusCode: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
  fields?: Record<string, string>,
): HttpResponse => ({
  statusCode,
  headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...extra },
  body: JSON.stringify({ ok: false, error: fields ? { code, message, fields } : { code, message } }),
});

/** The client the rate limit counts: the caller's address as the HTTP access service forwards it, hashed. */
function clientOf(headers: Record<string, string>): string {
  const h = (k: string) => headers[k] ?? headers[k.toLowerCase()];
  const ip = (h('x-forwarded-for') ?? '').split(',')[0]!.trim() || h('x-real-ip') || 'unknown';
  return hashText(`opendata\u0000${ip}`);
}

/** One page of the feed in cursor order (oldest change first). */
export async function feedPage(
  db: Database,
  q: FeedQuery,
): Promise<{ items: FeedItem[]; nextCursor: string | null; resumeCursor: string | null }> {
  const _ = db.command;
  const { after, atLeast, before } = feedBounds(q);
  const lower = after && (!atLeast || after >= atLeast) ? _.gt(after) : atLeast ? _.gte(atLeast) : null;
  const range = lower && before ? lower.and(_.lt(before)) : (lower ?? (before ? _.lt(before) : _.gt('')));
  const filter: Record<string, unknown> = { feedKey: range };
  if (q.kind) filter.kind = q.kind;
  const pageSize = q.pageSize ? Number(q.pageSize) : FEED_PAGE_DEFAULT;
  const rows = rowsOf<PublicDoc>(
    await db
      .collection(PUBLIC_COLLECTION)
      .where(filter)
      .orderBy('feedKey', 'asc')
      .limit(pageSize + 1)
      .get(),
  );
  const page = rows.slice(0, pageSize);
  // Only the public parts are handed over (FeedSource has no field for anything else).
  const items = page.map((d) =>
    feedItem({
      id: d._id,
      feedKey: d.feedKey!,
      // A display period that ended (delist-due.ts) is a tombstone for the portal as well.
      status: d.status === 'published' && d.listed === false ? 'expired' : d.status,
      kind: d.kind,
      view: d.view,
      notice: d.notice,
    }),
  );
  const lastKey = page.length ? page[page.length - 1]!.feedKey! : (q.cursor ?? null);
  return { items, nextCursor: rows.length > pageSize ? lastKey : null, resumeCursor: lastKey };
}

/** Answers one HTTP request of the feed. Never throws for bad input; never echoes it. */
export async function serveFeed(db: Database, req: HttpRequest, now: Date): Promise<HttpResponse> {
  const m = /\/publications\.(json|csv)$/.exec(req.path);
  if (!m)
    return errorResponse(404, 'NOT_FOUND', '没有这个地址；可用 /publications.json 或 /publications.csv');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return errorResponse(405, 'METHOD_NOT_ALLOWED', '只支持 GET 请求', { allow: 'GET, HEAD' });
  }
  try {
    await reserveSlot(db, FEED_RATE_LIMIT, clientOf(req.headers), now);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'RATE_LIMITED') throw err;
    const seconds = Math.max(1, Math.ceil((Date.parse(err.retryAfter ?? '') - now.getTime()) / 1000) || 60);
    return errorResponse(429, 'RATE_LIMITED', err.message, { 'retry-after': String(seconds) });
  }
  const parsed = feedQuerySchema.safeParse(req.query ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[`query.${issue.path.join('.')}`] = issue.message;
    return errorResponse(400, 'INVALID_INPUT', '查询参数有误', {}, fields);
  }
  const page = await feedPage(db, parsed.data);
  const csv = m[1] === 'csv';
  const body = csv ? feedCsv(page.items) : JSON.stringify(page);
  const etag = `"${hashText(body).slice(0, 32)}"`;
  const headers: Record<string, string> = {
    etag,
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag, X-Next-Cursor, X-Resume-Cursor',
    ...(page.nextCursor ? { 'x-next-cursor': page.nextCursor } : {}),
    ...(page.resumeCursor ? { 'x-resume-cursor': page.resumeCursor } : {}),
  };
  const match = (req.headers['if-none-match'] ?? '').split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (match.includes(etag)) return { statusCode: 304, headers, body: '' };
  return {
    statusCode: 200,
    headers: {
      ...headers,
      'content-type': csv ? 'text/csv; charset=utf-8' : JSON_TYPE,
      ...(csv ? { 'content-disposition': 'attachment; filename="publications.csv"' } : {}),
    },
    body: req.method === 'HEAD' ? '' : body,
  };
}

const STATE_CAP = 999;

async function cappedCount(
  db: Database,
  filter: Record<string, unknown>,
): Promise<{ n: number; capped: boolean }> {
  const rows = rowsOf(
    await db
      .collection(PUBLIC_COLLECTION)
      .where(filter)
      .orderBy('feedKey', 'asc')
      .limit(STATE_CAP + 1)
      .field({ feedKey: true })
      .get(),
  );
  return { n: Math.min(rows.length, STATE_CAP), capped: rows.length > STATE_CAP };
}

/** The portal channel's state for the statistics section (信息统计科): what the feed lists and when it last changed. */
const portalState = handle(decl.portalState, async (_input, call) => {
  const _ = call.db.command;
  const [published, tombstones, newest] = await Promise.all([
    cappedCount(call.db, { status: 'published', feedKey: _.gt('') }),
    cappedCount(call.db, { status: _.in(['withdrawn', 'expired']), feedKey: _.gt('') }),
    call.db
      .collection(PUBLIC_COLLECTION)
      .where({ feedKey: _.gt('') })
      .orderBy('feedKey', 'desc')
      .limit(1)
      .field({ feedKey: true })
      .get(),
  ]);
  const last = rowsOf<{ feedKey: string }>(newest)[0];
  return {
    published: published.n,
    tombstones: tombstones.n,
    capped: published.capped || tombstones.capped,
    lastChangeAt: last ? last.feedKey.split('|')[0]! : null,
  };
});

export const portalStaffActions = { 'portal.state': portalState };
