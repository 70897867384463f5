/** The staff account a `staff` call runs as, loaded fresh on every call (suspension takes effect at once). */
import type { Role, RoleGrant } from '../../core/org/roles';

export interface StaffPrincipal {
  staffId: string;
  unitId: string;
  sectionId: string | null;
  roles: RoleGrant[];
  /** Linked officer record, when this account is an enforcement officer. */
  officerId: string | null;
}

export function hasRole(p: StaffPrincipal, role: Role, unitId?: string): boolean {
  return p.roles.some((g) => g.role === role && (unitId === undefined || g.unitId === unitId));
}
