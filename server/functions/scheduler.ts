/** The `scheduler` cloud function: timer triggers only. */
import { ledgerSchedulerActions } from '../features/ledger/actions';
import { systemSchedulerActions } from '../features/system/actions';
import { housekeepingSchedulerActions } from '../features/system/housekeeping';
import { withTimerFanOut } from '../features/system/timer';
import { SCHEDULER_API } from '../../core/contract/api';
import { createFunction } from '../router/function';
import type { Handlers } from '../router/types';

/** One handler per declared action (core/contract/api.ts); a missing one does not compile. */
export const schedulerHandlers: Handlers<typeof SCHEDULER_API> = {
  ...ledgerSchedulerActions,
  ...systemSchedulerActions,
  ...housekeepingSchedulerActions,
};

export const main = withTimerFanOut(
  createFunction('scheduler', SCHEDULER_API, schedulerHandlers),
  SCHEDULER_API,
);
