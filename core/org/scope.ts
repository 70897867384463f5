/**
 * How far a role reaches (REC-14): a grant or delegation over a whole unit, or limited to some of its sections.
 * Pure, so the workflow declarations in core/ decide who may take a step with the same rule the server uses.
 */
import type { Role, RoleGrant } from './roles';

/** Whoever holds roles: a staff principal, or a workflow actor. */
export interface RoleHolder {
  roles?: ReadonlyArray<RoleGrant>;
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

export function roleScope(p: RoleHolder, roles: readonly Role[], unitId: string): RoleScope {
  const held = (p.roles ?? []).filter((g) => roles.includes(g.role) && g.unitId === unitId);
  return {
    wholeUnit: held.some(isUnitWide),
    sectionIds: [...new Set(held.filter((g) => !isUnitWide(g)).map((g) => g.sectionId!))],
  };
}

/** Whether the principal holds one of `roles` reaching a record of `unitId` filed under `sectionIds`. */
export function holdsFor(
  p: RoleHolder,
  roles: readonly Role[],
  unitId: string,
  sectionIds: readonly string[],
): boolean {
  return (p.roles ?? []).some((g) => roles.includes(g.role) && grantCovers(g, unitId, sectionIds));
}
