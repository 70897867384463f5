/** Reads of a case's records, and the failures the automatic checks find in a case (core/case/checks.ts). */
import { checkCase } from '../../../core/case/checks';
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { checkInputOf } from './check-input';
import { getDoc } from '../../platform/docs';
import { CASES_COLLECTION, RECORDS_COLLECTION, type CaseDoc, type RecordDoc } from './model';

/** A case by id, with no access check: for features that have checked access their own way (a served party). */
export const getCase = (db: Database, id: string) => getDoc<CaseDoc>(db, CASES_COLLECTION, id);

/** At most this many records per case are read (the register's cases have tens). */
export const MAX_RECORDS = 500;

export async function recordsOfCase(db: Database, caseId: string): Promise<RecordDoc[]> {
  return rowsOf<RecordDoc>(
    await db
      .collection(RECORDS_COLLECTION)
      .where({ caseId })
      .orderBy('sortKey', 'asc')
      .limit(MAX_RECORDS)
      .get(),
  );
}

/**
 * How many failures the checks find in the case with `records` (one of them replaced or added by `changed`);
 * null if the checks could not run, so a step is never refused because of them (the stored count then stays).
 */
export function failuresOf(kase: CaseDoc, records: RecordDoc[], changed: RecordDoc | null): number | null {
  const list = changed ? [...records.filter((r) => r._id !== changed._id), changed] : records;
  try {
    return checkCase(checkInputOf(kase, list)).filter((f) => f.level === 'failure').length;
  } catch {
    return null;
  }
}
