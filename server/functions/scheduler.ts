/** The `scheduler` cloud function: timer triggers only. */
import { ledgerSchedulerActions } from '../features/ledger/actions';
import { systemSchedulerActions } from '../features/system/actions';
import { housekeepingSchedulerActions } from '../features/system/housekeeping';
import { calendarSchedulerActions } from '../features/calendar/actions';
import { complaintClockedRecords } from '../features/complaint/provisional';
import { withTimerFanOut } from '../features/system/timer';
import { publicationClockedRecords, publicationSchedulerActions } from '../features/publication';
import { annualSchedulerActions } from '../features/publication/annual';
import { serviceDocumentSchedulerActions } from '../features/service';
import { SCHEDULER_API } from '../../core/contract/api';
import { OUTBOX_HANDLERS } from '../outbox';
import { OFFICIAL_ACCOUNT_HANDLERS, officialAccountSchedulerActions } from '../features/official-account';
import { createFunction } from '../router/function';
import { plugins } from '../router/plugins';
import type { Handlers } from '../router/types';
import { DEADLINE_PROVIDERS } from './deadline-providers';

/** One handler per declared action (core/contract/api.ts); a missing one does not compile. */
export const schedulerHandlers: Handlers<typeof SCHEDULER_API> = {
  ...ledgerSchedulerActions,
  ...systemSchedulerActions,
  ...housekeepingSchedulerActions,
  ...calendarSchedulerActions,
  ...publicationSchedulerActions,
  ...officialAccountSchedulerActions,
  ...annualSchedulerActions,
  ...serviceDocumentSchedulerActions,
};

/** The scheduler delivers every outbox kind the outbox knows (a feature adding a kind lists it here). */
export const schedulerPlugins = plugins({
  outboxHandlers: [...OUTBOX_HANDLERS, ...OFFICIAL_ACCOUNT_HANDLERS],
  clockedRecords: [complaintClockedRecords, publicationClockedRecords],
  // `reminders.daily` reminds each person of what the dashboard lists for them.
  deadlineProviders: DEADLINE_PROVIDERS,
});

export const main = withTimerFanOut(
  createFunction('scheduler', SCHEDULER_API, schedulerHandlers, schedulerPlugins),
  SCHEDULER_API,
);
