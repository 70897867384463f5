/**
 * Resolves the bound staff account of the calling WeChat identity on every call, so a suspension takes effect on
 * the very next call, and checks the action's roles through the organisation model (grants and delegations).
 */
import { AppError } from '../errors';
import { findAccountByOpenid } from '../org/accounts';
import { effectiveRoles } from '../org/roles';
import type { StaffPrincipal } from '../org/principal';
import type { Declaration } from '../../core/contract/declare';
import type { Call } from './types';

export async function loadStaffPrincipal(call: Call, spec: Declaration): Promise<StaffPrincipal> {
  const account = await findAccountByOpenid(call.db, call.caller.openid!);
  if (!account) throw new AppError('FORBIDDEN', '您的微信尚未绑定工作人员账号，请使用邀请码绑定');
  if (account.status !== 'active')
    throw new AppError('FORBIDDEN', '您的工作人员账号已停用，请联系系统管理员');
  const principal: StaffPrincipal = {
    staffId: account._id,
    unitId: account.unitId,
    sectionId: account.sectionId,
    roles: await effectiveRoles(call.db, account, call.now, call.plugins.roleFilters),
    officerId: account.officerId,
  };
  if (
    spec.roles?.length &&
    !principal.roles.some((g) => (spec.roles as readonly string[]).includes(g.role))
  ) {
    throw new AppError('FORBIDDEN', '您没有进行此操作的权限');
  }
  return principal;
}

/** `unboundStaff` actions (staff.bind): the caller has a WeChat identity (checked before) but no account yet. */
export async function assertUnboundStaff(call: Call): Promise<void> {
  if (await findAccountByOpenid(call.db, call.caller.openid!)) {
    throw new AppError('CONFLICT', '您的微信已绑定工作人员账号，无需重复绑定');
  }
}
