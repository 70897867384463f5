/**
 * Failed-attempt counting for invitation codes, per caller identity, in the database (functions keep no state in
 * memory: CloudBase runs many instances). A fixed window: at most MAX_FAILURES failed attempts per identity per
 * window; then RATE_LIMITED with `retryAfter` = the end of the window.
 *
 * Why per identity and not per invitation: a wrong code does not identify any invitation, so there is nothing to
 * lock. The code's entropy (100 bits) does the rest: even an attacker with many WeChat identities cannot test a
 * meaningful share of 2^100 codes at 5 tries per identity per hour.
 */
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { isDuplicateWrite } from '../platform/db-errors';
import { getDoc } from './docs';

export const ATTEMPTS_COLLECTION = 'staff_bind_attempts';
export const MAX_FAILURES = 5;
export const WINDOW_MS = 3600_000;

interface AttemptRecord {
  _id: string;
  count: number;
  /** Epoch milliseconds of the window's start. */
  windowStart: number;
  /** For a TTL clean-up: nothing is needed after the window. */
  expireAt: Date;
}

export async function assertAttemptsLeft(db: Database, key: string, now: Date): Promise<void> {
  const rec = await getDoc<AttemptRecord>(db, ATTEMPTS_COLLECTION, key);
  if (!rec) return;
  const windowEnd = rec.windowStart + WINDOW_MS;
  if (now.getTime() < windowEnd && rec.count >= MAX_FAILURES) {
    throw new AppError(
      'RATE_LIMITED',
      '邀请码错误次数过多，请一小时后再试或联系系统管理员',
      undefined,
      new Date(windowEnd).toISOString(),
    );
  }
}

/** Counts one failure; safe under concurrent calls (conditional updates, insert-or-increment). */
export async function recordFailure(db: Database, key: string, now: Date, retries = 3): Promise<void> {
  const coll = db.collection(ATTEMPTS_COLLECTION);
  const rec = await getDoc<AttemptRecord>(db, ATTEMPTS_COLLECTION, key);
  const fresh = { count: 1, windowStart: now.getTime(), expireAt: new Date(now.getTime() + 2 * WINDOW_MS) };
  if (!rec) {
    try {
      await coll.add({ _id: key, ...fresh });
      return;
    } catch (err) {
      if (!isDuplicateWrite(err) || retries <= 0) throw err;
      return recordFailure(db, key, now, retries - 1);
    }
  }
  if (now.getTime() >= rec.windowStart + WINDOW_MS) {
    const res = await coll.where({ _id: key, windowStart: rec.windowStart }).update(fresh);
    if (!res.updated && retries > 0) return recordFailure(db, key, now, retries - 1);
    return;
  }
  await coll.doc(key).update({ count: db.command.inc(1) });
}
