/** Every kind the outbox itself delivers, listed once (a feature adding a kind lists it in its function). */
import type { OutboxHandler } from '../registry';
import { ledgerAnchorHandler } from './ledger-anchor';
import { officialAccountArticleHandler } from './official-account-article';
import { smsHandler } from './sms';
import { subscribeMessageHandler } from './subscribe-message';

export const OUTBOX_HANDLERS: readonly OutboxHandler[] = [
  subscribeMessageHandler,
  officialAccountArticleHandler,
  ledgerAnchorHandler,
  smsHandler,
];
