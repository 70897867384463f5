/**
 * SQLite storage: one table per collection `c_<name>(rid, id, ver, doc, k1..kn)`. `doc` is relaxed Extended JSON,
 * `id` the encoded `_id` (unique), `ver` a database-wide increasing write version (transactions detect conflicts
 * with it), and each `k<n>` column holds the ordered key (keys.ts) of one field that a declared index names.
 * Declared indexes become SQLite indexes over those columns. WAL with synchronous=FULL: a write the emulator has
 * answered survives kill -9 (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { CollectionConfig, IndexConfig } from './config';
import { DbError } from './errors';
import { encodeDoc, parseStoredDoc, type Doc } from './ejson';
import { keyAtPath } from './keys';

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
  /** Fields whose values somewhere have no ordered key (arrays, objects, ...): never pushed down to SQL. */
  complex: Set<string>;
  indexes: IndexConfig[];
  statements: CollectionStatements;
}

interface CollectionStatements {
  insert: Database.Statement;
  update: Database.Statement;
  remove: Database.Statement;
  byId: Database.Statement;
}

export class Store {
  readonly db: Database.Database;
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
    const ver = this.nextVersion();
    try {
      state.statements.insert.run(id, ver, encodeDoc(doc), ...this.keysOf(state, doc));
    } catch (err) {
      throw duplicateOr(err, state.name);
    }
    return ver;
  }

  update(state: CollectionState, rid: number, doc: Doc): number {
    const ver = this.nextVersion();
    try {
      state.statements.update.run(ver, encodeDoc(doc), ...this.keysOf(state, doc), rid);
    } catch (err) {
      throw duplicateOr(err, state.name);
    }
    return ver;
  }

  remove(state: CollectionState, rid: number): void {
    state.statements.remove.run(rid);
  }

  /** Empties every collection (POST /_emulator/reset); tables, columns and indexes stay. */
  clearAll(): void {
    this.transaction(() => {
      for (const state of this.collections.values()) this.db.exec(`DELETE FROM ${state.table}`);
      this.db.exec('DELETE FROM _emu_complex');
    });
    for (const state of this.collections.values()) state.complex.clear();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private keysOf(state: CollectionState, doc: Doc): Array<string | null> {
    const keys: Array<string | null> = [];
    for (const [field, column] of state.columns) {
      if (column === 'id') continue;
      const key = keyAtPath(doc, field);
      if (key === undefined) this.markComplex(state, field);
      keys.push(key ?? null);
    }
    return keys;
  }

  private markComplex(state: CollectionState, field: string): void {
    if (state.complex.has(field)) return;
    state.complex.add(field);
    this.db.prepare('INSERT OR IGNORE INTO _emu_complex (coll, field) VALUES (?, ?)').run(state.name, field);
  }

  private setup(name: string, indexes: IndexConfig[]): CollectionState {
    const table = `"c_${name}"`;
    const db = this.db;
    db.prepare('INSERT OR IGNORE INTO _emu_collections (name) VALUES (?)').run(name);
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
      ver INTEGER NOT NULL, doc TEXT NOT NULL)`);
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
    const complexRows = db.prepare('SELECT field FROM _emu_complex WHERE coll = ?').all(name) as Array<{
      field: string;
    }>;
    const state: CollectionState = {
      name,
      table,
      columns,
      complex: new Set(complexRows.map((r) => r.field)),
      indexes,
      statements: prepareStatements(db, table, columns),
    };
    this.collections.set(name, state);
    if (added.length) this.backfill(state);
    this.syncIndexes(state);
    return state;
  }

  /** Recomputes every key column after the config added indexed fields. */
  private backfill(state: CollectionState): void {
    const rows = this.db.prepare(`SELECT rid, doc FROM ${state.table}`).all() as Array<{
      rid: number;
      doc: string;
    }>;
    const columnList = [...state.columns.values()].filter((c) => c !== 'id');
    const set = this.db.prepare(
      `UPDATE ${state.table} SET ${columnList.map((c) => `${c} = ?`).join(', ')} WHERE rid = ?`,
    );
    this.transaction(() => {
      for (const row of rows) set.run(...this.keysOf(state, parseStoredDoc(row.doc)), row.rid);
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
