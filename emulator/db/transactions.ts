/**
 * Transactions as CloudBase (MongoDB underneath) has them: single-document operations only (事务中仅能进行单记录操作
 * — WeChat cloud docs, Transaction.collection), snapshot reads, and write locks:
 * - a transaction reads the database as it was when it started (a document others changed since reads as before);
 * - its first write to a document takes that document's lock; the write fails at once with
 *   DATABASE_TRANSACTION_CONFLICT (and the transaction is aborted, as MongoDB aborts on a write conflict) when
 *   another open transaction holds the lock or someone changed the document since the start — two transactions
 *   inserting the same `_id` conflict the same way;
 * - a write outside transactions to a locked document waits until the holder ends (Engine/actions);
 * - a transaction lives at most 30 s; then its locks go and any further use fails with DATABASE_TRANSACTION_FAIL
 *   (docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL: 事务必须在 30 秒内提交或中止).
 * runTransaction retries on the conflict code without rolling back (@cloudbase/database transaction/index.js),
 * which is why a conflict must end the transaction here.
 */
import { randomBytes } from 'node:crypto';
import { DbError } from './errors';
import { encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { applyChange, asOperators, newDocumentId, type Engine } from './engine';
import { idKey } from './keys';
import { validateUpdate } from './validate';

interface Write {
  collection: string;
  key: string;
  /** The document as it will be committed; null: removed. */
  doc: Doc | null;
}

interface OpenTransaction {
  id: string;
  timer: NodeJS.Timeout;
  writes: Map<string, Write>;
  /** Committed state at the start (EJSON, null: absent) of each document others changed since. */
  snapshot: Map<string, string | null>;
  waiters: Array<() => void>;
}

/** CloudBase aborts a transaction not committed or aborted within 30 s. */
export const TRANSACTION_LIFETIME_MS = 30_000;
/** How many ended transaction ids are remembered to explain a late call. */
const ENDED_MEMORY = 1000;

export const CONFLICT_MESSAGE = '事务冲突：事务涉及的文档已被其他写入修改（database transaction conflict）';

const ENDED_REASONS = {
  committed: '已提交',
  aborted: '已中止',
  conflict: '因写冲突已中止',
  expired: `超过 ${TRANSACTION_LIFETIME_MS / 1000} 秒未提交，已被中止`,
  failed: '提交失败，已中止',
} as const;
type EndReason = keyof typeof ENDED_REASONS;

export class Transactions {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly ended = new Map<string, EndReason>();
  /** Document (collection + key) → id of the open transaction that wrote it. */
  private readonly locks = new Map<string, string>();
  private injectedConflicts = 0;

  constructor(
    private readonly engine: Engine,
    private readonly lifetimeMs: () => number = () => TRANSACTION_LIFETIME_MS,
  ) {
    engine.lockOwner = (collection, key) => this.locks.get(docKey(collection, key));
    engine.store.beforeChange = (collection, key, before) => {
      if (this.open.size === 0) return;
      const k = docKey(collection, key);
      let state: string | null | undefined;
      for (const txn of this.open.values()) {
        if (!txn.snapshot.has(k)) txn.snapshot.set(k, (state ??= before()));
      }
    };
  }

  start(): string {
    const id = randomBytes(12).toString('hex');
    const timer = setTimeout(() => this.finish(id, 'expired'), this.lifetimeMs());
    timer.unref();
    this.open.set(id, { id, timer, writes: new Map(), snapshot: new Map(), waiters: [] });
    return id;
  }

  get(txnId: string, collection: string, id: unknown): Doc | null {
    return this.view(this.transaction(txnId), collection, idKey(id));
  }

  insert(txnId: string, collection: string, input: Doc): unknown {
    const txn = this.transaction(txnId);
    const { _id, ...rest } = input;
    const id = _id ?? newDocumentId();
    const key = idKey(id);
    if (this.view(txn, collection, key))
      throw new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key：集合 ${collection} 中已有该 _id`);
    this.write(txn, collection, key, { _id: id, ...rest });
    return id;
  }

  modify(txnId: string, collection: string, id: unknown, data: Doc, merge: boolean, upsert: boolean) {
    const txn = this.transaction(txnId);
    const key = idKey(id);
    if (merge) validateUpdate(asOperators(data));
    const doc = this.view(txn, collection, key);
    const base = doc ?? { _id: id };
    const encoded = encodeDoc(base);
    if (!doc && !upsert) return { updated: 0 };
    const next = applyChange({ rid: 0, id: key, ver: 0, doc: encoded }, base, data, merge);
    if (!doc) {
      this.write(txn, collection, key, next);
      return { updated: 0, upsertId: id };
    }
    if (encodeDoc(next) === encoded) return { updated: 0 };
    this.write(txn, collection, key, next);
    return { updated: 1 };
  }

  remove(txnId: string, collection: string, id: unknown): number {
    const txn = this.transaction(txnId);
    const key = idKey(id);
    if (!this.view(txn, collection, key)) return 0;
    this.write(txn, collection, key, null);
    return 1;
  }

  commit(txnId: string): void {
    const txn = this.transaction(txnId);
    if (this.injectedConflicts > 0) {
      this.injectedConflicts -= 1;
      this.finish(txnId, 'conflict');
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    }
    const store = this.engine.store;
    let reason: EndReason = 'failed';
    try {
      // The locks guarantee nobody else changed these documents since this transaction wrote them.
      store.transaction(() => {
        for (const { collection, key, doc } of txn.writes.values()) {
          const state = store.get(collection);
          const row = store.byId(state, key);
          if (doc === null) {
            if (row) store.remove(state, row);
          } else if (row) {
            store.update(state, row, doc);
          } else {
            store.insert(state, key, doc);
          }
        }
      });
      reason = 'committed';
    } finally {
      this.finish(txnId, reason);
    }
  }

  abort(txnId: string): void {
    this.transaction(txnId);
    this.finish(txnId, 'aborted');
  }

  /** Resolves once the transaction has ended (at once if it is not open). */
  whenEnded(txnId: string): Promise<void> {
    const txn = this.open.get(txnId);
    if (!txn) return Promise.resolve();
    return new Promise((resolve) => txn.waiters.push(resolve));
  }

  /** POST /_emulator/db-faults { transactionConflict: N }: the next N commits abort with a conflict. */
  injectConflicts(count: number): void {
    this.injectedConflicts = count;
  }

  pendingInjectedConflicts(): number {
    return this.injectedConflicts;
  }

  reset(): void {
    for (const id of [...this.open.keys()]) this.finish(id, 'aborted');
    this.ended.clear();
    this.injectedConflicts = 0;
  }

  /** The transaction's view: its own writes, else the snapshot, else the committed document. */
  private view(txn: OpenTransaction, collection: string, key: string): Doc | null {
    const k = docKey(collection, key);
    const own = txn.writes.get(k);
    if (own) return own.doc;
    const state = this.engine.store.get(collection);
    const text = txn.snapshot.has(k) ? txn.snapshot.get(k) : this.engine.store.byId(state, key)?.doc;
    return text ? parseStoredDoc(text) : null;
  }

  private write(txn: OpenTransaction, collection: string, key: string, doc: Doc | null): void {
    const k = docKey(collection, key);
    if (!txn.writes.has(k)) {
      const owner = this.locks.get(k);
      if ((owner !== undefined && owner !== txn.id) || txn.snapshot.has(k)) {
        this.finish(txn.id, 'conflict');
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
      }
      this.locks.set(k, txn.id);
    }
    txn.writes.set(k, { collection, key, doc });
  }

  private finish(txnId: string, reason: EndReason): void {
    const txn = this.open.get(txnId);
    if (!txn) return;
    clearTimeout(txn.timer);
    this.open.delete(txnId);
    for (const k of txn.writes.keys()) if (this.locks.get(k) === txnId) this.locks.delete(k);
    this.ended.set(txnId, reason);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.keys().next().value as string);
    for (const wake of txn.waiters) wake();
  }

  private transaction(txnId: string): OpenTransaction {
    const txn = this.open.get(txnId);
    if (txn) return txn;
    const reason = this.ended.get(txnId);
    throw new DbError(
      'DATABASE_TRANSACTION_FAIL',
      `事务 ${txnId || '(空)'} ${reason ? ENDED_REASONS[reason] : '不存在'}（事务须在 ${TRANSACTION_LIFETIME_MS / 1000} 秒内提交或中止）`,
    );
  }
}

function docKey(collection: string, key: string): string {
  return `${collection}\u0000${key}`;
}
