/**
 * The staff actions of serving documents (REC-7; docs/service.md "Serving"): issue, the staff's reads and the
 * statements' handling. Apart from ./index.ts because service.issue carries the seal check
 * (server/service/signature.ts), which the citizen and scheduler functions must not bundle.
 */
import { serviceIssueActions } from './issue';
import { serviceStaffReadActions } from './staff-read';
import { serviceStatementStaffActions } from './statements';

export const serviceDocumentStaffActions = {
  ...serviceIssueActions,
  ...serviceStaffReadActions,
  ...serviceStatementStaffActions,
};
