/**
 * Quotas: a rate limit whose slot is RESERVED before the work and given back when the work does not count. The
 * slot is taken with rate-limit.ts's conditional increment (concurrent callers can never together pass the
 * limit); `releaseSlot` undoes one use with a conditional decrement (`count > 0`), in the window the slot was
 * taken in, so a release can never push a counter below zero or into another window.
 */
import type { Database } from '../platform/cloudbase';
import { consumeRateLimit, counterId, RATE_LIMIT_COLLECTION, type RateLimit } from './rate-limit';

export interface Slot {
  rule: RateLimit;
  subject: string;
  takenAt: Date;
}

/** Takes one slot of `rule` for `subject` (RATE_LIMITED when none is left). */
export async function reserveSlot(db: Database, rule: RateLimit, subject: string, now: Date): Promise<Slot> {
  await consumeRateLimit(db, rule, subject, now);
  return { rule, subject, takenAt: now };
}

/**
 * Gives a reserved slot back. Never throws: a release that fails leaves the slot used, which errs on the side of
 * the limit, and must not turn the caller's answer into INTERNAL.
 */
export async function releaseSlot(db: Database, slot: Slot): Promise<void> {
  const _ = db.command;
  try {
    await db
      .collection(RATE_LIMIT_COLLECTION)
      .where({ _id: counterId(slot.rule, slot.subject, slot.takenAt), count: _.gt(0) })
      .update({ count: _.inc(-1) });
  } catch {
    // see above
  }
}
