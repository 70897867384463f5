/**
 * Rate limits held in the database (functions keep no state in memory; CloudBase runs many
 * instances). A fixed window per (scope, subject): one counter document whose `_id` is a hash of the scope, the
 * subject and the window's start, raised with a CONDITIONAL update (`count < limit`), so concurrent calls on any
 * instance can never together pass more than `limit`. Windows are aligned to Shanghai midnight when they are a
 * whole number of days ("5 per day" means per calendar day as people count it). The subject should already be a
 * pseudonym (a salted reference): counter documents carry no identity in clear.
 */
import { shanghaiWindowStart } from '../../core/calendar';
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { hashText } from '../platform/crypto';
import { isDuplicateWrite } from '../platform/db-errors';

export const RATE_LIMIT_COLLECTION = 'sys_rate_limits';

export interface RateLimit {
  /** What is limited, e.g. `complaint.submit`. */
  scope: string;
  limit: number;
  windowMs: number;
  /** The Chinese sentence the caller gets, e.g. 每天最多提交 5 件投诉举报. */
  message: string;
}

/** The counter document of (rule, subject) in the window that contains `at`. */
export function counterId(rule: RateLimit, subject: string, at: Date): string {
  const start = shanghaiWindowStart(at, rule.windowMs);
  return hashText(['rate', rule.scope, subject, String(start)].join('\u0000'));
}

/** Counts one use; throws RATE_LIMITED (with `retryAfter`, the next window's start) when the limit is reached. */
export async function consumeRateLimit(
  db: Database,
  rule: RateLimit,
  subject: string,
  now: Date,
): Promise<void> {
  const start = shanghaiWindowStart(now, rule.windowMs);
  const id = counterId(rule, subject, now);
  const coll = db.collection(RATE_LIMIT_COLLECTION);
  const _ = db.command;
  const raise = async () =>
    (await coll.where({ _id: id, count: _.lt(rule.limit) }).update({ count: _.inc(1) })).updated;
  if (await raise()) return;
  try {
    await coll.add({
      _id: id,
      scope: rule.scope,
      count: 1,
      windowStart: new Date(start),
      // For a TTL index (CloudBase) or a cleanup job: the counter is useless after its window.
      expireAt: new Date(start + rule.windowMs),
    });
    if (rule.limit >= 1) return;
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    if (await raise()) return; // another call created the counter first
  }
  throw new AppError('RATE_LIMITED', rule.message, undefined, new Date(start + rule.windowMs).toISOString());
}
