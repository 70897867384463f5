/** Builds an outbox record as an insert of commitChange, so it is written WITH the change that causes it. */
import type { PlainInsert } from '../ledger/commit';
import { randomId } from '../platform/crypto';
import { OUTBOX_COLLECTION, OUTBOX_KINDS, type OutboxKind, type OutboxRecord } from './types';

export interface OutboxMessage<P> {
  kind: OutboxKind;
  payload: P;
  at: Date;
  /** A deterministic id when the caller has one (e.g. derived from the request); random otherwise. */
  id?: string;
  /** Not before this time (defaults to `at`). */
  notBefore?: Date;
}

export function outboxRecord<P extends Record<string, unknown>>(message: OutboxMessage<P>): OutboxRecord<P> {
  const kind = OUTBOX_KINDS[message.kind];
  return {
    _id: message.id ?? `ob_${randomId(12)}`,
    kind: message.kind,
    channel: kind.channel,
    payload: message.payload,
    status: 'pending',
    attempts: 0,
    failures: 0,
    nextAttemptAt: message.notBefore ?? message.at,
    deliveryMode: kind.deliveryMode,
    lastError: null,
    progress: {},
    result: null,
    claimToken: null,
    claimedUntil: null,
    createdAt: message.at,
    updatedAt: message.at,
  };
}

/** The record as an `inserts` entry of commitChange. */
export function outboxInsert<P extends Record<string, unknown>>(message: OutboxMessage<P>): PlainInsert {
  const { _id, ...doc } = outboxRecord(message);
  return { collection: OUTBOX_COLLECTION, id: _id, doc };
}
