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
