/**
 * The emulator's database part: SQLite storage with the indexes of deploy/database.json, the /admin database
 * protocol of @cloudbase/node-sdk, transactions with injectable conflicts (POST /_emulator/db-faults), and a small
 * interface for the other parts (seed) and tests.
 */
import path from 'node:path';
import type { EmulatorContext } from '../context';
import { HttpError } from '../http';
import { registerDatabaseActions } from './actions';
import { DEFAULT_DATABASE_CONFIG, loadDatabaseConfig, type DatabaseConfig, type IndexConfig } from './config';
import type { Doc } from './ejson';
import { Engine } from './engine';
import type { SortSpec } from './planner';
import { Store } from './store';
import { TRANSACTION_LIFETIME_MS, Transactions } from './transactions';

export type { DatabaseConfig, IndexConfig } from './config';
export type { Doc } from './ejson';
export type { SortSpec } from './planner';

/** What other parts and tests may use. Access through it bypasses strict index mode (it is not an SDK query). */
export interface EmulatorDatabase {
  /** The deployment config in force (collections, indexes, security rules). */
  readonly config: DatabaseConfig;
  collectionNames(): string[];
  /** Creates the collection (with these indexes) unless it exists. */
  ensureCollection(name: string, indexes?: IndexConfig[]): void;
  /** Inserts documents (at most 1000 per call); answers their `_id`s. */
  insert(collection: string, docs: Doc[]): unknown[];
  find(collection: string, filter?: Doc, options?: { sort?: SortSpec; skip?: number; limit?: number }): Doc[];
  count(collection: string, filter?: Doc): number;
  /** Empties every collection (the reset hook does this too). */
  clear(): void;
  /** Documents read by queries so far (an index-served count reads none). */
  scannedDocuments(): number;
  /** The next `count` transaction commits abort with DATABASE_TRANSACTION_CONFLICT. */
  injectTransactionConflicts(count: number): void;
}

export interface DatabaseOptions {
  /** Defaults to $EMULATOR_DB_CONFIG, then deploy/database.json. */
  configPath?: string;
}

const databases = new WeakMap<EmulatorContext, EmulatorDatabase>();

export async function registerDatabase(
  ctx: EmulatorContext,
  options: DatabaseOptions = {},
): Promise<EmulatorDatabase> {
  const configPath = options.configPath ?? process.env.EMULATOR_DB_CONFIG ?? DEFAULT_DATABASE_CONFIG;
  const config = loadDatabaseConfig(configPath);
  const store = new Store(path.join(ctx.options.dataDir, 'db.sqlite'));
  store.open(config.collections);
  const engine = new Engine(store, () => ctx.options.strictIndexes);
  const txns = new Transactions(engine, () => ctx.options.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS);
  registerDatabaseActions(ctx, engine, txns);

  ctx.router.add('POST', /^\/_emulator\/db-faults$/, async ({ json, send }) => {
    const body = await json<{ transactionConflict?: unknown }>();
    const count = body.transactionConflict ?? 0;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new HttpError(400, 'INVALID_INPUT', 'transactionConflict 须为非负整数');
    }
    txns.injectConflicts(count);
    send(200, { ok: true, transactionConflict: count });
  });
  ctx.onReset.push(() => {
    txns.reset();
    store.clearAll();
  });
  ctx.onClose.push(() => store.close());

  const database: EmulatorDatabase = {
    config,
    collectionNames: () => store.names(),
    ensureCollection: (name, indexes = []) => {
      if (!store.has(name)) store.create(name, indexes);
    },
    insert: (collection, docs) => engine.insert(collection, docs),
    find: (collection, filter = {}, findOptions = {}) =>
      engine.find(collection, filter, findOptions).map((f) => f.doc),
    count: (collection, filter = {}) => engine.count(collection, filter),
    clear: () => store.clearAll(),
    scannedDocuments: () => engine.scanned,
    injectTransactionConflicts: (count) => txns.injectConflicts(count),
  };
  databases.set(ctx, database);
  return database;
}

/** The database registered on this emulator (for the seed and tests). */
export function databaseOf(ctx: EmulatorContext): EmulatorDatabase {
  const database = databases.get(ctx);
  if (!database) throw new Error('数据库模块尚未注册');
  return database;
}
