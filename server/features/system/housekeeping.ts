/**
 * Removes short-lived technical records whose time is up: stored idempotent answers (a client retries within
 * minutes; they are kept a day), rate-limit windows, failed-binding counters and done upload slots. None of them is a record the
 * regulations keep, and the idempotent answers may hold a caller's own data (PIPL Art. 19: no longer than needed).
 * Runs from the scheduler's timer; each collection declares an index on `expireAt` (deploy/database.json).
 */
import * as decl from '../../../core/contract/system';
import type { Database } from '../../platform/cloudbase';
import { expireUploadSlots, sweepUploadSlots } from '../../media/slots';
import { removeExpiredDocs } from '../../platform/docs';
import { handle } from '../../router/types';

/** Technical collections of the router, the rate limits and the old binding counters, swept by name. */
export const EXPIRING_COLLECTIONS = ['sys_idempotency', 'sys_rate_limits', 'staff_bind_attempts'] as const;

export async function removeExpired(db: Database, now: Date): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const name of EXPIRING_COLLECTIONS) removed[name] = await removeExpiredDocs(db, name, now);
  return { ...removed, ...(await expireUploadSlots(db, now)) };
}

export const housekeepingSchedulerActions = {
  'housekeeping.expire': handle(decl.housekeepingExpire, async (_input, call) =>
    removeExpired(call.db, call.now),
  ),
  // Uploads handed out but never taken in are deleted an hour on (server/media/slots.ts).
  'housekeeping.uploads': handle(decl.housekeepingUploads, async (_input, call) =>
    sweepUploadSlots(call.db, call.now),
  ),
};
