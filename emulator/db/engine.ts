/**
 * Database operations over the store: mingo evaluates filters, updates, projections and pipelines; the planner
 * lets SQLite narrow and order the candidates. Every write runs in one SQLite transaction.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Aggregator, Query, update as mingoUpdate } from 'mingo';
import type { Options as MingoOptions } from 'mingo/types/types';
import { DbError, LockedByTransaction } from './errors';
import { encodeDoc, isPlainObject, parseStoredDoc, type Doc } from './ejson';
import { idKey } from './keys';
import { assertIndexServed, buildPlan, type SortSpec } from './planner';
import type { StoredRow, Store } from './store';
import { assertUpdateApplies } from './update-check';
import { validatePipeline, validateReplacement, validateUpdate } from './validate';

/** CloudBase returns at most 1000 documents per get (the SDK clamps `limit`: query.js `limit < 1000 ? limit : 1000`). */
export const MAX_LIMIT = 1000;
/**
 * Emulator cap on one insert batch. CloudBase's documents name no figure that we could find; the emulator uses the
 * per-call document cap of reads so that a bulk import has to page its writes as it must page its reads.
 */
export const MAX_INSERT_BATCH = 1000;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  /** Strict index mode applies to SDK requests only, not to the emulator's own access (seed, tests). */
  enforceIndexes?: boolean;
}

export interface FoundRow {
  row: StoredRow;
  doc: Doc;
}

export interface UpdateFlags {
  multi: boolean;
  /** true: `data` holds update operators; false: `data` replaces the document (doc.set). */
  merge: boolean;
  upsert: boolean;
}

export class Engine {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly baseOptions: Partial<MingoOptions> = { scriptEnabled: false };
  /** Documents read and parsed so far (the cost a query would have on the service). */
  scanned = 0;
  /** The open transaction that has written this document, if any (set by Transactions). */
  lockOwner: (collection: string, key: string) => string | undefined = () => undefined;

  constructor(
    readonly store: Store,
    private readonly strictIndexes: () => boolean,
  ) {}

  find(collection: string, filter: Doc = {}, options: FindOptions = {}): FoundRow[] {
    const state = this.store.get(collection);
    const sort = options.sort ?? [];
    if (options.enforceIndexes && this.strictIndexes()) assertIndexServed(state, filter, sort);
    const plan = buildPlan(state, filter, sort);
    const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : '';
    const statement = this.prepare(
      plan.select ?? `SELECT rid, id, ver, doc FROM ${state.table}${where} ORDER BY ${plan.orderBy}`,
    );
    const query = new Query(filter, this.baseOptions);
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const found: FoundRow[] = [];
    if (sort.length === 0 || plan.sortPushed) {
      let skipped = 0;
      for (const row of statement.iterate(...plan.params) as IterableIterator<StoredRow>) {
        if (found.length >= limit) break;
        this.scanned += 1;
        const doc = parseStoredDoc(row.doc);
        if (!query.test(doc)) continue;
        if (skipped < skip) skipped += 1;
        else found.push({ row, doc });
      }
      return found;
    }
    for (const row of statement.iterate(...plan.params) as IterableIterator<StoredRow>) {
      this.scanned += 1;
      const doc = parseStoredDoc(row.doc);
      if (query.test(doc)) found.push({ row, doc });
    }
    const byDoc = new Map(found.map((f) => [f.doc, f]));
    const sortSpec = Object.fromEntries(sort.map((s) => [s.field, s.direction]));
    const sorted = new Query({}, this.baseOptions)
      .find(found.map((f) => f.doc))
      .sort(sortSpec)
      .skip(skip)
      .limit(Number.isFinite(limit) ? limit : found.length)
      .all() as Doc[];
    return sorted.map((doc) => byDoc.get(doc) as FoundRow);
  }

  /** Counts from the index (reading no document) when SQL decides the filter exactly. */
  count(collection: string, filter: Doc = {}, enforceIndexes = false): number {
    const state = this.store.get(collection);
    if (enforceIndexes && this.strictIndexes()) assertIndexServed(state, filter, []);
    const plan = buildPlan(state, filter, []);
    if (!plan.exact) return this.find(collection, filter).length;
    const where = plan.where.length ? ` WHERE ${plan.where.join(' AND ')}` : '';
    const row = this.prepare(`SELECT count(*) AS n FROM ${state.table}${where}`).get(...plan.params) as {
      n: number;
    };
    return row.n;
  }

  project(docs: Doc[], projection: Doc): Doc[] {
    return new Query({}, this.baseOptions).find(docs, projection).all() as Doc[];
  }

  insert(collection: string, docs: Doc[]): unknown[] {
    const state = this.store.get(collection);
    if (docs.length === 0) throw new DbError('INVALID_PARAM', '插入的文档不能为空');
    if (docs.length > MAX_INSERT_BATCH) {
      throw new DbError('INVALID_PARAM', `一次最多插入 ${MAX_INSERT_BATCH} 条文档（本次 ${docs.length} 条）`);
    }
    return this.store.transaction(() =>
      docs.map((input) => {
        if (!isPlainObject(input)) throw new DbError('INVALID_PARAM', '插入的文档必须是对象');
        const doc = withId(input);
        this.assertUnlocked(collection, idKey(doc._id));
        this.store.insert(state, idKey(doc._id), doc);
        return doc._id;
      }),
    );
  }

  update(
    collection: string,
    filter: Doc,
    data: Doc,
    flags: UpdateFlags,
    enforceIndexes = false,
  ): { updated: number; upsertId?: unknown } {
    const state = this.store.get(collection);
    if (flags.merge) validateUpdate(asOperators(data));
    return this.store.transaction(() => {
      const rows = this.find(collection, filter, { limit: flags.multi ? undefined : 1, enforceIndexes });
      let updated = 0;
      for (const { row } of rows) this.assertUnlocked(collection, row.id);
      for (const { row, doc } of rows) {
        const next = applyChange(row, doc, data, flags.merge);
        if (encodeDoc(next) !== row.doc) {
          this.store.update(state, row, next);
          updated += 1;
        }
      }
      if (rows.length > 0 || !flags.upsert) return { updated };
      const created = upsertDocument(filter, data, flags.merge);
      this.assertUnlocked(collection, idKey(created._id));
      this.store.insert(state, idKey(created._id), created);
      return { updated: 0, upsertId: created._id };
    });
  }

  remove(collection: string, filter: Doc, multi: boolean, enforceIndexes = false): number {
    const state = this.store.get(collection);
    return this.store.transaction(() => {
      const rows = this.find(collection, filter, { limit: multi ? undefined : 1, enforceIndexes });
      for (const { row } of rows) this.assertUnlocked(collection, row.id);
      for (const { row } of rows) this.store.remove(state, row);
      return rows.length;
    });
  }

  /** modifyAndReturnDoc: updates the first match and returns it as it is after the update. */
  findAndModify(
    collection: string,
    filter: Doc,
    data: Doc,
    enforceIndexes = false,
  ): { updated: number; doc: Doc | null } {
    const state = this.store.get(collection);
    validateUpdate(asOperators(data));
    return this.store.transaction(() => {
      const [first] = this.find(collection, filter, { limit: 1, enforceIndexes });
      if (!first) return { updated: 0, doc: null };
      this.assertUnlocked(collection, first.row.id);
      const next = applyChange(first.row, first.doc, data, true);
      if (encodeDoc(next) === first.row.doc) return { updated: 0, doc: next };
      this.store.update(state, first.row, next);
      return { updated: 1, doc: next };
    });
  }

  aggregate(collection: string, stages: Doc[], enforceIndexes = false): Doc[] {
    validatePipeline(stages);
    const first = stages[0];
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : {};
    const source = this.find(collection, leadingMatch, { enforceIndexes }).map((f) => f.doc);
    const options: Partial<MingoOptions> = {
      ...this.baseOptions,
      collectionResolver: (name: string) => this.find(name, {}).map((f) => f.doc),
    };
    return new Aggregator(stages, options).run(source);
  }

  /** A write outside transactions to a document an open transaction wrote waits for it (actions.ts retries). */
  private assertUnlocked(collection: string, key: string): void {
    const owner = this.lockOwner(collection, key);
    if (owner) throw new LockedByTransaction(owner);
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.store.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** CloudBase ids are 32 hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

function withId(input: Doc): Doc {
  const { _id, ...rest } = input;
  return { _id: _id ?? newDocumentId(), ...rest };
}

/** The SDK always sends operators for update(); a plain object from another client means `$set`. */
export function asOperators(data: Doc): Doc {
  return Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data };
}

/** Applies operators (merge) or replaces the document keeping `_id` (doc.set). */
export function applyChange(row: StoredRow, doc: Doc, data: Doc, merge: boolean): Doc {
  if (!merge) {
    validateReplacement(data, doc._id);
    const { _id: _ignored, ...fields } = data;
    return { _id: doc._id, ...fields };
  }
  const next = parseStoredDoc(row.doc);
  assertUpdateApplies(next, asOperators(data));
  mingoUpdate(next, asOperators(data) as Parameters<typeof mingoUpdate>[1], undefined, undefined, {
    cloneMode: 'deep',
  });
  return next;
}

/** An upserted document starts from the filter's plain equalities (MongoDB's upsert rule), then gets the change. */
function upsertDocument(filter: Doc, data: Doc, merge: boolean): Doc {
  const id = isScalarId(filter._id) ? filter._id : newDocumentId();
  if (!merge) {
    validateReplacement(data, id);
    const { _id: _ignored, ...fields } = data;
    return { _id: id, ...fields };
  }
  const base: Doc = { _id: id };
  const equalities: Doc = {};
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$') || field === '_id') continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if ('$eq' in value) equalities[field] = value.$eq;
      continue;
    }
    if (!(value instanceof RegExp)) equalities[field] = value;
  }
  if (Object.keys(equalities).length) mingoUpdate(base, { $set: equalities } as never);
  assertUpdateApplies(base, asOperators(data));
  mingoUpdate(base, asOperators(data) as Parameters<typeof mingoUpdate>[1], undefined, undefined, {
    cloneMode: 'deep',
  });
  return base;
}

function isScalarId(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
