/**
 * Serving documents electronically (REC-7, REC-16, PUB-5; docs/service.md "Serving"): the staff, citizen and
 * scheduler actions. Who may receive service is ./bindings.ts (the enrolment writes it).
 */
import { serviceIssueActions } from './issue';
import { servicePartyActions } from './party';
import { serviceSchedulerActions } from './paper';
import { serviceStaffReadActions } from './staff-read';
import { serviceStatementCitizenActions, serviceStatementStaffActions } from './statements';

export { servicePaperProvider } from './dashboard';
/** The case register's port (case.get): a case's service events with their ledger references. */
export { serviceEventsOfCase } from './case-register';

export const serviceDocumentStaffActions = {
  ...serviceIssueActions,
  ...serviceStaffReadActions,
  ...serviceStatementStaffActions,
};
export const serviceDocumentCitizenActions = {
  ...servicePartyActions,
  ...serviceStatementCitizenActions,
};
export const serviceDocumentSchedulerActions = serviceSchedulerActions;
