/**
 * The working-day calendar as the functions use it: `core/calendar` with the year tables an administrator loaded
 * (docs/requirements.md "Rules used everywhere": the State Council announces a year's holidays late in the year before; until
 * a table is loaded, results in such a year are provisional). Tables are read on every call (no memory between
 * calls); they are few, one per year.
 */
import {
  chineseDaysKnownYears,
  createCalendar,
  yearTableSchema,
  type Calendar,
  type YearTable,
} from '../../core/calendar';
import { hashValue } from '../platform/crypto';
import type { Database } from '../platform/cloudbase';
import { createEntity, readEntity, updateEntity, type WriteMeta } from '../ledger/entities';
import { getDoc, rowsOf } from '../platform/docs';

export const CALENDAR_YEARS_COLLECTION = 'calendar_years';

export interface StoredYearTable extends YearTable {
  loadedBy: string;
  loadedAt: Date;
}

const yearId = (year: number) => `year-${year}`;

export async function loadYearTables(db: Database): Promise<StoredYearTable[]> {
  const res = await db.collection(CALENDAR_YEARS_COLLECTION).orderBy('year', 'asc').limit(1000).get();
  return rowsOf<StoredYearTable>(res);
}

/** The calendar with every administrator table stored (they win over the built-in data for their year). */
export async function loadCalendar(db: Database): Promise<Calendar> {
  const tables = (await loadYearTables(db)).map((t) => ({
    year: t.year,
    holidays: t.holidays,
    makeUpWorkdays: t.makeUpWorkdays,
    source: t.source,
  }));
  return createCalendar({ adminTables: tables });
}

/** Loads or replaces one year's table; validated by the caller with `yearTableSchema`. On the ledger. */
export async function saveYearTable(
  db: Database,
  meta: WriteMeta,
  table: YearTable,
): Promise<StoredYearTable> {
  const parsed = yearTableSchema.parse(table);
  const state: StoredYearTable = { ...parsed, loadedBy: meta.actor, loadedAt: meta.at };
  const target = { collection: CALENDAR_YEARS_COLLECTION, id: yearId(parsed.year) };
  const existing = await readEntity<StoredYearTable>(db, target.collection, target.id);
  const committed = existing
    ? await updateEntity<Record<string, unknown>>(db, meta, target, () => ({ ...state }))
    : await createEntity(db, meta, { ...target, state: { ...state } });
  return committed.doc as unknown as StoredYearTable;
}

/**
 * What the calendar's official data is now: the years chinese-days knows and the content of every administrator
 * table. When it differs from the last recomputation's, provisional due dates may have changed.
 */
export async function calendarFingerprint(db: Database): Promise<string> {
  const tables = (await loadYearTables(db)).map((t) => [t.year, t.holidays, t.makeUpWorkdays]);
  return hashValue({ chineseDays: chineseDaysKnownYears(), admin: tables });
}

const RECOMPUTED_COLLECTION = 'calendar_recomputed';
const RECOMPUTED_ID = 'last';

/** The fingerprint the provisional due dates were last fully recomputed for, or null. */
export async function lastRecomputedFingerprint(db: Database): Promise<string | null> {
  return (
    (await getDoc<{ fingerprint: string }>(db, RECOMPUTED_COLLECTION, RECOMPUTED_ID))?.fingerprint ?? null
  );
}

export async function recordRecomputedFingerprint(
  db: Database,
  fingerprint: string,
  at: Date,
): Promise<void> {
  await db.collection(RECOMPUTED_COLLECTION).doc(RECOMPUTED_ID).set({ fingerprint, at });
}
