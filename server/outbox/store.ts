/**
 * Reads and writes of outbox records for features that follow their own deliveries (the official account's
 * digests): by id, added once, a failed one queued again. The collection stays the outbox's own.
 */
import type { Database } from '../platform/cloudbase';
import { addOnce, getDoc } from '../platform/docs';
import { outboxRecord, type OutboxMessage } from './record';
import { OUTBOX_COLLECTION, type OutboxRecord } from './types';

export const getOutboxRecord = (db: Database, id: string) => getDoc<OutboxRecord>(db, OUTBOX_COLLECTION, id);

/** Adds the record of `message` under its id; false when it is there already (another run made it). */
export async function addOutboxOnce<P extends Record<string, unknown>>(
  db: Database,
  message: OutboxMessage<P>,
): Promise<boolean> {
  const { _id, ...doc } = outboxRecord(message);
  return addOnce(db, { collection: OUTBOX_COLLECTION, id: _id, doc });
}

/**
 * A failed record queued again (the staff's retry): only while it is still failed with the attempts read, so two
 * retries at once queue it once. `reset` replaces the payload and clears the handler's progress (a new send).
 */
export async function requeueFailed(
  db: Database,
  r: OutboxRecord,
  now: Date,
  reset: { payload: Record<string, unknown> } | null,
): Promise<OutboxRecord | null> {
  await db
    .collection(OUTBOX_COLLECTION)
    .where({ _id: r._id, status: 'failed', attempts: r.attempts })
    .update({
      status: 'pending',
      failures: 0,
      nextAttemptAt: now,
      updatedAt: now,
      ...(reset ? { payload: db.command.set(reset.payload), progress: db.command.set({}) } : {}),
    });
  return getOutboxRecord(db, r._id);
}
