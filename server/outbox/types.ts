/**
 * Outbox records: every message to the outside is a record written in the same
 * transaction as the change that causes it, then delivered by the scheduler. The delivery mode says what a lost
 * answer means: `exactlyOnce` where WeChat can be asked what happened (publishing), `atMostOnce` where it cannot
 * (a subscribe message whose answer was lost is marked `unknown`, never resent).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';
export type DeliveryMode = 'exactlyOnce' | 'atMostOnce';

export const OUTBOX_COLLECTION = 'sys_outbox';

/** The kinds there are, with their channel and mode; fixed here so that a record's mode never depends on code
 * loaded at delivery time. */
export const OUTBOX_KINDS = {
  subscribeMessage: { channel: 'wechat-mp', deliveryMode: 'atMostOnce' },
  officialAccountArticle: { channel: 'wechat-oa', deliveryMode: 'exactlyOnce' },
  ledgerAnchor: { channel: 'public-feed', deliveryMode: 'exactlyOnce' },
  sms: { channel: 'sms', deliveryMode: 'atMostOnce' },
} as const satisfies Record<string, { channel: string; deliveryMode: DeliveryMode }>;

export type OutboxKind = keyof typeof OUTBOX_KINDS;

export interface OutboxRecord<P = Record<string, unknown>> {
  _id: string;
  kind: OutboxKind;
  channel: string;
  payload: P;
  status: OutboxStatus;
  /** Delivery attempts started (claims). */
  attempts: number;
  /** Attempts that failed; only these count toward the limit (waiting for WeChat to finish does not). */
  failures: number;
  nextAttemptAt: Date;
  deliveryMode: DeliveryMode;
  /** A code only (`errcode:45009`, `noAnswer:timeout`), never a message that could quote data. */
  lastError: string | null;
  /** What a handler learnt on the way (e.g. a draft's media_id, a publish_id), kept across attempts. */
  progress: Record<string, unknown>;
  /** What the outside answered at the end (ids, links). */
  result: Record<string, unknown> | null;
  claimToken: string | null;
  claimedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a handler decides about one attempt. */
export type DeliveryOutcome =
  | { status: 'sent'; result?: Record<string, unknown> }
  | { status: 'skipped'; code: string }
  | { status: 'failed'; code: string }
  | { status: 'unknown'; code: string }
  /** Try again later; counts as a failure (backoff, limited attempts). */
  | { status: 'retry'; code: string }
  /** The outside is still working (publishing): look again after delayMs; not a failure. */
  | { status: 'wait'; code: string; delayMs: number };
