/** The official account: the daily digest, its publication or mass send, withdrawals (issue 17 item 3). */
export { officialAccountSchedulerActions, officialAccountStaffActions } from './actions';
export { OFFICIAL_ACCOUNT_HANDLERS } from './handlers';
