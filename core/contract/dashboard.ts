/**
 * The `staff` `dashboard` action's answer (the dashboard registry: features list their deadline providers in server/router/plugins.ts). Defined here,
 * not in server/, so the mini-program's staff home reads the very shape the function builds
 * (server/dashboard/build.ts) instead of a hand-kept copy.
 */
import type { Role } from '../org/roles';

/** Roles that see the dashboard (leaders and audit); the staff home asks only for them. */
export const DASHBOARD_ROLES = [
  'reviewer',
  'principal',
  'auditor',
  'admin',
] as const satisfies readonly Role[];

export function seesDashboard(roles: ReadonlyArray<{ role: string }>): boolean {
  return roles.some((g) => (DASHBOARD_ROLES as readonly string[]).includes(g.role));
}

export interface DashboardCounts {
  overdue: number;
  dueSoon: number;
  total: number;
}

export interface DashboardItem {
  provider: string;
  /** Section id (or a label for work outside sections). */
  section: string;
  /** Staff id of whoever must act, or null when it is the section's as a whole. */
  person: string | null;
  /** What is due, short and free of personal data of parties. */
  item: string;
  /** ISO 8601 instant. */
  dueAt: string;
  status: 'overdue' | 'dueSoon';
  ref?: string;
}

export interface DashboardView {
  generatedAt: string;
  totals: DashboardCounts;
  /**
   * One row per registered deadline provider (each feature's clocks), in registration order. `truncated`: the
   * provider read at most its cap of items, earliest due first, and more were due (the counts are then "at least").
   */
  providers: Array<{
    id: string;
    label: string;
    counts: DashboardCounts;
    truncated: boolean;
    /** The complaint queue's tab (core/contract/complaint.ts QUEUE_TABS) listing these items: the row opens it. */
    queueTab?: string;
  }>;
  sections: Array<{
    section: string;
    counts: DashboardCounts;
    people: Array<{ person: string | null; counts: DashboardCounts; items: DashboardItem[] }>;
  }>;
}
