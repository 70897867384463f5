/**
 * What the channels (the official account's digest) read of publication: the entries published in a time window
 * and entries and public documents by id. Only the public documents' views ever leave for a channel (PUB-7, PUB-9).
 */
import type { Database } from '../../platform/cloudbase';
import { byIds, rowsOf } from '../../platform/docs';
import { ENTRIES_COLLECTION, PUBLIC_COLLECTION, type EntryRecord, type PublicDoc } from './model';

/** Published entries with `from < publishedAt <= to` (ISO), oldest first, at most `limit` (index status_publishedAt). */
export async function publishedBetween(
  db: Database,
  from: string,
  to: string,
  limit: number,
): Promise<EntryRecord[]> {
  const _ = db.command;
  return rowsOf<EntryRecord>(
    await db
      .collection(ENTRIES_COLLECTION)
      .where({ status: 'published', publishedAt: _.gt(from).and(_.lte(to)) })
      .orderBy('publishedAt', 'asc')
      .limit(limit)
      .get(),
  );
}

export const entriesByIds = (db: Database, ids: readonly string[]) =>
  byIds<EntryRecord>(db, ENTRIES_COLLECTION, ids);

export const publicDocsByIds = (db: Database, ids: readonly string[]) =>
  byIds<PublicDoc>(db, PUBLIC_COLLECTION, ids);
