/**
 * A staff account linked to an officer holds the `officer` role only while a linked certificate is valid
 * (行政处罚法 Art. 42: enforcement by officers holding a certificate). Evaluated on
 * every staff call, so a suspension, revocation or expiry takes effect on the very next call.
 * Accounts with no linked certificate are left alone: the link is what makes the certificate govern the role.
 */
import type { RoleGrant } from '../../../core/org/roles';
import { isCertificateValid } from '../../../core/officer/status';
import type { Database } from '../../platform/cloudbase';
import { findOfficerById, findOfficersByStaffId, type OfficerRecord } from './repository';

export interface OfficerLinkedAccount {
  _id: string;
  officerId: string | null;
}

export async function withoutLapsedOfficerGrants(
  db: Database,
  account: OfficerLinkedAccount,
  roles: RoleGrant[],
  now: Date,
): Promise<RoleGrant[]> {
  if (!roles.some((g) => g.role === 'officer')) return roles;
  const linked = await linkedCertificates(db, account);
  if (linked.length === 0) return roles;
  if (linked.some((o) => isCertificateValid(o, now))) return roles;
  return roles.filter((g) => g.role !== 'officer');
}

/** Linked either way: the account names its officer record, or officer records name the account. */
async function linkedCertificates(db: Database, account: OfficerLinkedAccount): Promise<OfficerRecord[]> {
  const byStaff = await findOfficersByStaffId(db, account._id);
  if (!account.officerId || byStaff.some((o) => o._id === account.officerId)) return byStaff;
  const named = await findOfficerById(db, account.officerId);
  return named ? [...byStaff, named] : byStaff;
}
