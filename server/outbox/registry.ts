/**
 * What delivers one outbox kind. The outbox's own handlers are listed in server/outbox/index.ts (OUTBOX_HANDLERS);
 * the scheduler function hands its list to delivery (router/plugins.ts), so a feature adding a kind lists it
 * there, never by importing a module for its side effects.
 */
import type { Database } from '../platform/cloudbase';
import type { DeliveryOutcome, OutboxKind, OutboxRecord } from './types';

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
