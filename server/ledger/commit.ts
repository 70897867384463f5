/**
 * Every state change goes through `commitChange` (REC-11, REC-16; docs/ledger.md): in ONE transaction, each
 * record's new state and an event on that record's own chain (fixed id `<collection>/<id>/<rev>`, the record's
 * state hash, the hash of its previous event, an HMAC no database writer can forge), plus the rows the change
 * causes (outbox messages), which name the event. The record carries its chain head, so the transaction runs no
 * query and touches no global document: writes to different records never contend. A sequencer
 * (sequencer.ts) later lists the pending events in batches that form the global chain.
 */
import {
  eventHashInput,
  eventId,
  GENESIS_HASH,
  recordStateForHash,
  type ChainHead,
  type EventBody,
} from '../../core/ledger/event';
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { isDuplicateWrite } from '../platform/db-errors';
import { CURRENT_HASH_ALGORITHM, hashText, hashValue } from '../platform/crypto';
import { assertLedgered } from './collections';
import { legacyEntry } from './legacy';
import { ledgerMac } from './mac';

/** Every record's events; `batch: null` until sequenced (indexed). */
export const EVENTS_COLLECTION = 'sys_events';

export interface EntityWrite {
  collection: string;
  id: string;
  /** The revision the change was decided on; null creates the entity (it must not exist). */
  expectedRev: number | null;
  /** The complete new state, without `_id` and `_rev` (they are added). */
  state: Record<string, unknown>;
}

export interface PlainInsert {
  collection: string;
  id: string;
  doc: Record<string, unknown>;
}

export interface ChangeSet {
  actor: string;
  action: string;
  /** When the system makes the change. */
  at: Date;
  /** When the act happened, if earlier (an act entered later: deadlines run from the act). Defaults to `at`. */
  actedAt?: Date;
  entities: EntityWrite[];
  /** Written in the same transaction but not ledgered themselves (outbox records, index rows). */
  inserts?: PlainInsert[];
}

export interface CommittedEntity {
  collection: string;
  id: string;
  rev: number;
  doc: Record<string, unknown>;
  eventId: string;
}

/** The part of the SDK's transaction object used here (the SDK types it as `any`). */
interface TxDoc {
  get(): Promise<{ data: unknown }>;
  set(data: Record<string, unknown>): Promise<unknown>;
}
interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(data: Record<string, unknown>): Promise<unknown> };
}

/**
 * Two changes of one record collide on its revision (CONFLICT) or, inside CloudBase, as a transaction conflict.
 * The SDK retries a conflict only 3 times at once; here a conflicting transaction runs again after a random,
 * growing pause, and one that still collides answers CONFLICT: never INTERNAL.
 */
const CONFLICT_ATTEMPTS = 6;
const CONFLICT_PAUSE_MS = 30;

export async function commitChange(db: Database, change: ChangeSet): Promise<CommittedEntity[]> {
  if (change.entities.length === 0) throw new Error('commitChange needs at least one entity');
  for (const write of change.entities) assertLedgered(write.collection);
  const legacy = await legacyLinks(db, change.entities);
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(db, change, legacy);
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= CONFLICT_ATTEMPTS) throw new AppError('CONFLICT', '记录正被他人同时修改，请稍后重试');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * CONFLICT_PAUSE_MS * 2 ** attempt));
    }
  }
}

function isTransactionConflict(err: unknown): boolean {
  return (
    (err as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT' || isDuplicateWrite(err)
  );
}

/**
 * A record last changed before per-record chains existed carries no chain head: its first event links to its
 * last entry of the legacy ledger, found here, outside the transaction, by the revision the change expects (the
 * transaction then pins that revision).
 */
async function legacyLinks(db: Database, writes: EntityWrite[]): Promise<Map<string, LegacyLink>> {
  const out = new Map<string, LegacyLink>();
  for (const w of writes) {
    if (w.expectedRev === null || w.state._chain) continue;
    const entry = await legacyEntry(db, `${w.collection}/${w.id}`, w.expectedRev);
    if (entry) out.set(`${w.collection}/${w.id}`, { seq: entry.seq, hash: entry.hash });
  }
  return out;
}

interface LegacyLink {
  seq: number;
  hash: string;
}

async function commitOnce(
  db: Database,
  change: ChangeSet,
  legacy: Map<string, LegacyLink>,
): Promise<CommittedEntity[]> {
  const actedAt = (change.actedAt ?? change.at).toISOString();
  const recordedAt = new Date().toISOString();
  return (await db.runTransaction(async (tx: Tx) => {
    const committed: CommittedEntity[] = [];
    for (const write of change.entities) {
      const { rev, head } = await checkRevision(tx, write);
      const entity = `${write.collection}/${write.id}`;
      const link = head ? null : (legacy.get(entity) ?? null);
      const { _chain: _stale, ...state } = write.state;
      const doc: Record<string, unknown> = { ...state, _id: write.id, _rev: rev };
      const body: EventBody = {
        entity,
        rev,
        actor: change.actor,
        action: change.action,
        actedAt,
        recordedAt,
        stateHash: hashValue(recordStateForHash(write.collection, doc)),
        prevHash: head?.hash ?? link?.hash ?? GENESIS_HASH,
        legacySeq: link?.seq ?? null,
        alg: CURRENT_HASH_ALGORITHM,
      };
      const hash = hashText(eventHashInput(body));
      const id = eventId(write.collection, write.id, rev);
      doc._chain = { event: id, hash } satisfies ChainHead;
      await tx.collection(write.collection).doc(write.id).set(withoutId(doc));
      await tx
        .collection(EVENTS_COLLECTION)
        .add({ _id: id, ...body, hash, mac: ledgerMac(hash), batch: null });
      committed.push({ collection: write.collection, id: write.id, rev, doc, eventId: id });
    }
    // Rows written with the change (outbox messages) name the event that caused them: a row whose event is gone
    // shows that change was undone behind the system's back.
    const cause = committed[0]!.eventId;
    for (const insert of change.inserts ?? []) {
      await tx.collection(insert.collection).add({ ...insert.doc, _id: insert.id, eventId: cause });
    }
    return committed;
  })) as CommittedEntity[];
}

async function checkRevision(tx: Tx, write: EntityWrite): Promise<{ rev: number; head: ChainHead | null }> {
  const res = await tx.collection(write.collection).doc(write.id).get();
  const current = (res.data ?? null) as { _rev?: number; _chain?: ChainHead } | null;
  if (write.expectedRev === null) {
    if (current) throw new AppError('CONFLICT', '记录已存在');
    return { rev: 1, head: null };
  }
  if (!current) throw new AppError('NOT_FOUND');
  if (current._rev !== write.expectedRev) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试');
  return { rev: write.expectedRev + 1, head: current._chain ?? null };
}

function withoutId(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
