/**
 * An enforcement officer's certificate status as the public sees it (PUB-4; 行政处罚法 Art. 52, 55: a party may
 * refuse an officer who does not show a valid certificate). `expired` is never stored: it follows from the
 * validity dates and today's date in Asia/Shanghai, so a certificate lapses at midnight without any job running.
 *
 * The stored statuses follow the terms of the certificate rules: 暂扣 (`suspended`, held back for a while), 吊销
 * (`revoked`, a sanction) and 注销 (`cancelled`: the holder left enforcement work - transfer, retirement - which
 * is no sanction). Records written before 注销 existed keep their `revoked` / `suspended` values: the names did
 * not change, so old data reads as before (no migration: the missing keys are mapped to null on read,
 * server/features/officer/repository.ts readOfficer); only their status date is unknown (`statusDate` null). An old
 * 吊销 that was really a transfer may be corrected to 注销 once (`officer.cancel`, staff-actions.ts).
 */
import { toShanghaiDate } from '../calendar/civilDate';

/** What an administrator sets. */
export const STORED_OFFICER_STATUSES = ['active', 'suspended', 'revoked', 'cancelled'] as const;
export type StoredOfficerStatus = (typeof STORED_OFFICER_STATUSES)[number];

/** What a verification answers (`notYetValid` covers a certificate issued for a later start date). */
export const OFFICER_STATUSES = [
  'active',
  'suspended',
  'revoked',
  'cancelled',
  'expired',
  'notYetValid',
] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export const OFFICER_STATUS_LABELS: Record<OfficerStatus, string> = {
  active: '有效',
  suspended: '已暂扣',
  revoked: '已吊销',
  cancelled: '已注销',
  expired: '已过期',
  notYetValid: '尚未生效',
};

/** Officers still in post: the public list shows them (PUB-2); a cancelled or revoked certificate's holder is not. */
export const IN_POST_STATUSES: readonly StoredOfficerStatus[] = ['active', 'suspended'];

export interface CertificateValidity {
  status: StoredOfficerStatus;
  /** Calendar dates (YYYY-MM-DD, Asia/Shanghai), both inclusive, as printed on the certificate. */
  validFrom: string;
  validUntil: string;
}

/** Suspension, revocation and cancellation outrank the dates: a revoked certificate reads as revoked after it expired. */
export function officerStatusAt(cert: CertificateValidity, now: Date): OfficerStatus {
  if (cert.status !== 'active') return cert.status;
  const today = toShanghaiDate(now);
  if (today > cert.validUntil) return 'expired';
  if (today < cert.validFrom) return 'notYetValid';
  return 'active';
}

/**
 * The date the public result shows for a certificate that is not valid: the day it was held back, revoked or
 * cancelled (as the administrator recorded it; null for records from before dates were kept), or for an expired
 * one the last day of its validity.
 */
export function officerStatusDate(
  cert: CertificateValidity & { statusDate?: string | null },
  now: Date,
): string | null {
  const status = officerStatusAt(cert, now);
  if (status === 'expired') return cert.validUntil;
  if (status === 'active' || status === 'notYetValid') return null;
  return cert.statusDate ?? null;
}

export function isCertificateValid(cert: CertificateValidity, now: Date): boolean {
  return officerStatusAt(cert, now) === 'active';
}
