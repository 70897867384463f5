/**
 * Keyset (cursor) paging over one collection: the cursor is the last item's value of a unique sort key, so a
 * document inserted while someone pages through appears in its place without shifting or repeating a page.
 * A page reads one item more than it shows to know whether there is a next one; only the first page counts the
 * matches, and at most PAGE_TOTAL_CAP of them (core/contract/envelope.ts), so no page costs more as the
 * collection grows.
 */
import { PAGE_TOTAL_CAP, type Page } from '../../core/contract/envelope';
import type { Database } from './cloudbase';
import { rowsOf } from './docs';

export interface KeysetQuery {
  collection: string;
  /** Equality filter of the whole list (what `total` counts). */
  filter: Record<string, unknown>;
  /** A field that is unique within the list and stored as a string. */
  key: string;
  order: 'asc' | 'desc';
  /** The previous page's `nextCursor`; the caller checks its shape first. */
  cursor: string | undefined;
  pageSize: number;
}

export async function keysetPage<T extends object>(db: Database, q: KeysetQuery): Promise<Page<T>> {
  const _ = db.command;
  const coll = db.collection(q.collection);
  const after = q.order === 'asc' ? _.gt(q.cursor) : _.lt(q.cursor);
  const where = q.cursor ? { ...q.filter, [q.key]: after } : q.filter;
  const [res, counted] = await Promise.all([
    coll
      .where(where)
      .orderBy(q.key, q.order)
      .limit(q.pageSize + 1)
      .get(),
    q.cursor ? null : cappedCount(db, q),
  ]);
  const rows = rowsOf<T>(res);
  const items = rows.slice(0, q.pageSize);
  const last = items[items.length - 1] as Record<string, unknown> | undefined;
  const nextCursor = rows.length > q.pageSize && last ? String(last[q.key]) : null;
  return { items, total: counted?.total ?? null, totalCapped: counted?.capped ?? false, nextCursor };
}

/**
 * A count that stops at PAGE_TOTAL_CAP: the sort key of at most CAP + 1 matches, read along the same index as the
 * page (a plain count() walks every match, which grows with the collection).
 */
async function cappedCount(db: Database, q: KeysetQuery): Promise<{ total: number; capped: boolean }> {
  const res = await db
    .collection(q.collection)
    .where(q.filter)
    .orderBy(q.key, q.order)
    .limit(PAGE_TOTAL_CAP + 1)
    .field({ [q.key]: true })
    .get();
  const n = rowsOf(res).length;
  return { total: Math.min(n, PAGE_TOTAL_CAP), capped: n > PAGE_TOTAL_CAP };
}
