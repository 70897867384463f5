/** The officer feature's actions, spread into the `public` and `staff` functions' tables. */
export { officerPublicActions } from './public-actions';
export { officerStaffActions } from './staff-actions';
export { withoutLapsedOfficerGrants } from './role-filter';
export { OFFICERS_COLLECTION } from './repository';
