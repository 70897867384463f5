/**
 * The outbox: records built with `outboxInsert` go into commitChange's `inserts`; `deliverOutbox` runs from the
 * scheduler. Importing this module registers every kind's handler.
 */
import './handlers/subscribe-message';
import './handlers/official-account-article';
import './handlers/ledger-anchor';

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
