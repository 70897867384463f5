/**
 * Complaints and reports (PUB-3): the `citizen` and `staff` handlers and the complaint clocks the staff function
 * lists for the dashboard.
 */
import { complaintCitizenActions } from './citizen-actions';
import { complaintDecisionActions } from './staff-decisions';
import { complaintHandlerActions } from './staff-handlers';
import { complaintOrganiseActions } from './staff-organise';
import { complaintReadActions } from './staff-read';

export { complaintCitizenActions };
export { complaintPublicActions } from './owner-steps';
export { complaintDeadlineProviders } from './deadline-providers';
export { complaintClockedRecords } from './provisional';
export { complaintOwnerRef, SUBMIT_LIMIT } from './submit';
/** The 立案 decision on a report, for the case register: opening a case takes this step (stops the 立案 clock). */
export { decideReportCase } from './staff-decisions';
export { COMPLAINTS_COLLECTION } from './model';

export const complaintStaffActions = {
  ...complaintReadActions,
  ...complaintDecisionActions,
  ...complaintOrganiseActions,
  ...complaintHandlerActions,
};
export { complaintYearCounts } from './annual-counts';
