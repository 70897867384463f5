/**
 * What a feature gives the dashboard: deadline providers (overdue and due-soon items). Each function lists its
 * providers once (server/functions/staff.ts, router/plugins.ts), so adding a feature adds its clocks, and the list
 * is fixed when the function loads: a call can never change what another call sees.
 */
import type { Database } from '../platform/cloudbase';
import type { RoleScope, StaffPrincipal } from '../org/principal';
import type { QueueTab } from '../../core/contract/complaint';

export type DeadlineStatus = 'overdue' | 'dueSoon';

export interface DeadlineItem {
  /**
   * The unit the work belongs to: with `section`, what decides who may see the item (build.ts). null for work
   * of no unit (e.g. a failed delivery), whose provider decides who sees it.
   */
  unitId: string | null;
  /** Section id (or a label for work outside sections), to group by. */
  section: string;
  /** Staff id of whoever must act, or null when it is the section's as a whole. */
  person: string | null;
  /** What is due, short and free of personal data of parties (e.g. a case number and the step). */
  item: string;
  dueAt: Date;
  status: DeadlineStatus;
  /** Where the item can be opened, for the page (e.g. `case:<id>`). */
  ref?: string;
}

/**
 * Whose view is being built. Providers read the units in `unitIds`; the dashboard then keeps only the items the
 * caller's role reaches (REC-14): the whole unit, or only the sections a section-limited delegation names.
 */
export interface DashboardScope {
  staff: StaffPrincipal;
  /** Units in which the caller holds a dashboard role. */
  unitIds: string[];
  /** Per unit: where that role reaches. */
  reach: Record<string, RoleScope>;
}

/** What a provider found: each provider reads a bounded number of items, and says when its cap cut the list. */
export interface DeadlineList {
  items: DeadlineItem[];
  /** More items are due than were read (the earliest due are the ones shown). */
  truncated: boolean;
}

export interface DeadlineProvider {
  id: string;
  label: string;
  /** The staff complaint queue's tab that lists these items (the dashboard row opens it), if any. */
  queueTab?: QueueTab;
  list(db: Database, scope: DashboardScope, now: Date): Promise<DeadlineList>;
}
