/**
 * Publication of enforcement results (PUB-6, 7, 8, 10, 11, 12, 13, 15): the staff and public handlers, the timer
 * that publishes at the set time, and the dashboard's clocks. The rules are core/publication (docs/publication.md).
 */
export { publicationStaffActions } from './staff-actions';
export { publicationPublicActions } from './public-actions';
import type { DeadlineProvider } from '../../dashboard/registry';
import { unpublishedDecisionsProvider } from './decision-providers';
import { publicationDeadlineProviders as entryDeadlineProviders } from './deadline-providers';
import { publicationCreditSchedulerActions } from './credit-display';
import { publicationDelistActions } from './delist-due';
import { publicationSchedulerActions as publishDueActions } from './publish-due';
import { PUBLICATION_WORKFLOW } from '../../../core/publication/workflow';
import type { ClockedRecords } from '../../kernel/deadlines';

/** Provisional due dates of publication clocks are recomputed when a year's official table is loaded. */
export const publicationClockedRecords: ClockedRecords = { def: PUBLICATION_WORKFLOW };

/**
 * The scheduler's publication timers: publishing at the set time, leaving the list at the display end, and the
 * credit platform's listing ending after its period.
 */
export const publicationSchedulerActions = {
  ...publishDueActions,
  ...publicationDelistActions,
  ...publicationCreditSchedulerActions,
};

/** The dashboard's publication rows: entries' clocks, and decisions of the case register with no entry (PUB-15). */
export const publicationDeadlineProviders: readonly DeadlineProvider[] = [
  ...entryDeadlineProviders,
  unpublishedDecisionsProvider,
];
