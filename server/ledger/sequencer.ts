/**
 * The sequencer (REC-11, REC-16; docs/ledger.md) turns pending events into the global chains, one per kind
 * (`records`: state changes, `access`: views and attempts), like Certificate Transparency logs merge entries:
 *
 * 1. finish marking the head's last batch (a run that died between committing a batch and marking its events
 *    left them `batch: null`; marking first means they are never listed, and batched, a second time);
 * 2. list pending events (`batch: null`) in the order they were recorded;
 * 3. write ONE batch document (the event ids with the hashes stored when they were written, the previous
 *    batch's hash, its own hash and MAC) and move the head, in one short transaction with a compare-and-set on
 *    the head: a second sequencer running at the same time is refused and changes nothing;
 * 4. mark the listed events with one update, outside the transaction.
 *
 * It copies stored hashes and never refuses an event, so one bad event cannot stall the chain: ledger.verify is
 * what names it. Its own lease keeps two scheduled runs from doing the same work; correctness never depends on it.
 */
import {
  batchHashInput,
  batchId,
  CHAINS,
  GENESIS_HASH,
  type Batch,
  type BatchBody,
  type ChainName,
} from '../../core/ledger/event';
import type { Database } from '../platform/cloudbase';
import { CURRENT_HASH_ALGORITHM, hashText, randomId } from '../platform/crypto';
import { getDoc, rowsOf } from '../platform/docs';
import { LEASES_COLLECTION } from '../platform/lease';
import { ACCESS_EVENTS_COLLECTION } from './access';
import { EVENTS_COLLECTION } from './commit';
import { ledgerMac } from './mac';

export const BATCHES_COLLECTION = 'sys_batches';
export const CHAIN_HEADS_COLLECTION = 'sys_chain_heads';
export { LEASES_COLLECTION };

/** Events per batch: one `_.in` update marks them (and a batch document stays far below 16 MB). */
export const MAX_BATCH_EVENTS = 500;
/** The sequencer runs every minute; an event is sequenced within this, or ledger.verify names it. */
export const MAX_SEQUENCING_DELAY_MS = 15 * 60_000;
const LEASE_MS = 55_000;

export const EVENT_COLLECTIONS: Record<ChainName, string> = {
  records: EVENTS_COLLECTION,
  access: ACCESS_EVENTS_COLLECTION,
};

export interface ChainHeadDoc {
  no: number;
  hash: string;
  at: Date;
}

export async function chainHead(db: Database, chain: ChainName): Promise<{ no: number; hash: string }> {
  const head = await getDoc<ChainHeadDoc>(db, CHAIN_HEADS_COLLECTION, chain);
  return head && typeof head.no === 'number'
    ? { no: head.no, hash: head.hash }
    : { no: 0, hash: GENESIS_HASH };
}

export interface SequenceReport {
  chains: Record<ChainName, { batches: number; events: number; head: number }>;
  leased: boolean;
}

/**
 * Runs until no event is pending or `budgetMs` is spent. `holder` names this run in the lease (a timer run, or
 * a test); without the lease another run is at work and this one returns at once.
 */
export async function runSequencer(
  db: Database,
  now: Date,
  options: { budgetMs?: number; holder?: string } = {},
): Promise<SequenceReport> {
  const holder = options.holder ?? `seq_${randomId(6)}`;
  const report: SequenceReport = {
    leased: await takeLease(db, holder, now),
    chains: { records: { batches: 0, events: 0, head: 0 }, access: { batches: 0, events: 0, head: 0 } },
  };
  if (!report.leased) return report;
  const started = Date.now();
  try {
    for (const chain of CHAINS) {
      for (;;) {
        const done = await sequenceOnce(db, chain, now);
        report.chains[chain].head = done.head;
        if (!done.events) break;
        report.chains[chain].batches += 1;
        report.chains[chain].events += done.events;
        if (Date.now() - started > (options.budgetMs ?? 40_000)) break;
      }
    }
  } finally {
    await releaseLease(db, holder);
  }
  return report;
}

/** One batch of one chain: answers how many events it sequenced (0: none pending, or another run won). */
export async function sequenceOnce(
  db: Database,
  chain: ChainName,
  now: Date,
): Promise<{ events: number; head: number }> {
  const head = await chainHead(db, chain);
  if (head.no > 0) await markBatch(db, chain, head.no);
  const pending = await pendingEvents(db, chain);
  if (pending.length === 0) return { events: 0, head: head.no };
  const body: BatchBody = {
    chain,
    no: head.no + 1,
    events: pending,
    prevHash: head.hash,
    alg: CURRENT_HASH_ALGORITHM,
    createdAt: now.toISOString(),
  };
  const hash = hashText(batchHashInput(body));
  const batch: Batch = { _id: batchId(chain, body.no), ...body, hash, mac: ledgerMac(hash) };
  const committed = await commitBatch(db, chain, head.no, batch);
  if (!committed) return { events: 0, head: head.no };
  await markBatch(db, chain, batch.no, batch.events);
  return { events: batch.events.length, head: batch.no };
}

async function pendingEvents(db: Database, chain: ChainName): Promise<Array<{ id: string; hash: string }>> {
  const res = await db
    .collection(EVENT_COLLECTIONS[chain])
    .where({ batch: null })
    .orderBy('recordedAt', 'asc')
    .limit(MAX_BATCH_EVENTS)
    .get();
  return rowsOf<{ _id: string; hash: string }>(res).map((e) => ({ id: e._id, hash: e.hash }));
}

interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; set(d: Record<string, unknown>): Promise<unknown> };
    add(d: Record<string, unknown>): Promise<unknown>;
  };
}

/** The compare-and-set: the head must still be where this run found it. */
async function commitBatch(
  db: Database,
  chain: ChainName,
  expectedNo: number,
  batch: Batch,
): Promise<boolean> {
  try {
    return (await db.runTransaction(async (tx: Tx) => {
      const current = (await tx.collection(CHAIN_HEADS_COLLECTION).doc(chain).get()).data as {
        no?: number;
      } | null;
      if ((current?.no ?? 0) !== expectedNo) return false;
      const { _id, ...doc } = batch;
      await tx.collection(BATCHES_COLLECTION).add({ _id, ...doc });
      await tx
        .collection(CHAIN_HEADS_COLLECTION)
        .doc(chain)
        .set({ no: batch.no, hash: batch.hash, at: new Date() });
      return true;
    })) as boolean;
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    // Another sequencer moved the head or wrote the same batch at the same moment: its batch stands.
    if (code === 'DATABASE_TRANSACTION_CONFLICT' || code === 'DATABASE_DUPLICATE_WRITE') return false;
    throw err;
  }
}

/** Marks the batch's events (only those still unmarked: an event is never moved from one batch to another). */
async function markBatch(
  db: Database,
  chain: ChainName,
  no: number,
  events?: ReadonlyArray<{ id: string }>,
): Promise<void> {
  const listed = events ?? (await getDoc<Batch>(db, BATCHES_COLLECTION, batchId(chain, no)))?.events ?? [];
  if (listed.length === 0) return;
  const _ = db.command;
  await db
    .collection(EVENT_COLLECTIONS[chain])
    .where({ _id: _.in(listed.map((e) => e.id)), batch: null })
    .update({ batch: no });
}

async function takeLease(db: Database, holder: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const until = new Date(now.getTime() + LEASE_MS);
  const coll = db.collection(LEASES_COLLECTION);
  const res = await coll.where({ _id: 'sequencer', until: _.lte(now) }).update({ holder, until });
  if (Number(res.updated ?? 0) === 1) return true;
  try {
    await coll.add({ _id: 'sequencer', holder, until });
    return true;
  } catch {
    return false; // held by another run (or created by it a moment ago)
  }
}

async function releaseLease(db: Database, holder: string): Promise<void> {
  await db
    .collection(LEASES_COLLECTION)
    .where({ _id: 'sequencer', holder })
    .update({ until: new Date(0) })
    .catch(() => undefined);
}
