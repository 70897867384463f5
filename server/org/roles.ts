/** The roles a staff account holds right now: its grants plus delegations in force (DESIGN.md "Organisation"). */
import type { RoleGrant } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import type { StaffAccount } from './accounts';
import { delegationsTo } from './delegations';
import { withoutLapsedOfficerGrants } from '../features/officer/role-filter';

/**
 * A delegation limited to one section gives the role scoped to that section (`sectionId` on the grant), so every
 * role check can tell it from a unit-wide one (principal.ts `grantCovers`). A scoped grant is dropped only when
 * the same role is already held over the whole unit or in that same section.
 */
export async function effectiveRoles(db: Database, account: StaffAccount, now: Date): Promise<RoleGrant[]> {
  const roles: RoleGrant[] = account.roles.map((g) => ({ ...g }));
  for (const d of await delegationsTo(db, account._id, now)) {
    const sectionId = d.sectionId ?? null;
    const covered = roles.some(
      (g) => g.role === d.role && g.unitId === d.unitId && (!g.sectionId || g.sectionId === sectionId),
    );
    if (!covered)
      roles.push(
        sectionId ? { role: d.role, unitId: d.unitId, sectionId } : { role: d.role, unitId: d.unitId },
      );
  }
  // Officer certificates (server/features/officer/role-filter.ts): no `officer` role while the linked
  // certificate is suspended, revoked or expired.
  return withoutLapsedOfficerGrants(db, account, roles, now);
}
