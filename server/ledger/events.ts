/**
 * Reads of the per-record chains for features that show a record's history with its ledger references (REC-16;
 * the case register's service events, server/features/service/case-register.ts): events by their fixed ids, or
 * one record's events in revision order. Bounded, and served by the primary key or the `entity_rev` index.
 */
import type { RecordEvent } from '../../core/ledger/event';
import type { Database } from '../platform/cloudbase';
import { rowsOf } from '../platform/docs';
import { EVENTS_COLLECTION } from './commit';

/** At most this many events per read (the SDK's own cap per call). */
export const MAX_EVENTS_READ = 1000;

/** The events with these ids (`<collection>/<id>/<rev>`) that exist; in no particular order. */
export async function eventsByIds(db: Database, ids: readonly string[]): Promise<RecordEvent[]> {
  const unique = [...new Set(ids)].slice(0, MAX_EVENTS_READ);
  if (unique.length === 0) return [];
  const _ = db.command;
  return rowsOf<RecordEvent>(
    await db
      .collection(EVENTS_COLLECTION)
      .where({ _id: _.in(unique) })
      .limit(unique.length)
      .get(),
  );
}

/** One record's events, oldest revision first, at most `limit`. */
export async function eventsOfEntity(
  db: Database,
  collection: string,
  id: string,
  limit = MAX_EVENTS_READ,
): Promise<RecordEvent[]> {
  return rowsOf<RecordEvent>(
    await db
      .collection(EVENTS_COLLECTION)
      .where({ entity: `${collection}/${id}` })
      .orderBy('entity', 'asc')
      .orderBy('rev', 'asc')
      .limit(Math.min(limit, MAX_EVENTS_READ))
      .get(),
  );
}
