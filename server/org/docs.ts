/** Small typed reads over the SDK shared by the organisation code (the SDK types its answers loosely). */
import type { Database } from '../platform/cloudbase';

/** `doc(id).get()` answers `{data: [doc]}` when the document exists and `{data: []}` otherwise. */
export async function getDoc<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get();
  const data = res.data as unknown;
  if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
  return (data as T | null) ?? null;
}

/** Every document matching an equality filter (organisation collections are small: a few hundred at most). */
export async function findAll<T>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = [];
  const pageSize = 100;
  for (let skip = 0; ; skip += pageSize) {
    const res = await db.collection(collection).where(filter).skip(skip).limit(pageSize).get();
    const page = (res.data ?? []) as T[];
    out.push(...page);
    if (page.length < pageSize) return out;
  }
}

/** The entity's stored state without `_id` and `_rev`, ready to be changed and passed to commitChange. */
export function stateOf<T extends { _id: string; _rev: number }>(doc: T): Omit<T, '_id' | '_rev'> {
  const { _id: _ignoredId, _rev: _ignoredRev, ...rest } = doc;
  return rest;
}
