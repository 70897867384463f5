/**
 * Who works on cases (REC-1): the router's per-action role check for the case actions. Kept apart from the
 * case workflow (core/case/workflow.ts re-exports it) so the mini-program's bundle can name the roles without the
 * workflow's definitions.
 */
import type { Role } from '../org/roles';

/** Every role that works on cases (the router's per-action check; the declaration decides per case). */
export const CASE_ROLES = [
  'officer',
  'custodian',
  'reviewer',
  'principal',
  'auditor',
] as const satisfies readonly Role[];
export const CASE_LEAD_ROLES = ['reviewer', 'principal'] as const satisfies readonly Role[];
