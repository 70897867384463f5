/**
 * Daily anchoring (REC-16): once per Shanghai day the scheduler records the head of each global chain (after a
 * sequencing pass, so the day's events are in it) and, in the same transaction, an outbox record that publishes
 * the anchor. Idempotent per date: the anchor's _id is the date, and a second run that day does nothing.
 */
import { toShanghaiDate } from '../../core/calendar';
import { CHAINS, GENESIS_HASH, type ChainName } from '../../core/ledger/event';
import { outboxRecord } from '../outbox/record';
import { OUTBOX_COLLECTION } from '../outbox/types';
import type { Database } from '../platform/cloudbase';
import { CURRENT_HASH_ALGORITHM } from '../platform/crypto';
import { ANCHOR_COLLECTION, type StoredAnchor } from './anchor-store';
import { legacyHead } from './legacy';
import { CHAIN_HEADS_COLLECTION } from './sequencer';

interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }> };
    add(data: Record<string, unknown>): Promise<unknown>;
  };
}

/** The anchoring run's answer is declared with the scheduler's action (core/contract/ledger.ts). */
export type { AnchorResult } from '../../core/contract/ledger';
import type { AnchorResult } from '../../core/contract/ledger';

export async function anchorLedgerHead(db: Database, now: Date): Promise<AnchorResult> {
  const date = toShanghaiDate(now);
  const legacy = await legacyHead(db);
  return (await db.runTransaction(async (tx: Tx) => {
    if ((await tx.collection(ANCHOR_COLLECTION).doc(date).get()).data) {
      return { anchored: false, date, reason: 'alreadyAnchored' };
    }
    const chains = {} as StoredAnchor['chains'];
    for (const chain of CHAINS) chains[chain] = await headIn(tx, chain);
    if (CHAINS.every((c) => chains[c].no === 0) && !legacy)
      return { anchored: false, date, reason: 'emptyLedger' };
    const alg = CURRENT_HASH_ALGORITHM;
    const anchor: Omit<StoredAnchor, '_id'> = { date, chains, legacy, alg, anchoredAt: now };
    await tx.collection(ANCHOR_COLLECTION).add({ _id: date, ...anchor });
    const { _id, ...outbox } = outboxRecord({
      kind: 'ledgerAnchor',
      payload: { date, chains, legacy, alg },
      at: now,
      id: `anchor_${date}`,
    });
    await tx.collection(OUTBOX_COLLECTION).add({ _id, ...outbox });
    return { anchored: true, date, chains };
  })) as AnchorResult;
}

async function headIn(tx: Tx, chain: ChainName): Promise<{ no: number; hash: string }> {
  const head = (await tx.collection(CHAIN_HEADS_COLLECTION).doc(chain).get()).data as {
    no?: number;
    hash?: string;
  } | null;
  return typeof head?.no === 'number' && typeof head.hash === 'string'
    ? { no: head.no, hash: head.hash }
    : { no: 0, hash: GENESIS_HASH };
}
