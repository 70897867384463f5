/** The official account: the daily digest, its publication or mass send, withdrawals. */
export { officialAccountSchedulerActions, officialAccountStaffActions } from './actions';
export { OFFICIAL_ACCOUNT_HANDLERS } from './handlers';
