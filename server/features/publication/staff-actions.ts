/**
 * The staff side of publication (PUB-6, PUB-8, PUB-10, PUB-11, PUB-13): reading queues and entries, preparing,
 * the four-step approval and withdrawal, each in its own file.
 */
import { publicationApprovalActions } from './approval-actions';
import { publicationCreditStaffActions } from './credit-display';
import { publicationFromDecisionActions } from './from-decision';
import { publicationPrepareActions } from './prepare-actions';
import { publicationReadActions } from './staff-read';
import { publicationWithdrawalActions } from './withdrawal-actions';

export const publicationStaffActions = {
  ...publicationReadActions,
  ...publicationPrepareActions,
  ...publicationFromDecisionActions,
  ...publicationApprovalActions,
  ...publicationWithdrawalActions,
  ...publicationCreditStaffActions,
};
