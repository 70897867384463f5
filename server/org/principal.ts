/** The staff account a `staff` call runs as, loaded fresh on every call (suspension takes effect at once). */
import type { Role, RoleGrant } from '../../core/org/roles';
import { saltedRef } from '../platform/crypto';

export interface StaffPrincipal {
  staffId: string;
  unitId: string;
  sectionId: string | null;
  roles: RoleGrant[];
  /** Linked officer record, when this account is an enforcement officer. */
  officerId: string | null;
}

/** The ledger actor of a staff member's acts: a salted reference, so the ledger names no one in clear. */
export const staffActorRef = (staffId: string): string => saltedRef('staff', staffId);

/** Holds `role` (in `unitId` when given) at all, whatever its section scope: for the router's per-action check. */
export function hasRole(p: StaffPrincipal, role: Role, unitId?: string): boolean {
  return p.roles.some((g) => g.role === role && (unitId === undefined || g.unitId === unitId));
}

export { grantCovers, holdsFor, isUnitWide, roleScope, type RoleScope } from '../../core/org/scope';
