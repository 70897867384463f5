/**
 * Publication of enforcement results (PUB-6, 7, 8, 10, 11, 12, 13, 15): the staff and public handlers, the timer
 * that publishes at the set time, and the dashboard's clocks. The rules are core/publication (docs/publication.md).
 */
export { publicationStaffActions } from './staff-actions';
export { publicationPublicActions } from './public-actions';
export { publicationSchedulerActions } from './publish-due';
export { publicationDeadlineProviders } from './deadline-providers';
import { PUBLICATION_WORKFLOW } from '../../../core/publication/workflow';
import type { ClockedRecords } from '../../kernel/deadlines';

/** Provisional due dates of publication clocks are recomputed when a year's official table is loaded. */
export const publicationClockedRecords: ClockedRecords = { def: PUBLICATION_WORKFLOW };
