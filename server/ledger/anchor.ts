/**
 * Daily anchoring (DESIGN.md "Data rules"): once per Shanghai day the scheduler records the ledger head
 * `{date, seq, hash}` and, in the same transaction, an outbox record that publishes it. Idempotent per date: the
 * anchor's _id is the date, and a second run that day finds it and does nothing.
 */
import { toShanghaiDate } from '../../core/calendar';
import { outboxRecord } from '../outbox/record';
import { OUTBOX_COLLECTION } from '../outbox/types';
import { CURRENT_HASH_ALGORITHM } from '../platform/crypto';
import type { Database } from '../platform/cloudbase';
import { ANCHOR_COLLECTION, type StoredAnchor } from './anchor-store';
import { LEDGER_HEAD_COLLECTION } from './commit';

interface TxDoc {
  get(): Promise<{ data: unknown }>;
}
interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(data: Record<string, unknown>): Promise<unknown> };
}

export type AnchorResult =
  | { anchored: true; date: string; seq: number; hash: string }
  | { anchored: false; date: string; reason: 'alreadyAnchored' | 'emptyLedger' };

export async function anchorLedgerHead(db: Database, now: Date): Promise<AnchorResult> {
  const date = toShanghaiDate(now);
  return (await db.runTransaction(async (tx: Tx) => {
    const existing = (await tx.collection(ANCHOR_COLLECTION).doc(date).get()).data;
    if (existing) return { anchored: false, date, reason: 'alreadyAnchored' };
    const head = (await tx.collection(LEDGER_HEAD_COLLECTION).doc('head').get()).data as {
      seq?: number;
      hash?: string;
    } | null;
    if (!head || typeof head.seq !== 'number' || head.seq === 0 || typeof head.hash !== 'string') {
      return { anchored: false, date, reason: 'emptyLedger' };
    }
    const alg = CURRENT_HASH_ALGORITHM;
    const anchor: Omit<StoredAnchor, '_id'> = { date, seq: head.seq, hash: head.hash, alg, anchoredAt: now };
    await tx.collection(ANCHOR_COLLECTION).add({ _id: date, ...anchor });
    const { _id, ...outbox } = outboxRecord({
      kind: 'ledgerAnchor',
      payload: { date, seq: head.seq, hash: head.hash, alg },
      at: now,
      id: `anchor_${date}`,
    });
    await tx.collection(OUTBOX_COLLECTION).add({ _id, ...outbox });
    return { anchored: true, date, seq: head.seq, hash: head.hash };
  })) as AnchorResult;
}
