/**
 * Transactions as CloudBase offers them: single-document operations only (doc().get/set/update/remove and add;
 * 事务中仅能进行单记录操作，不能使用 where、aggregate — WeChat cloud docs, Transaction.collection). Optimistic:
 * each document a transaction touches is read once (its write version remembered), reads and writes then see the
 * transaction's own view, and commit applies every write in one SQLite transaction after checking that no touched
 * document changed meanwhile; otherwise it aborts with DATABASE_TRANSACTION_CONFLICT, the code the SDK's
 * runTransaction retries on (@cloudbase/database dist/commonjs/transaction/index.js).
 */
import { randomBytes } from 'node:crypto';
import { DbError } from './errors';
import { encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { applyChange, asOperators, newDocumentId, type Engine } from './engine';
import { idKey } from './keys';
import { validateUpdate } from './validate';

interface Entry {
  collection: string;
  key: string;
  /** Write version of the document when first touched; 0 when it did not exist. */
  baseVersion: number;
  doc: Doc | null;
  dirty: boolean;
}

interface OpenTransaction {
  startedAt: number;
  entries: Map<string, Entry>;
}

/** Abandoned transactions (a function that crashed before commit) are forgotten after this long. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

export const CONFLICT_MESSAGE = '事务冲突：事务涉及的文档已被其他写入修改（database transaction conflict）';

export class Transactions {
  private readonly open = new Map<string, OpenTransaction>();
  private injectedConflicts = 0;

  constructor(private readonly engine: Engine) {}

  start(): string {
    const now = Date.now();
    for (const [id, txn] of this.open) if (now - txn.startedAt > ABANDONED_AFTER_MS) this.open.delete(id);
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { startedAt: now, entries: new Map() });
    return id;
  }

  get(txnId: string, collection: string, id: unknown): Doc | null {
    return this.entry(txnId, collection, id).doc;
  }

  insert(txnId: string, collection: string, input: Doc): unknown {
    const { _id, ...rest } = input;
    const id = _id ?? newDocumentId();
    const entry = this.entry(txnId, collection, id);
    if (entry.doc)
      throw new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key：集合 ${collection} 中已有该 _id`);
    entry.doc = { _id: id, ...rest };
    entry.dirty = true;
    return id;
  }

  modify(txnId: string, collection: string, id: unknown, data: Doc, merge: boolean, upsert: boolean) {
    const entry = this.entry(txnId, collection, id);
    if (merge) validateUpdate(asOperators(data));
    if (!entry.doc) {
      if (!upsert) return { updated: 0 };
      const base: Doc = { _id: id };
      entry.doc = applyChange({ rid: 0, id: entry.key, ver: 0, doc: encodeDoc(base) }, base, data, merge);
      entry.dirty = true;
      return { updated: 0, upsertId: id };
    }
    const current = encodeDoc(entry.doc);
    const next = applyChange({ rid: 0, id: entry.key, ver: 0, doc: current }, entry.doc, data, merge);
    if (encodeDoc(next) === current) return { updated: 0 };
    entry.doc = next;
    entry.dirty = true;
    return { updated: 1 };
  }

  remove(txnId: string, collection: string, id: unknown): number {
    const entry = this.entry(txnId, collection, id);
    if (!entry.doc) return 0;
    entry.doc = null;
    entry.dirty = true;
    return 1;
  }

  commit(txnId: string): void {
    const txn = this.transaction(txnId);
    this.open.delete(txnId);
    if (this.injectedConflicts > 0) {
      this.injectedConflicts -= 1;
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    }
    const store = this.engine.store;
    store.transaction(() => {
      for (const entry of txn.entries.values()) {
        const row = store.byId(store.get(entry.collection), entry.key);
        if ((row?.ver ?? 0) !== entry.baseVersion)
          throw new DbError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
      }
      for (const entry of txn.entries.values()) {
        if (!entry.dirty) continue;
        const state = store.get(entry.collection);
        const row = store.byId(state, entry.key);
        if (entry.doc === null) {
          if (row) store.remove(state, row.rid);
        } else if (row) {
          store.update(state, row.rid, entry.doc);
        } else {
          store.insert(state, entry.key, entry.doc);
        }
      }
    });
  }

  abort(txnId: string): void {
    this.transaction(txnId);
    this.open.delete(txnId);
  }

  /** POST /_emulator/db-faults { transactionConflict: N }: the next N commits abort with a conflict. */
  injectConflicts(count: number): void {
    this.injectedConflicts = count;
  }

  pendingInjectedConflicts(): number {
    return this.injectedConflicts;
  }

  reset(): void {
    this.open.clear();
    this.injectedConflicts = 0;
  }

  private transaction(txnId: string): OpenTransaction {
    const txn = this.open.get(txnId);
    if (!txn) throw new DbError('INVALID_PARAM', `事务 ${txnId || '(空)'} 不存在或已结束`);
    return txn;
  }

  private entry(txnId: string, collection: string, id: unknown): Entry {
    const txn = this.transaction(txnId);
    const state = this.engine.store.get(collection);
    const key = idKey(id);
    const mapKey = `${collection}\u0000${key}`;
    let entry = txn.entries.get(mapKey);
    if (!entry) {
      const row = this.engine.store.byId(state, key);
      entry = {
        collection,
        key,
        baseVersion: row?.ver ?? 0,
        doc: row ? parseStoredDoc(row.doc) : null,
        dirty: false,
      };
      txn.entries.set(mapKey, entry);
    }
    return entry;
  }
}
