/**
 * The outbox: records built with `outboxInsert` go into commitChange's `inserts`; `deliverOutbox` runs from the
 * scheduler with the handlers its function lists (OUTBOX_HANDLERS, plus any a feature adds).
 */
export { OUTBOX_HANDLERS } from './handlers';
export type { OutboxHandler } from './registry';

export { deliverOutbox, type DeliveryReport } from './deliver';
export { outboxInsert, outboxRecord, type OutboxMessage } from './record';
export {
  OUTBOX_COLLECTION,
  OUTBOX_KINDS,
  type OutboxKind,
  type OutboxRecord,
  type OutboxStatus,
} from './types';
export type { SubscribeMessagePayload } from './handlers/subscribe-message';
export type { OfficialAccountArticlePayload } from './handlers/official-account-article';
export type { LedgerAnchorPayload } from './handlers/ledger-anchor';
export type { SmsPayload } from './handlers/sms';
export { addOutboxOnce, getOutboxRecord, requeueFailed } from './store';
