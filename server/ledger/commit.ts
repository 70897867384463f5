/**
 * Every state change goes through `commitChange`: the entities' new states and their ledger entries are written in
 * ONE transaction (DESIGN.md "Data rules"). Entities carry `_rev`; a write states the revision it expects, so two
 * concurrent changes of one entity cannot both win. The ledger head is a single document, which serialises
 * appends; the SDK's runTransaction retries on conflict.
 */
import {
  entityStateForHash,
  entryHashInput,
  LEDGER_GENESIS_HASH,
  type LedgerEntry,
} from '../../core/ledger/entry';
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { isDuplicateWrite } from '../platform/db-errors';
import { getDoc } from '../platform/docs';
import { CURRENT_HASH_ALGORITHM, hashText, hashValue } from '../platform/crypto';

export const LEDGER_COLLECTION = 'sys_ledger';
export const LEDGER_HEAD_COLLECTION = 'sys_ledger_head';
const HEAD_ID = 'head';

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
  at: Date;
  entities: EntityWrite[];
  /** Written in the same transaction but not ledgered themselves (outbox records, index rows). */
  inserts?: PlainInsert[];
}

export interface CommittedEntity {
  collection: string;
  id: string;
  rev: number;
  doc: Record<string, unknown>;
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
 * Every commit appends to the one ledger head, so concurrent commits conflict; the SDK retries a conflict only 3
 * times, at once (and not the duplicate below at all), which a handful of simultaneous writers exhausts (they collide again in lockstep). Retrying
 * after a random, growing pause spreads them out, so a burst of writes is serialised instead of failing INTERNAL.
 */
const CONFLICT_ATTEMPTS = 8;
const CONFLICT_PAUSE_MS = 25;

export async function commitChange(db: Database, change: ChangeSet): Promise<CommittedEntity[]> {
  if (change.entities.length === 0) throw new Error('commitChange needs at least one entity');
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(db, change);
    } catch (err) {
      if (attempt >= CONFLICT_ATTEMPTS || !isTransactionConflict(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * CONFLICT_PAUSE_MS * attempt));
    }
  }
}

/**
 * A commit that read the head before another commit appended finds the next ledger entry already written: its add
 * fails as a duplicate before the commit could report the conflict. Either way the head moved; run again (a real
 * duplicate of an entity or row is then caught by the revision check as CONFLICT).
 */
function isTransactionConflict(err: unknown): boolean {
  return (
    (err as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT' || isDuplicateWrite(err)
  );
}

async function commitOnce(db: Database, change: ChangeSet): Promise<CommittedEntity[]> {
  return (await db.runTransaction(async (tx: Tx) => {
    const head = await readHead(tx);
    let seq = head.seq;
    let prevHash = head.hash;
    const committed: CommittedEntity[] = [];
    for (const write of change.entities) {
      const rev = await checkRevision(tx, write);
      const doc = { ...write.state, _id: write.id, _rev: rev };
      await tx.collection(write.collection).doc(write.id).set(withoutId(doc));
      seq += 1;
      const body: Omit<LedgerEntry, 'hash'> = {
        seq,
        at: change.at.toISOString(),
        actor: change.actor,
        action: change.action,
        entity: `${write.collection}/${write.id}`,
        rev,
        stateHash: hashValue(entityStateForHash(write.collection, doc)),
        prevHash,
        alg: CURRENT_HASH_ALGORITHM,
      };
      const hash = hashText(entryHashInput(body));
      await tx.collection(LEDGER_COLLECTION).add({ _id: ledgerId(seq), ...body, hash });
      prevHash = hash;
      committed.push({ collection: write.collection, id: write.id, rev, doc });
    }
    for (const insert of change.inserts ?? []) {
      await tx.collection(insert.collection).add({ ...insert.doc, _id: insert.id });
    }
    await tx.collection(LEDGER_HEAD_COLLECTION).doc(HEAD_ID).set({ seq, hash: prevHash, at: change.at });
    return committed;
  })) as CommittedEntity[];
}

/** Ledger ids sort in sequence order as strings too. */
export function ledgerId(seq: number): string {
  return String(seq).padStart(12, '0');
}

/** The head as stored (seq and hash of the last entry), or null before the first entry: a read for reports. */
export async function storedLedgerHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const head = await getDoc<{ seq?: unknown; hash?: unknown }>(db, LEDGER_HEAD_COLLECTION, HEAD_ID);
  return head && typeof head.seq === 'number' && typeof head.hash === 'string'
    ? { seq: head.seq, hash: head.hash }
    : null;
}

async function readHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const res = await tx.collection(LEDGER_HEAD_COLLECTION).doc(HEAD_ID).get();
  const head = (res.data ?? null) as { seq?: number; hash?: string } | null;
  return head && typeof head.seq === 'number'
    ? { seq: head.seq, hash: head.hash ?? LEDGER_GENESIS_HASH }
    : { seq: 0, hash: LEDGER_GENESIS_HASH };
}

async function checkRevision(tx: Tx, write: EntityWrite): Promise<number> {
  const res = await tx.collection(write.collection).doc(write.id).get();
  const current = (res.data ?? null) as { _rev?: number } | null;
  if (write.expectedRev === null) {
    if (current) throw new AppError('CONFLICT', '记录已存在');
    return 1;
  }
  if (!current) throw new AppError('NOT_FOUND');
  if (current._rev !== write.expectedRev) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试');
  return write.expectedRev + 1;
}

function withoutId(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
