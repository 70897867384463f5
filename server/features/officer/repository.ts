/**
 * The `officers` collection: one document per enforcement certificate. Its `_id` is derived from the certificate
 * number, so two administrators adding the same certificate collide inside the ledger transaction (commitChange
 * creates with expectedRev null) instead of relying on a unique index the transaction cannot see.
 */
import {
  officerStatusAt,
  officerStatusDate,
  type OfficerStatus,
  type StoredOfficerStatus,
} from '../../../core/officer/status';
import type { OfficerAdminView, OfficerPublicView } from '../../../core/contract/officer';
import type { Database } from '../../platform/cloudbase';
import { hashText } from '../../platform/crypto';
import { firstMatch, getDoc, rowsOf } from '../../platform/docs';
import { temporaryUrls } from '../../media/intake';

export const OFFICERS_COLLECTION = 'officers';

export interface OfficerRecord {
  _id: string;
  _rev: number;
  certNo: string;
  name: string;
  unitId: string;
  unitName: string;
  status: StoredOfficerStatus;
  /** Why it was last suspended, revoked, cancelled or reinstated (an administrator's words; not shown to the public). */
  statusReason: string | null;
  /** The day the current 暂扣 / 吊销 / 注销 took effect (YYYY-MM-DD); null while active. */
  statusDate: string | null;
  /** 执法领域 / 执法区域 as on the certificate. */
  field: string | null;
  area: string | null;
  /** Cloud storage file id of the registered photo. */
  photoFileId: string | null;
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

/**
 * Records kept before 注销, status dates, field, area and photos existed lack those keys: they are read as null
 * here (mapped on read, not migrated), so every reader sees the current shape. Their status values are unchanged.
 */
export function readOfficer(
  raw: Omit<OfficerRecord, 'statusDate' | 'field' | 'area' | 'photoFileId'> & Partial<OfficerRecord>,
): OfficerRecord {
  return {
    ...raw,
    statusDate: raw.statusDate ?? null,
    field: raw.field ?? null,
    area: raw.area ?? null,
    photoFileId: raw.photoFileId ?? null,
  };
}

export async function findOfficerById(db: Database, id: string): Promise<OfficerRecord | null> {
  const raw = await getDoc<OfficerRecord>(db, OFFICERS_COLLECTION, id);
  return raw ? readOfficer(raw) : null;
}

export async function findOfficerByCertNo(db: Database, certNo: string): Promise<OfficerRecord | null> {
  return findOfficerById(db, officerIdForCertNo(certNo));
}

export async function findOfficerByShortId(db: Database, shortId: string): Promise<OfficerRecord | null> {
  const raw = await firstMatch<OfficerRecord>(db, OFFICERS_COLLECTION, { shortId });
  return raw ? readOfficer(raw) : null;
}

export async function findOfficersByStaffId(db: Database, staffId: string): Promise<OfficerRecord[]> {
  const res = await db.collection(OFFICERS_COLLECTION).where({ staffId }).limit(20).get();
  return rowsOf<OfficerRecord>(res).map(readOfficer);
}

/** `photoUrl`: a short-lived link to the registered photo, made by the caller (officerPhotoUrls). */
export function toPublicView(o: OfficerRecord, now: Date, photoUrl: string | null = null): OfficerPublicView {
  return {
    certNo: o.certNo,
    name: o.name,
    unitName: o.unitName,
    status: officerStatusAt(o, now) satisfies OfficerStatus,
    validFrom: o.validFrom,
    validUntil: o.validUntil,
    statusDate: officerStatusDate(o, now),
    field: o.field,
    area: o.area,
    photoUrl,
  };
}

/** Short-lived links to the registered photos, by file id; a photo that cannot be linked is left out. */
export async function officerPhotoUrls(officers: readonly OfficerRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(officers.map((o) => o.photoFileId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const urls = await temporaryUrls(ids).catch(() => ids.map(() => ''));
  return new Map(ids.map((id, i) => [id, urls[i] ?? ''] as const).filter(([, url]) => url !== ''));
}

export function toAdminView(o: OfficerRecord, now: Date): OfficerAdminView {
  return {
    ...toPublicView(o, now),
    photoFileId: o.photoFileId,
    id: o._id,
    shortId: o.shortId,
    unitId: o.unitId,
    storedStatus: o.status,
    staffId: o.staffId,
    statusReason: o.statusReason,
  };
}
