/**
 * `staff` `complaint.handlers`: whom a leader may assign to a complaint — the active accounts holding the
 * `officer` role in the complaint's unit right now (a lapsed certificate takes the role away, server/org/roles.ts),
 * the same rule `complaint.assign` enforces (`isAssignable`). Only those who may assign
 * (the unit's leaders) get the list; staff names are not secret (officers' names are published, PUB-2), but the
 * list is of no use to anyone else.
 */
import * as decl from '../../../core/contract/complaint';
import { activeAccounts, holdsGrant, isActive, type StaffAccount } from '../../org/accounts';
import { effectiveRoles } from '../../org/roles';
import { handle, type Call } from '../../router/types';
import { assignableSections, loadForStaff } from './staff-access';

/** Active, granted `officer` in the unit, and still holding it now (certificate in force). */
export async function isAssignable(
  call: Pick<Call, 'db' | 'now' | 'plugins'>,
  account: StaffAccount | null,
  unitId: string,
): Promise<boolean> {
  if (!isActive(account) || !holdsGrant(account, 'officer', unitId)) return false;
  const roles = await effectiveRoles(call.db, account, call.now, call.plugins.roleFilters);
  return roles.some((g) => g.role === 'officer' && g.unitId === unitId);
}

/** A leader limited to some sections assigns only staff of those sections (staff-access.ts). */
export function inSections(account: StaffAccount, sections: 'all' | string[]): boolean {
  return sections === 'all' || (!!account.sectionId && sections.includes(account.sectionId));
}

const complaintHandlers = handle(decl.complaintHandlers, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'lead');
  const sections = assignableSections(call.staff!, record);
  // Filtered on the indexed `status`; the grant is checked here (grants are an array of {role, unitId}).
  const active = await activeAccounts(call.db);
  const assignable: StaffAccount[] = [];
  for (const account of active) {
    if (!inSections(account, sections)) continue;
    // The officer a conduct complaint is about is never offered (the kernel refuses them anyway).
    if (record.conduct?.concernedStaffIds.includes(account._id)) continue;
    if (await isAssignable(call, account, record.unitId)) assignable.push(account);
  }
  const items = assignable
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map((a) => ({ staffId: a._id, name: a.name }));
  return { items, total: items.length, totalCapped: false, nextCursor: null };
});

export const complaintHandlerActions = { 'complaint.handlers': complaintHandlers };
