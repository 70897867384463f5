/**
 * Who handles complaints: the officers (执法人员) and the leaders of their unit — reviewers
 * (分管领导) and the unit head (principal). Defined once here so the staff actions (server/features/complaint)
 * and the staff home's entry (miniprogram/pages/staff/home) cannot disagree about it.
 */
import type { Role } from '../org/roles';

export const HANDLING_ROLES = ['officer', 'reviewer', 'principal'] as const satisfies readonly Role[];
/** The leaders among them: they assign handlers and may act on every complaint of their unit. */
export const LEAD_ROLES = ['reviewer', 'principal'] as const satisfies readonly Role[];

/** Whether any of the grants is a handling role (the staff home shows "投诉举报办理" only then). */
export function handlesComplaints(roles: ReadonlyArray<{ role: string }>): boolean {
  return roles.some((g) => (HANDLING_ROLES as readonly string[]).includes(g.role));
}
