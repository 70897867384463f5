/** The kinds of units and sections in the organisation model (the commission and its enforcement unit). */

/** `commission`: 委机关; `enforcement`: 卫生健康综合行政执法支队, under the commission. */
export const UNIT_KINDS = ['commission', 'enforcement'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * `office`: 办公室; `section`: a commission 科室; `department`: a department (大队/科) of the enforcement unit;
 * `oversight`: the commission's oversight section (法规与综合监督科), which handles complaints about enforcement
 * conduct (the enforcement unit never handles complaints about itself).
 */
export const SECTION_KINDS = ['office', 'section', 'department', 'oversight'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** A unit as the chain walk reads it. */
export interface UnitLink {
  kind: UnitKind;
  parentUnitId: string | null;
}

/**
 * The commission a unit belongs to: itself if it is the commission, else its nearest ancestor of kind
 * `commission` (the enforcement unit's parent); the unit itself when the chain has none. Its 主要领导 approves
 * publication for both units (seed publicity Art. 22-23; the organisation model: the enforcement unit's head approves recording
 * matters only).
 */
export function commissionOfUnit(unitId: string, units: ReadonlyMap<string, UnitLink>): string {
  let id = unitId;
  for (let hops = 0; hops < 5; hops++) {
    const u = units.get(id);
    if (!u) break;
    if (u.kind === 'commission') return id;
    if (!u.parentUnitId) break;
    id = u.parentUnitId;
  }
  return unitId;
}
