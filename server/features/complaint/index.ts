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
export { complaintDeadlineProviders } from './deadline-providers';
export { complaintOwnerRef, SUBMIT_LIMIT } from './submit';
export { COMPLAINTS_COLLECTION } from './model';
export { decideReportCase } from './staff-decisions';

export const complaintStaffActions = {
  ...complaintReadActions,
  ...complaintDecisionActions,
  ...complaintOrganiseActions,
  ...complaintHandlerActions,
};
