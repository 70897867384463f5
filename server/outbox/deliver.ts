/**
 * The scheduler's delivery run (`outbox.deliver`): claims due records one by one with a CONDITIONAL update (status
 * and attempt count as read), so two instances never deliver the same record; runs the kind's handler; records
 * the outcome with backoff. A claim that outlived its lease belonged to an instance that died mid-delivery: an
 * `exactlyOnce` record goes back to pending (its handler asks the outside before acting again), an `atMostOnce`
 * record becomes `unknown` (it may have been sent; it is not sent again).
 */
import type { Database } from '../platform/cloudbase';
import { randomId } from '../platform/crypto';
import {
  DAILY_QUOTA_ERRCODE,
  TokenRefreshCappedError,
  WechatApiError,
  WechatNoAnswerError,
} from '../wechat/errors';
import { shanghaiEpochDayOfInstant } from '../../core/calendar/civilDate';
import type { OutboxHandler } from './registry';
import { OUTBOX_HANDLERS } from './handlers';
import { OUTBOX_COLLECTION, type DeliveryOutcome, type OutboxRecord } from './types';
import { rowsOf } from '../platform/docs';

/** Longer than the scheduler's 60 s timeout: a claim this old belongs to a call that is gone. */
export const CLAIM_LEASE_MS = 120_000;
export const MAX_FAILURES = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3600_000;

/** The delivery run's answer is declared with the scheduler's action (core/contract/system.ts). */
export type { DeliveryReport } from '../../core/contract/system';
import type { DeliveryReport } from '../../core/contract/system';

export interface DeliveryOptions {
  /** Who delivers each kind: the scheduler's list (router/plugins.ts); the outbox's own kinds by default. */
  handlers?: readonly OutboxHandler[];
  maxRecords?: number;
  /** Stop claiming new records after this long, to stay inside the function timeout. */
  budgetMs?: number;
}

/** 1, 2, 4 … minutes after the first, second, third failure, at most six hours. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_CAP_MS);
}

export async function deliverOutbox(
  db: Database,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    recovered: 0,
    claimed: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    unknown: 0,
    retried: 0,
  };
  const started = Date.now();
  const handlers = options.handlers ?? OUTBOX_HANDLERS;
  const handlerOf = (kind: string) => handlers.find((h) => h.kind === kind);
  report.recovered = await recoverExpiredClaims(db, now, handlerOf);
  const due = await dueRecords(db, now, options.maxRecords ?? 20);
  for (const record of due) {
    if (Date.now() - started > (options.budgetMs ?? 40_000)) break;
    const token = await claim(db, record, now);
    if (!token) continue;
    report.claimed += 1;
    const outcome = await runHandler(
      db,
      handlerOf(record.kind),
      { ...record, attempts: record.attempts + 1, claimToken: token },
      now,
    );
    await finish(db, handlerOf(record.kind), record, token, outcome, now);
    if (outcome.status === 'wait' || outcome.status === 'retry') report.retried += 1;
    else report[outcome.status] += 1;
  }
  return report;
}

type HandlerOf = (kind: string) => OutboxHandler | undefined;

async function recoverExpiredClaims(db: Database, now: Date, handlerOf: HandlerOf): Promise<number> {
  const _ = db.command;
  const res = await db
    .collection(OUTBOX_COLLECTION)
    .where({ status: 'sending', claimedUntil: _.lte(now) })
    .limit(100)
    .get();
  let recovered = 0;
  for (const record of rowsOf<OutboxRecord>(res)) {
    const minimise = handlerOf(record.kind)?.minimiseWhenDone;
    const next =
      record.deliveryMode === 'exactlyOnce'
        ? { status: 'pending', nextAttemptAt: now, lastError: 'claimExpired' }
        : {
            status: 'unknown',
            lastError: 'claimExpired',
            ...(minimise ? { payload: db.command.set(minimise(record.payload)) } : {}),
          };
    const done = await db
      .collection(OUTBOX_COLLECTION)
      .where({ _id: record._id, status: 'sending', claimToken: record.claimToken })
      .update({ ...next, claimToken: null, claimedUntil: null, updatedAt: now });
    recovered += Number(done.updated ?? 0);
  }
  return recovered;
}

/** Most records `undeliveredSince` reads. */
export const UNDELIVERED_LIMIT = 100;

/** Messages that did not go out (failed, or outcome unknown) changed since `since`, newest first, at most 100. */
export async function undeliveredSince(db: Database, since: Date): Promise<OutboxRecord[]> {
  const _ = db.command;
  const res = await db
    .collection(OUTBOX_COLLECTION)
    .where({ status: _.in(['failed', 'unknown']), updatedAt: _.gte(since) })
    .orderBy('updatedAt', 'desc')
    .limit(UNDELIVERED_LIMIT)
    .get();
  return rowsOf<OutboxRecord>(res);
}

async function dueRecords(db: Database, now: Date, limit: number): Promise<OutboxRecord[]> {
  const _ = db.command;
  const res = await db
    .collection(OUTBOX_COLLECTION)
    .where({ status: 'pending', nextAttemptAt: _.lte(now) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return rowsOf<OutboxRecord>(res);
}

/** Only one instance's conditional update can move a record from this pending state to sending. */
async function claim(db: Database, record: OutboxRecord, now: Date): Promise<string | null> {
  const token = randomId(12);
  const res = await db
    .collection(OUTBOX_COLLECTION)
    .where({ _id: record._id, status: 'pending', attempts: record.attempts })
    .update({
      status: 'sending',
      attempts: record.attempts + 1,
      claimToken: token,
      claimedUntil: new Date(now.getTime() + CLAIM_LEASE_MS),
      updatedAt: now,
    });
  return Number(res.updated ?? 0) === 1 ? token : null;
}

async function runHandler(
  db: Database,
  handler: OutboxHandler | undefined,
  record: OutboxRecord,
  now: Date,
): Promise<DeliveryOutcome> {
  if (!handler) return { status: 'failed', code: 'noHandler' };
  const progress = { ...record.progress };
  try {
    return await handler.deliver({
      db,
      now,
      record: { ...record, progress },
      saveProgress: async (patch) => {
        Object.assign(progress, patch);
        const res = await db
          .collection(OUTBOX_COLLECTION)
          .where({ _id: record._id, claimToken: record.claimToken })
          .update({ progress: db.command.set(progress), updatedAt: now });
        if (Number(res.updated ?? 0) !== 1) throw new Error('outbox claim lost');
      },
    });
  } catch (err) {
    return outcomeOfError(err, record, now);
  }
}

/** The next Shanghai midnight after `now`, plus a few minutes: when WeChat's daily quotas start again. */
export function nextQuotaDay(now: Date): Date {
  const day = shanghaiEpochDayOfInstant(now) + 1;
  return new Date(day * 86_400_000 - 8 * 3600_000 + 5 * 60_000);
}

/** What an error a handler did not decide on means: an answer WeChat gave is retried; a lost one depends on the mode. */
function outcomeOfError(err: unknown, record: OutboxRecord, now: Date): DeliveryOutcome {
  // A daily quota (45009) or our cap on forced token refreshes: wait for the next day, do not hammer.
  if (
    (err instanceof WechatApiError && err.errcode === DAILY_QUOTA_ERRCODE) ||
    err instanceof TokenRefreshCappedError
  ) {
    return {
      status: 'wait',
      code: err instanceof WechatApiError ? err.code : err.code,
      delayMs: nextQuotaDay(now).getTime() - now.getTime(),
    };
  }
  if (err instanceof WechatApiError) return { status: 'retry', code: err.code };
  if (err instanceof WechatNoAnswerError) {
    return record.deliveryMode === 'atMostOnce'
      ? { status: 'unknown', code: err.code }
      : { status: 'retry', code: err.code };
  }
  return { status: 'retry', code: 'INTERNAL' };
}

async function finish(
  db: Database,
  handler: OutboxHandler | undefined,
  record: OutboxRecord,
  token: string,
  outcome: DeliveryOutcome,
  now: Date,
) {
  const failures = record.failures + (outcome.status === 'retry' ? 1 : 0);
  let update: Record<string, unknown>;
  switch (outcome.status) {
    case 'sent':
      update = { status: 'sent', result: db.command.set(outcome.result ?? {}), lastError: null };
      break;
    case 'wait':
      update = {
        status: 'pending',
        nextAttemptAt: new Date(now.getTime() + outcome.delayMs),
        lastError: outcome.code,
      };
      break;
    case 'retry':
      update =
        failures >= MAX_FAILURES
          ? { status: 'failed', failures, lastError: outcome.code }
          : {
              status: 'pending',
              failures,
              nextAttemptAt: new Date(now.getTime() + backoffMs(failures)),
              lastError: outcome.code,
            };
      break;
    default:
      update = { status: outcome.status, lastError: outcome.code };
  }
  if (update.status !== 'pending') {
    const minimise = handler?.minimiseWhenDone;
    if (minimise) update.payload = db.command.set(minimise(record.payload));
  }
  await db
    .collection(OUTBOX_COLLECTION)
    .where({ _id: record._id, claimToken: token })
    .update({ ...update, claimToken: null, claimedUntil: null, updatedAt: now });
}
