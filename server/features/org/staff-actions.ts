/** `staff` function actions about staff accounts: binding, the caller's own account, and administration. */
import * as decl from '../../../core/contract/org';
import { ROLE_LABELS } from '../../../core/org/roles';
import {
  getAccount,
  listAccounts,
  requireAccount,
  setAccountStatus,
  type StaffAccount,
} from '../../org/accounts';
import { delegationsTo, pendingDelegations } from '../../org/delegations';
import { decideGrant, grantRole, pendingGrantRequests, revokeRole } from '../../org/grants';
import {
  bindInvitation,
  createInvitation,
  reissueInvitation,
  type CreatedInvitation,
} from '../../org/invitations';
import { shownOnce } from '../../router/idempotency';
import { getSection, getUnit } from '../../org/units';
import { AppError } from '../../errors';
import { handle } from '../../router/types';
import { changeContext, conferrerOf, list, staffOf } from './context';

/** What other staff may see of an account: never the identity reference. */
export function accountView(a: StaffAccount) {
  return {
    staffId: a._id,
    name: a.name,
    unitId: a.unitId,
    sectionId: a.sectionId,
    roles: a.roles,
    status: a.status,
    bound: !!a.openidRef,
    officerId: a.officerId,
  };
}

/**
 * The code is shown once: the idempotency record keeps the answer without it, and a replay (a lost answer retried)
 * is told to reissue the code rather than being shown it again (codes are never stored in clear).
 */
function invitationAnswer(created: CreatedInvitation) {
  const kept = { staffId: created.staffId, expiresAt: created.expiresAt };
  return shownOnce(
    { inviteCode: created.code, ...kept },
    kept,
    `邀请码只显示一次，该请求已生成过邀请码。如未记下，请对该账号（${created.staffId}）重新生成邀请码，旧码随即作废`,
  );
}

export const staffAccountActions = {
  'staff.bind': handle(decl.staffBind, async (input, call) => {
    const account = await bindInvitation(changeContext(call), call.caller.openid!, input.inviteCode);
    return accountView(account);
  }),

  /** The role-aware staff home: own account, effective roles (grants and delegations in force), unit, section. */
  'staff.me': handle(decl.staffMe, async (_input, call) => {
    const me = staffOf(call);
    const account = await requireAccount(call.db, me.staffId);
    const unit = await getUnit(call.db, me.unitId);
    const section = me.sectionId ? await getSection(call.db, me.sectionId) : null;
    const delegations = await delegationsTo(call.db, me.staffId, call.now);
    return {
      ...accountView(account),
      unit: unit ? { id: unit._id, name: unit.name, kind: unit.kind } : null,
      section: section ? { id: section._id, name: section.name, kind: section.kind } : null,
      grants: account.roles,
      roles: me.roles.map((g) => ({ ...g, label: ROLE_LABELS[g.role] })),
      delegations: delegations.map((d) => ({
        id: d._id,
        fromStaffId: d.fromStaffId,
        role: d.role,
        unitId: d.unitId,
        sectionId: d.sectionId,
        validUntil: d.validUntil,
      })),
    };
  }),

  'staff.invite': handle(decl.staffInvite, async (input, call) => {
    return invitationAnswer(await createInvitation(changeContext(call), conferrerOf(call), input));
  }),

  /** A new code for an unbound account whose code was lost; earlier codes stop working. */
  'staff.reinvite': handle(decl.staffReinvite, async (input, call) =>
    invitationAnswer(
      await reissueInvitation(changeContext(call), conferrerOf(call), input.staffId, input.expiresInDays),
    ),
  ),

  'staff.list': handle(decl.staffList, async (input, call) => {
    const accounts = await listAccounts(call.db, input.unitId);
    return list(accounts.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map(accountView));
  }),

  'staff.suspend': handle(decl.staffSuspend, async (input, call) => {
    if (input.staffId === staffOf(call).staffId) throw new AppError('FORBIDDEN', '不能停用自己的账号');
    return accountView(await setAccountStatus(changeContext(call), input.staffId, 'suspended'));
  }),

  'staff.reinstate': handle(decl.staffReinstate, async (input, call) =>
    accountView(await setAccountStatus(changeContext(call), input.staffId, 'active')),
  ),

  /** Sensitive roles answer `{status:'pending', request}`; the others `{status:'granted', account}`. */
  'staff.grantRole': handle(decl.staffGrantRole, async (input, call) => {
    const result = await grantRole(changeContext(call), conferrerOf(call), input);
    return result.status === 'granted'
      ? { status: 'granted' as const, account: accountView(result.account) }
      : {
          status: 'pending' as const,
          grantRequestId: result.request._id,
          expiresAt: result.request.expiresAt,
        };
  }),

  /**
   * What waits for a second administrator: grant requests (`kind: 'grant'`) and delegations of sensitive roles
   * (`kind: 'delegation'`, decided with org.approveDelegation / org.rejectDelegation).
   */
  'staff.grantRequests': handle(decl.staffGrantRequests, async (_input, call) => {
    const grants = (await pendingGrantRequests(call.db, call.now)).map((r) => ({
      kind: 'grant' as const,
      grantRequestId: r._id,
      staffId: r.staffId,
      role: r.role,
      unitId: r.unitId,
      requestedBy: r.requestedBy,
      expiresAt: r.expiresAt,
    }));
    const delegations = (await pendingDelegations(call.db, call.now)).map((d) => ({
      kind: 'delegation' as const,
      delegationId: d._id,
      staffId: d.toStaffId,
      fromStaffId: d.fromStaffId,
      role: d.role,
      unitId: d.unitId,
      sectionId: d.sectionId,
      requestedBy: d.requestedBy ?? null,
      appointmentDocNo: d.appointmentDocNo ?? null,
      validFrom: d.validFrom,
      expiresAt: d.validUntil,
    }));
    return list([...grants, ...delegations]);
  }),

  'staff.approveGrant': handle(decl.staffApproveGrant, async (input, call) => {
    const r = await decideGrant(changeContext(call), staffOf(call).staffId, input.grantRequestId, 'approved');
    const account = await getAccount(call.db, r.staffId);
    return { status: r.status, account: account ? accountView(account) : null };
  }),

  'staff.rejectGrant': handle(decl.staffRejectGrant, async (input, call) => {
    const r = await decideGrant(changeContext(call), staffOf(call).staffId, input.grantRequestId, 'rejected');
    return { status: r.status };
  }),

  'staff.revokeRole': handle(decl.staffRevokeRole, async (input, call) =>
    accountView(await revokeRole(changeContext(call), input)),
  ),
};
