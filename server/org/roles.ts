/** The roles a staff account holds right now: its grants plus delegations in force (DESIGN.md "Organisation"). */
import type { RoleGrant } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import type { StaffAccount } from './accounts';
import { delegationsTo } from './delegations';
import { withoutLapsedOfficerGrants } from '../features/officer/role-filter';

/**
 * A delegation limited to one section still grants the role in its unit here (the router checks roles per
 * action); features that act on a section check the section through `sectionReviewers`, which honours the scope.
 */
export async function effectiveRoles(db: Database, account: StaffAccount, now: Date): Promise<RoleGrant[]> {
  const roles: RoleGrant[] = [...account.roles];
  for (const d of await delegationsTo(db, account._id, now)) {
    if (!roles.some((g) => g.role === d.role && g.unitId === d.unitId))
      roles.push({ role: d.role, unitId: d.unitId });
  }
  // Officer certificates (server/features/officer/role-filter.ts): no `officer` role while the linked
  // certificate is suspended, revoked or expired.
  return withoutLapsedOfficerGrants(db, account, roles, now);
}
