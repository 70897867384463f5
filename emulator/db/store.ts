/**
 * SQLite storage: one table per collection `c_<name>(rid, id, ver, doc, k1..kn)`. `doc` is relaxed Extended JSON,
 * `id` the encoded `_id` (unique), `ver` a database-wide increasing write version (transactions detect conflicts
 * with it), and each `k<n>` column holds the ordered key (keys.ts) of one field that a declared index names.
 * Declared indexes become SQLite indexes over those columns. A field holding an array of scalars is multikey: its
 * column stays NULL and `m_<name>(rid, col, key)` holds one row per distinct element, so the planner can serve
 * `{handlerIds: x}` from an index as MongoDB's multikey indexes do. WAL with synchronous=FULL: a write the emulator has
 * answered survives kill -9 (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { CollectionConfig, IndexConfig } from './config';
import { DbError } from './errors';
import { encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { indexKeys } from './keys';

export interface StoredRow {
  rid: number;
  id: string;
  ver: number;
  doc: string;
}

export interface CollectionState {
  name: string;
  /** Quoted SQLite table name. */
  table: string;
  /** Field path → key column name; `_id` maps to the `id` column. */
  columns: Map<string, string>;
  /** Fields whose values somewhere have no ordered key (objects, nested arrays, ...): never pushed down to SQL. */
  complex: Set<string>;
  /** Fields that somewhere hold an array of scalars: their elements are in the multikey table. */
  multikey: Set<string>;
  /** Quoted name of the multikey table `m_<name>(rid, col, key)`. */
  mkTable: string;
  indexes: IndexConfig[];
  statements: CollectionStatements;
}

interface CollectionStatements {
  insert: Database.Statement;
  mkInsert: Database.Statement;
  mkRemove: Database.Statement;
  update: Database.Statement;
  remove: Database.Statement;
  byId: Database.Statement;
}

/** Bumped when the key encoding changes: existing data files get their key columns recomputed on open. */
const KEY_SCHEMA_VERSION = 1;

/** Told before a document changes, with a loader for its committed state (EJSON text, null when absent). */
export type ChangeListener = (collection: string, id: string, before: () => string | null) => void;

interface DocKeys {
  columns: Array<string | null>;
  /** [column, key] per array element of a multikey field. */
  elements: Array<[string, string]>;
}

export class Store {
  readonly db: Database.Database;
  /** Open transactions listen here to keep their snapshot (transactions.ts). */
  beforeChange: ChangeListener | undefined;
  private readonly collections = new Map<string, CollectionState>();
  private version = 0;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _emu_collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS _emu_columns (coll TEXT NOT NULL, field TEXT NOT NULL, col TEXT NOT NULL,
        PRIMARY KEY (coll, field));
      CREATE TABLE IF NOT EXISTS _emu_complex (coll TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (coll, field));
      CREATE TABLE IF NOT EXISTS _emu_multikey (coll TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (coll, field));
    `);
  }

  /** Creates or updates every collection of the config, then opens the ones created earlier at run time. */
  open(declared: CollectionConfig[]): void {
    for (const c of declared) this.setup(c.name, c.indexes);
    const rows = this.db.prepare('SELECT name FROM _emu_collections').all() as Array<{ name: string }>;
    for (const { name } of rows) if (!this.collections.has(name)) this.setup(name, []);
    for (const state of this.collections.values()) {
      const row = this.db.prepare(`SELECT max(ver) AS v FROM ${state.table}`).get() as { v: number | null };
      this.version = Math.max(this.version, row.v ?? 0);
    }
    if ((this.db.pragma('user_version', { simple: true }) as number) < KEY_SCHEMA_VERSION) {
      for (const state of this.collections.values()) this.backfill(state);
      this.db.pragma(`user_version = ${KEY_SCHEMA_VERSION}`);
    }
  }

  names(): string[] {
    return [...this.collections.keys()].sort();
  }

  has(name: string): boolean {
    return this.collections.has(name);
  }

  /** CloudBase answers DATABASE_COLLECTION_NOT_EXIST for a collection nobody created (error-code/basic). */
  get(name: string): CollectionState {
    const state = this.collections.get(name);
    if (!state) {
      throw new DbError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `集合 ${name} 不存在：请在 deploy/database.json 中声明`,
      );
    }
    return state;
  }

  create(name: string, indexes: IndexConfig[] = []): CollectionState {
    return this.setup(name, indexes);
  }

  nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  byId(state: CollectionState, id: string): StoredRow | undefined {
    return state.statements.byId.get(id) as StoredRow | undefined;
  }

  insert(state: CollectionState, id: string, doc: Doc): number {
    this.beforeChange?.(state.name, id, () => this.byId(state, id)?.doc ?? null);
    const ver = this.nextVersion();
    const keys = this.keysOf(state, doc);
    try {
      const { lastInsertRowid } = state.statements.insert.run(id, ver, encodeDoc(doc), ...keys.columns);
      this.writeElements(state, Number(lastInsertRowid), keys.elements);
    } catch (err) {
      throw duplicateOr(err, state.name);
    }
    return ver;
  }

  update(state: CollectionState, row: StoredRow, doc: Doc): number {
    this.beforeChange?.(state.name, row.id, () => row.doc);
    const ver = this.nextVersion();
    const keys = this.keysOf(state, doc);
    try {
      state.statements.update.run(ver, encodeDoc(doc), ...keys.columns, row.rid);
      this.writeElements(state, row.rid, keys.elements);
    } catch (err) {
      throw duplicateOr(err, state.name);
    }
    return ver;
  }

  remove(state: CollectionState, row: StoredRow): void {
    this.beforeChange?.(state.name, row.id, () => row.doc);
    state.statements.remove.run(row.rid);
    if (state.multikey.size) state.statements.mkRemove.run(row.rid);
  }

  /** Empties every collection (POST /_emulator/reset); tables, columns and indexes stay. */
  clearAll(): void {
    this.transaction(() => {
      for (const state of this.collections.values()) {
        this.db.exec(`DELETE FROM ${state.table}`);
        this.db.exec(`DELETE FROM ${state.mkTable}`);
      }
      this.db.exec('DELETE FROM _emu_complex');
      this.db.exec('DELETE FROM _emu_multikey');
    });
    for (const state of this.collections.values()) {
      state.complex.clear();
      state.multikey.clear();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private keysOf(state: CollectionState, doc: Doc): DocKeys {
    const keys: DocKeys = { columns: [], elements: [] };
    for (const [field, column] of state.columns) {
      if (column === 'id') continue;
      const key = indexKeys(doc, field);
      if (key === undefined) this.mark(state, 'complex', field);
      if (Array.isArray(key)) {
        this.mark(state, 'multikey', field);
        for (const element of key) keys.elements.push([column, element]);
      }
      keys.columns.push(typeof key === 'string' ? key : null);
    }
    return keys;
  }

  private writeElements(state: CollectionState, rid: number, elements: Array<[string, string]>): void {
    if (state.multikey.size === 0) return; // no document of the collection ever had an indexed array
    state.statements.mkRemove.run(rid);
    for (const [column, key] of elements) state.statements.mkInsert.run(rid, column, key);
  }

  private mark(state: CollectionState, kind: 'complex' | 'multikey', field: string): void {
    if (state[kind].has(field)) return;
    state[kind].add(field);
    this.db.prepare(`INSERT OR IGNORE INTO _emu_${kind} (coll, field) VALUES (?, ?)`).run(state.name, field);
  }

  private setup(name: string, indexes: IndexConfig[]): CollectionState {
    const table = `"c_${name}"`;
    const db = this.db;
    db.prepare('INSERT OR IGNORE INTO _emu_collections (name) VALUES (?)').run(name);
    const mkTable = `"m_${name}"`;
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
      ver INTEGER NOT NULL, doc TEXT NOT NULL)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${mkTable} (rid INTEGER NOT NULL, col TEXT NOT NULL, key TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS "mk_${name}" ON ${mkTable} (col, key, rid);
      CREATE INDEX IF NOT EXISTS "mr_${name}" ON ${mkTable} (rid);`);
    const known = db
      .prepare('SELECT field, col FROM _emu_columns WHERE coll = ? ORDER BY rowid')
      .all(name) as Array<{
      field: string;
      col: string;
    }>;
    const columns = new Map<string, string>([['_id', 'id']]);
    for (const { field, col } of known) columns.set(field, col);
    const added: string[] = [];
    for (const field of indexes.flatMap((i) => i.keys.map((k) => k.field))) {
      if (columns.has(field)) continue;
      const col = `k${columns.size}`;
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${col} TEXT`);
      db.prepare('INSERT INTO _emu_columns (coll, field, col) VALUES (?, ?, ?)').run(name, field, col);
      columns.set(field, col);
      added.push(field);
    }
    const marked = (kind: string) =>
      new Set(
        (
          db.prepare(`SELECT field FROM _emu_${kind} WHERE coll = ?`).all(name) as Array<{ field: string }>
        ).map((r) => r.field),
      );
    const state: CollectionState = {
      name,
      table,
      columns,
      complex: marked('complex'),
      multikey: marked('multikey'),
      mkTable,
      indexes,
      statements: prepareStatements(db, table, mkTable, columns),
    };
    this.collections.set(name, state);
    if (added.length) this.backfill(state);
    this.syncIndexes(state);
    return state;
  }

  /** Recomputes every key column and multikey entry (after the config added indexed fields, or a key change). */
  private backfill(state: CollectionState): void {
    const rows = this.db.prepare(`SELECT rid, doc FROM ${state.table}`).all() as Array<{
      rid: number;
      doc: string;
    }>;
    const columnList = [...state.columns.values()].filter((c) => c !== 'id');
    const set = columnList.length
      ? this.db.prepare(
          `UPDATE ${state.table} SET ${columnList.map((c) => `${c} = ?`).join(', ')} WHERE rid = ?`,
        )
      : undefined;
    this.transaction(() => {
      this.db.exec(`DELETE FROM ${state.mkTable}`);
      this.db.prepare('DELETE FROM _emu_complex WHERE coll = ?').run(state.name);
      this.db.prepare('DELETE FROM _emu_multikey WHERE coll = ?').run(state.name);
      state.complex.clear();
      state.multikey.clear();
      for (const row of rows) {
        const keys = this.keysOf(state, parseStoredDoc(row.doc));
        set?.run(...keys.columns, row.rid);
        for (const [column, key] of keys.elements) state.statements.mkInsert.run(row.rid, column, key);
      }
    });
  }

  /** Creates the declared indexes (named by a hash of their definition) and drops the ones no longer declared. */
  private syncIndexes(state: CollectionState): void {
    const wanted = new Map<string, string>();
    for (const index of state.indexes) {
      const cols = index.keys.map(
        (k) => `${state.columns.get(k.field)} ${k.direction === 1 ? 'ASC' : 'DESC'}`,
      );
      const hash = createHash('sha1')
        .update(JSON.stringify([state.name, index.unique, cols]))
        .digest('hex')
        .slice(0, 12);
      const sqlName = `ix_${hash}`;
      wanted.set(
        sqlName,
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${sqlName} ON ${state.table} (${cols.join(', ')})`,
      );
    }
    const existing = this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'`,
      )
      .all(`c_${state.name}`) as Array<{ name: string }>;
    for (const { name } of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX ${name}`);
    for (const sql of wanted.values()) this.db.exec(sql);
  }
}

function prepareStatements(
  db: Database.Database,
  table: string,
  mkTable: string,
  columns: Map<string, string>,
): CollectionStatements {
  const keyCols = [...columns.values()].filter((c) => c !== 'id');
  const insertCols = ['id', 'ver', 'doc', ...keyCols];
  return {
    insert: db.prepare(
      `INSERT INTO ${table} (${insertCols.join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE ${table} SET ${['ver', 'doc', ...keyCols].map((c) => `${c} = ?`).join(', ')} WHERE rid = ?`,
    ),
    remove: db.prepare(`DELETE FROM ${table} WHERE rid = ?`),
    mkInsert: db.prepare(`INSERT INTO ${mkTable} (rid, col, key) VALUES (?, ?, ?)`),
    mkRemove: db.prepare(`DELETE FROM ${mkTable} WHERE rid = ?`),
    byId: db.prepare(`SELECT rid, id, ver, doc FROM ${table} WHERE id = ?`),
  };
}

function duplicateOr(err: unknown, collection: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // CloudBase's documented code for an index key clash, e.g. inserting an existing _id:
    // https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE
    return new DbError(
      'DATABASE_DUPLICATE_WRITE',
      `E11000 duplicate key：集合 ${collection} 中已有相同的 _id 或唯一索引值`,
    );
  }
  return err;
}
