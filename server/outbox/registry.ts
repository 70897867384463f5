/**
 * Handlers per outbox kind, registered when their module is imported (server/outbox/index.ts imports them all),
 * never by a call: each function instance has the same table.
 */
import type { Database } from '../platform/cloudbase';
import { OUTBOX_KINDS, type DeliveryOutcome, type OutboxKind, type OutboxRecord } from './types';

export interface DeliveryContext<P> {
  db: Database;
  now: Date;
  record: OutboxRecord<P>;
  /** Stores what was learnt so far (merged into `progress`) while the claim is still ours; throws if it is not. */
  saveProgress(patch: Record<string, unknown>): Promise<void>;
}

export interface OutboxHandler<P = Record<string, unknown>> {
  kind: OutboxKind;
  deliver(ctx: DeliveryContext<P>): Promise<DeliveryOutcome>;
  /**
   * What of the payload is kept once the record reaches a final status (PIPL Art. 19: kept no longer than the
   * purpose needs). Personal data needed only to deliver, such as the recipient's openid, is dropped here.
   */
  minimiseWhenDone?(payload: P): Record<string, unknown>;
}

const handlers = new Map<OutboxKind, OutboxHandler>();

export function registerOutboxHandler(handler: OutboxHandler): void {
  if (!(handler.kind in OUTBOX_KINDS)) throw new Error(`unknown outbox kind ${handler.kind}`);
  if (handlers.has(handler.kind)) throw new Error(`outbox handler for ${handler.kind} registered twice`);
  handlers.set(handler.kind, handler);
}

export function outboxHandler(kind: OutboxKind): OutboxHandler | undefined {
  return handlers.get(kind);
}
