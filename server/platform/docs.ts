/**
 * Typed reads over the SDK, shared by every module: the SDK types its answers loosely (`data: any`), so each read
 * is cast in exactly one place.
 */
import type { Database } from './cloudbase';

/** A query answer as the SDK gives it: `data` is an array, missing on some emulator and SDK paths. */
interface QueryAnswer {
  data?: unknown;
}

/** The documents of a query answer. */
export function rowsOf<T>(res: QueryAnswer): T[] {
  return (res.data ?? []) as T[];
}

/** The first document of a query answer, or null. */
export function firstOf<T>(res: QueryAnswer): T | null {
  return rowsOf<T>(res)[0] ?? null;
}

/**
 * `doc(id).get()` answers `{data: [doc]}` when the document exists and `{data: []}` otherwise (inside a
 * transaction: `{data: doc}` or `{data: null}`).
 */
export async function getDoc<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  const data = res.data as unknown;
  if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
  return (data as T | null) ?? null;
}

/** The first document matching an equality filter (in no particular order: for filters on a unique field). */
export async function firstMatch<T>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
): Promise<T | null> {
  return firstOf<T>(await db.collection(collection).where(filter).limit(1).get());
}

/** Every document matching an equality filter (for small collections: a few hundred documents at most). */
export async function findAll<T>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = [];
  const pageSize = 100;
  for (let skip = 0; ; skip += pageSize) {
    const page = rowsOf<T>(await db.collection(collection).where(filter).skip(skip).limit(pageSize).get());
    out.push(...page);
    if (page.length < pageSize) return out;
  }
}

/** Removes the documents whose `expireAt` has passed (technical collections); answers how many went. */
export async function removeExpiredDocs(db: Database, collection: string, now: Date): Promise<number> {
  const res = await db
    .collection(collection)
    .where({ expireAt: db.command.lt(now) })
    .remove();
  return Number((res as { deleted?: number }).deleted ?? 0);
}

/** A stored document's state without `_id` and `_rev`: what commitChange takes as the entity's new state. */
export function stateOf<T extends { _id: string; _rev: number }>(doc: T): Omit<T, '_id' | '_rev'> {
  const { _id: _ignoredId, _rev: _ignoredRev, ...rest } = doc;
  return rest;
}

/** Adds a document under its id; false when one is there already (another caller made it). */
export async function addOnce(
  db: Database,
  insert: { collection: string; id: string; doc: Record<string, unknown> },
): Promise<boolean> {
  if (await getDoc(db, insert.collection, insert.id)) return false;
  try {
    await db.collection(insert.collection).add({ _id: insert.id, ...insert.doc });
    return true;
  } catch (err) {
    if (await getDoc(db, insert.collection, insert.id)) return false;
    throw err;
  }
}

const IN_CHUNK = 50;

/** The documents of these ids (`_id in`, in chunks), in no particular order; missing ones are left out. */
export async function byIds<T>(db: Database, collection: string, ids: readonly string[]): Promise<T[]> {
  const _ = db.command;
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    out.push(
      ...rowsOf<T>(
        await db
          .collection(collection)
          .where({ _id: _.in(chunk) })
          .limit(IN_CHUNK)
          .get(),
      ),
    );
  }
  return out;
}
