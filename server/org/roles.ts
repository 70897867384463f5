/** The roles a staff account holds right now: its grants plus delegations in force. */
import type { RoleGrant } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import type { StaffAccount } from './accounts';
import { delegationsTo } from './delegations';

/**
 * A delegation limited to one section gives the role scoped to that section (`sectionId` on the grant), so every
 * role check can tell it from a unit-wide one (principal.ts `grantCovers`). A scoped grant is dropped only when
 * the same role is already held over the whole unit or in that same section.
 */
/**
 * Narrows what an account holds by a rule of another module (e.g. the officer register: no `officer` role while
 * the linked certificate is not in force). Each function lists its filters (server/functions/*.ts); a shared
 * module never imports a feature.
 */
export type RoleFilter = (
  db: Database,
  account: StaffAccount,
  roles: RoleGrant[],
  now: Date,
) => Promise<RoleGrant[]>;

export async function effectiveRoles(
  db: Database,
  account: StaffAccount,
  now: Date,
  filters: readonly RoleFilter[],
): Promise<RoleGrant[]> {
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
  let out = roles;
  for (const filter of filters) out = await filter(db, account, out, now);
  return out;
}
