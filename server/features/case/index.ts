/**
 * The case register (docs/cases.md; REC-1..4, 8, 10, 11, 16): the `staff` actions and the case clocks the staff
 * function lists for the dashboard.
 */
import { caseAdvanceActions } from './advance';
import { caseImportActions } from './import';
import { caseIntakeActions } from './intake';
import { caseOpenActions } from './open';
import { caseReadActions } from './read';
import { caseRecordActions } from './records';

export { caseDeadlineProviders } from './dashboard';
export { rehashRecordFiles } from './rehash';
export {
  decisionForPublication,
  decisionsAwaitingEntryFor,
  decisionsAwaitingPublication,
  linkDecisionWrite,
  type DecisionForPublication,
  type UnpublishedDecision,
} from './publication';

export const caseStaffActions = {
  ...caseOpenActions,
  ...caseAdvanceActions,
  ...caseRecordActions,
  ...caseIntakeActions,
  ...caseReadActions,
  ...caseImportActions,
};
