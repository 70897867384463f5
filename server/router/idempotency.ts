/**
 * Idempotent writes: keyed on (identity, function, action, requestId), stored in the
 * database because CloudBase runs many instances. A replay with the same payload gets the stored answer; with a
 * different payload `CONFLICT`. The key includes the caller, so nobody can receive an answer stored for someone
 * else. A call that failed unexpectedly leaves no record, so the client may retry it.
 *
 * Stored answers never hold secrets (invitation codes, tokens, temporary URLs): a handler whose answer carries one
 * returns it through `shownOnce`, the record keeps only the redacted form, and a replay is refused with the
 * handler's explanation instead of showing the secret again.
 */
import { AppError } from '../errors';
import { hashText, hashValue, saltedRef } from '../platform/crypto';
import { isDuplicateWrite } from '../platform/db-errors';
import type { Call } from './types';

export const IDEMPOTENCY_COLLECTION = 'sys_idempotency';
/** Longer than any function timeout: a pending record older than this belongs to a call that died. */
const PENDING_LEASE_MS = 120_000;
/** Stored answers are kept this long (a client retries within minutes; a day is generous). */
const KEEP_MS = 24 * 3600_000;

interface IdempotencyRecord {
  _id: string;
  payloadHash: string;
  state: 'pending' | 'done';
  answer?: StoredAnswer;
  startedAt: Date;
  expireAt: Date;
}

type StoredAnswer =
  | { ok: true; data: unknown }
  /** The answer held a secret shown once: only its redacted form is kept, and a replay gets `replayMessage`. */
  | { ok: true; redacted: unknown; replayMessage: string }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

const SHOWN_ONCE = Symbol('shownOnce');
interface ShownOnce {
  redacted: unknown;
  replayMessage: string;
}

/**
 * Marks an answer that carries a secret to be shown once: the caller gets `data`, the idempotency record keeps
 * `redacted` only, and a replay of the request is refused (CONFLICT) with `replayMessage`, which should say how
 * to get a fresh secret (e.g. reissue the invitation).
 */
export function shownOnce<T extends object>(data: T, redacted: unknown, replayMessage: string): T {
  const marker: ShownOnce = { redacted, replayMessage };
  Object.defineProperty(data, SHOWN_ONCE, { value: marker, enumerable: false });
  return data;
}

function toStored(data: unknown): StoredAnswer {
  const marker =
    data !== null && typeof data === 'object'
      ? ((data as Record<symbol, unknown>)[SHOWN_ONCE] as ShownOnce | undefined)
      : undefined;
  return marker
    ? { ok: true, redacted: marker.redacted, replayMessage: marker.replayMessage }
    : { ok: true, data };
}

export async function withIdempotency<T>(call: Call, payload: unknown, run: () => Promise<T>): Promise<T> {
  if (!call.requestId) {
    throw new AppError('INVALID_INPUT', '缺少请求编号，无法保证不重复提交', { requestId: '请填写请求编号' });
  }
  const who = call.caller.openid ? saltedRef('openid', call.caller.openid) : `source:${call.caller.source}`;
  const key = hashText([who, call.fn, call.action, call.requestId].join('\u0000'));
  call.idempotencyKey = key;
  const payloadHash = hashValue(payload);
  const coll = call.db.collection(IDEMPOTENCY_COLLECTION);
  const record: IdempotencyRecord = {
    _id: key,
    payloadHash,
    state: 'pending',
    startedAt: call.now,
    expireAt: new Date(call.now.getTime() + KEEP_MS),
  };
  try {
    await coll.add(record);
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    const existing = ((await coll.doc(key).get()).data as IdempotencyRecord[])[0];
    if (!existing) throw new AppError('CONFLICT', '请求正在处理，请稍后再试');
    if (existing.payloadHash !== payloadHash) {
      throw new AppError('CONFLICT', '该请求编号已用于另一份内容，请刷新后重新提交');
    }
    if (existing.state === 'done') return replay<T>(existing.answer);
    const startedAt = new Date(existing.startedAt).getTime();
    if (call.now.getTime() - startedAt < PENDING_LEASE_MS) {
      throw new AppError('CONFLICT', '同一请求正在处理，请稍后查看结果');
    }
    // The earlier call died mid-way: take the lease over (only one retry can win this conditional update).
    const taken = await coll
      .where({ _id: key, state: 'pending', startedAt: existing.startedAt })
      .update({ startedAt: call.now });
    if (!taken.updated) throw new AppError('CONFLICT', '同一请求正在处理，请稍后查看结果');
  }
  try {
    const data = await run();
    await coll.doc(key).update({ state: 'done', answer: toStored(data) });
    return data;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'INTERNAL' && err.code !== 'RATE_LIMITED') {
      // A decided refusal is the answer to this request; a retry gets the same one.
      await coll.doc(key).update({ state: 'done', answer: { ok: false, error: err.toBody() } });
    } else {
      await coll
        .doc(key)
        .remove()
        .catch(() => undefined);
    }
    throw err;
  }
}

function replay<T>(stored: StoredAnswer | undefined): T {
  if (!stored) throw new AppError('CONFLICT', '同一请求正在处理，请稍后查看结果');
  if (!stored.ok) throw new AppError(stored.error.code as never, stored.error.message, stored.error.fields);
  if ('replayMessage' in stored) throw new AppError('CONFLICT', stored.replayMessage);
  return stored.data as T;
}
