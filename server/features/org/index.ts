/** The organisation feature's actions, spread into the `staff` function's table (server/functions/staff.ts). */
import { orgActions } from './org-actions';
import { staffAccountActions } from './staff-actions';

export const orgStaffActions = { ...staffAccountActions, ...orgActions };
