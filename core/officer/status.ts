/**
 * An enforcement officer's certificate status as the public sees it (PUB-4; 行政处罚法 Art. 52, 55: a party may
 * refuse an officer who does not show a valid certificate). `expired` is never stored: it follows from the
 * validity dates and today's date in Asia/Shanghai, so a certificate lapses at midnight without any job running.
 */
import { toShanghaiDate } from '../calendar/civilDate';

/** What an administrator sets. */
export const STORED_OFFICER_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type StoredOfficerStatus = (typeof STORED_OFFICER_STATUSES)[number];

/** What a verification answers (`notYetValid` covers a certificate issued for a later start date). */
export const OFFICER_STATUSES = ['active', 'suspended', 'revoked', 'expired', 'notYetValid'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export const OFFICER_STATUS_LABELS: Record<OfficerStatus, string> = {
  active: '有效',
  suspended: '已暂停',
  revoked: '已吊销',
  expired: '已过期',
  notYetValid: '尚未生效',
};

export interface CertificateValidity {
  status: StoredOfficerStatus;
  /** Calendar dates (YYYY-MM-DD, Asia/Shanghai), both inclusive, as printed on the certificate. */
  validFrom: string;
  validUntil: string;
}

/** Suspension and revocation outrank the dates: a revoked certificate reads as revoked even after it expired. */
export function officerStatusAt(cert: CertificateValidity, now: Date): OfficerStatus {
  if (cert.status !== 'active') return cert.status;
  const today = toShanghaiDate(now);
  if (today > cert.validUntil) return 'expired';
  if (today < cert.validFrom) return 'notYetValid';
  return 'active';
}

export function isCertificateValid(cert: CertificateValidity, now: Date): boolean {
  return officerStatusAt(cert, now) === 'active';
}
