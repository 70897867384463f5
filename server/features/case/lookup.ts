/**
 * Plain reads of one case or one record by id, for other features that check a case's own rules themselves
 * (electronic service: the enrolment decides who may act on it). No access check here: the caller's feature
 * answers NOT_FOUND to whoever may not see what it found.
 */
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { CASES_COLLECTION, RECORDS_COLLECTION, type CaseDoc, type RecordDoc } from './model';

export const caseById = (db: Database, id: string) => getDoc<CaseDoc>(db, CASES_COLLECTION, id);
export const recordById = (db: Database, id: string) => getDoc<RecordDoc>(db, RECORDS_COLLECTION, id);
