/** The `staff` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { calendarStaffActions } from '../features/calendar/actions';
import { complaintStaffActions } from '../features/complaint';
import { officerStaffActions } from '../features/officer';
import { orgStaffActions } from '../features/org';
import { ledgerStaffActions } from '../features/ledger/actions';
import { systemStaffActions } from '../features/system/actions';
import { createFunction } from '../router/function';

export const main = createFunction('staff', {
  ...orgStaffActions,
  ...officerStaffActions,
  ...ledgerStaffActions,
  ...systemStaffActions,
  ...complaintStaffActions,
  ...calendarStaffActions,
});
