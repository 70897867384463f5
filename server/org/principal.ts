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

/** A grant over the whole unit (no section scope). */
export const isUnitWide = (g: RoleGrant): boolean => !g.sectionId;

/**
 * Whether `g` reaches a record of `unitId` filed under `sectionIds`: a unit-wide grant reaches every record of
 * its unit; a section-scoped one only records of its section, never unassigned records (no section yet).
 */
export function grantCovers(g: RoleGrant, unitId: string, sectionIds: readonly string[]): boolean {
  if (g.unitId !== unitId) return false;
  return isUnitWide(g) || sectionIds.includes(g.sectionId!);
}

/** Where the principal holds one of `roles` in `unitId`: the whole unit, some sections, or nowhere. */
export interface RoleScope {
  wholeUnit: boolean;
  sectionIds: string[];
}

export function roleScope(p: StaffPrincipal, roles: readonly Role[], unitId: string): RoleScope {
  const held = p.roles.filter((g) => roles.includes(g.role) && g.unitId === unitId);
  return {
    wholeUnit: held.some(isUnitWide),
    sectionIds: [...new Set(held.filter((g) => !isUnitWide(g)).map((g) => g.sectionId!))],
  };
}

/** Whether the principal holds one of `roles` reaching a record of `unitId` filed under `sectionIds`. */
export function holdsFor(
  p: StaffPrincipal,
  roles: readonly Role[],
  unitId: string,
  sectionIds: readonly string[],
): boolean {
  return p.roles.some((g) => roles.includes(g.role) && grantCovers(g, unitId, sectionIds));
}
