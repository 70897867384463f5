/**
 * The `officers` collection: one document per enforcement certificate. Its `_id` is derived from the certificate
 * number, so two administrators adding the same certificate collide inside the ledger transaction (commitChange
 * creates with expectedRev null) instead of relying on a unique index the transaction cannot see.
 */
import { officerStatusAt, type OfficerStatus, type StoredOfficerStatus } from '../../../core/officer/status';
import type { OfficerAdminView, OfficerPublicView } from '../../../core/contract/officer';
import type { Database } from '../../platform/cloudbase';
import { hashText } from '../../platform/crypto';
import { firstMatch, getDoc, rowsOf } from '../../platform/docs';

export const OFFICERS_COLLECTION = 'officers';

export interface OfficerRecord {
  _id: string;
  _rev: number;
  certNo: string;
  name: string;
  unitId: string;
  unitName: string;
  status: StoredOfficerStatus;
  /** Why it was last suspended, revoked or reinstated (an administrator's words; not shown to the public). */
  statusReason: string | null;
  validFrom: string;
  validUntil: string;
  /** The linked staff account, whose `officer` role follows this certificate's status. */
  staffId: string | null;
  /** ASCII id for the badge's mini-program code scene. */
  shortId: string;
  createdAt: Date;
  updatedAt: Date;
}

export function officerIdForCertNo(certNo: string): string {
  return 'officer-' + hashText(`officer\u0000${certNo}`).slice(0, 24);
}

export async function findOfficerById(db: Database, id: string): Promise<OfficerRecord | null> {
  return getDoc<OfficerRecord>(db, OFFICERS_COLLECTION, id);
}

export async function findOfficerByCertNo(db: Database, certNo: string): Promise<OfficerRecord | null> {
  return findOfficerById(db, officerIdForCertNo(certNo));
}

export async function findOfficerByShortId(db: Database, shortId: string): Promise<OfficerRecord | null> {
  return firstMatch<OfficerRecord>(db, OFFICERS_COLLECTION, { shortId });
}

export async function findOfficersByStaffId(db: Database, staffId: string): Promise<OfficerRecord[]> {
  const res = await db.collection(OFFICERS_COLLECTION).where({ staffId }).limit(20).get();
  return rowsOf<OfficerRecord>(res);
}

export function toPublicView(o: OfficerRecord, now: Date): OfficerPublicView {
  return {
    certNo: o.certNo,
    name: o.name,
    unitName: o.unitName,
    status: officerStatusAt(o, now) satisfies OfficerStatus,
    validFrom: o.validFrom,
    validUntil: o.validUntil,
  };
}

export function toAdminView(o: OfficerRecord, now: Date): OfficerAdminView {
  return {
    ...toPublicView(o, now),
    id: o._id,
    shortId: o.shortId,
    unitId: o.unitId,
    storedStatus: o.status,
    staffId: o.staffId,
    statusReason: o.statusReason,
  };
}
