/** The `scheduler` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { ledgerSchedulerActions } from '../features/ledger/actions';
import { systemSchedulerActions } from '../features/system/actions';
import { housekeepingSchedulerActions } from '../features/system/housekeeping';
import { withTimerFanOut } from '../features/system/timer';
import { createFunction } from '../router/function';

export const schedulerActions = {
  ...ledgerSchedulerActions,
  ...systemSchedulerActions,
  ...housekeepingSchedulerActions,
};

/** A timer event runs every timer action in turn (features/system/timer.ts); an action event runs that one. */
export const main = withTimerFanOut(createFunction('scheduler', schedulerActions), schedulerActions);
