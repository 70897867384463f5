/** The `staff` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { calendarStaffActions } from '../features/calendar/actions';
import { complaintStaffActions } from '../features/complaint';
import { officerStaffActions } from '../features/officer';
import { orgStaffActions } from '../features/org';
import { ledgerStaffActions } from '../features/ledger/actions';
import { systemStaffActions } from '../features/system/actions';
import { createFunction } from '../router/function';

/** Exported so that tests cover every action of the function (test/server/security/fuzz.test.ts). */
export const staffActions = {
  ...orgStaffActions,
  ...officerStaffActions,
  ...ledgerStaffActions,
  ...systemStaffActions,
  ...complaintStaffActions,
  ...calendarStaffActions,
};

export const main = createFunction('staff', staffActions);
