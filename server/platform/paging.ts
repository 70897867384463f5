/**
 * Keyset (cursor) paging over one collection: the cursor is the last item's value of a unique sort key, so a
 * document inserted while someone pages through appears in its place without shifting or repeating a page.
 */
import type { Page } from '../../core/contract/envelope';
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
    coll.where(q.filter).count(),
  ]);
  const rows = rowsOf<T>(res);
  const items = rows.slice(0, q.pageSize);
  const last = items[items.length - 1] as Record<string, unknown> | undefined;
  const nextCursor = rows.length > q.pageSize && last ? String(last[q.key]) : null;
  return { items, total: counted.total ?? 0, nextCursor };
}
