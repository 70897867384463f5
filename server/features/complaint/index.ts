/**
 * Complaints and reports (issue 5): the `citizen` and `staff` action tables. Importing this module registers the
 * complaint clocks with the dashboard.
 */
import { complaintCitizenActions } from './citizen-actions';
import './deadline-providers';
import { complaintDecisionActions } from './staff-decisions';
import { complaintHandlerActions } from './staff-handlers';
import { complaintOrganiseActions } from './staff-organise';
import { complaintReadActions } from './staff-read';

export { complaintCitizenActions };
export { complaintOwnerRef, SUBMIT_LIMIT } from './submit';
export { COMPLAINTS_COLLECTION, IDENTITY_VIEWS_COLLECTION } from './model';

export const complaintStaffActions = {
  ...complaintReadActions,
  ...complaintDecisionActions,
  ...complaintOrganiseActions,
  ...complaintHandlerActions,
};
