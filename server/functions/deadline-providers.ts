/**
 * Every feature's deadline providers (the dashboard's overdue and due-soon work), listed once: the `staff`
 * function builds the dashboard from them and the `scheduler` reminds each person of theirs from the same list.
 */
import { caseDeadlineProviders } from '../features/case';
import { complaintDeadlineProviders } from '../features/complaint';
import { publicationDeadlineProviders } from '../features/publication';
import { annualDeadlineProvider } from '../features/publication/annual';
import { servicePaperProvider } from '../features/service';
import { outboxDeadlineProvider } from '../features/system/outbox-provider';
import type { DeadlineProvider } from '../dashboard/registry';

export const DEADLINE_PROVIDERS: readonly DeadlineProvider[] = [
  ...complaintDeadlineProviders,
  ...caseDeadlineProviders,
  ...publicationDeadlineProviders,
  servicePaperProvider,
  outboxDeadlineProvider,
  annualDeadlineProvider,
];
