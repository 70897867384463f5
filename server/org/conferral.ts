/**
 * The one rule for every path that confers a role (docs/architecture.md "Who may do what"): a grant, a
 * delegation, an invitation (the account is created with its roles and bound later) and an officer link (which
 * makes a certificate govern the `officer` role). Each path asks here who may confer what, and whether a second
 * administrator must approve; the approval itself is checked here too.
 *
 * - Nobody confers a role on themselves, by any path.
 * - `reviewer`, `principal` and `admin` (SENSITIVE_ROLES) take effect only once a second administrator approves:
 *   neither the requester, nor the person receiving the role, nor the delegating holder can approve.
 * - A grant and an invitation are made by an administrator; an invitation never carries a sensitive role (it is
 *   granted after binding, with approval). Only the operator CLI, which holds the environment's credentials and
 *   creates the first administrator, is exempt.
 * - A delegation hands on only a role the delegator holds by grant in that unit (no chains), is recorded by the
 *   delegator or their own leader (resolvers.ts `leadersOf`); for someone with no leader in the system (the
 *   commission's principal) an administrator records it citing the written appointment (主持工作, its document
 *   number), and it always needs the second administrator then. `officer` is never delegated: it comes with a
 *   certificate (行政处罚法 Art. 42). `admin` is never limited to a section: it has no section meaning.
 */
import { ROLE_LABELS, SENSITIVE_ROLES, type Role } from '../../core/org/roles';
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { holdsGrant, isActive, type StaffAccount } from './accounts';
import { leadersOf } from './resolvers';

/** Who confers: a staff member calling the `staff` function, or the operator CLI (and the emulator's seed). */
export type Conferrer = { kind: 'staff'; staffId: string; isAdmin: boolean } | { kind: 'operator' };

export const OPERATOR: Conferrer = { kind: 'operator' };

export const needsSecondAdministrator = (role: Role): boolean => SENSITIVE_ROLES.includes(role);

function refuseSelf(by: Conferrer, recipientStaffId: string, what: string): void {
  if (by.kind === 'staff' && by.staffId === recipientStaffId) {
    throw new AppError('FORBIDDEN', `不能${what}自己：须由其他有权人员办理`);
  }
}

function requireAdmin(by: Conferrer, what: string): void {
  if (by.kind === 'staff' && !by.isAdmin) throw new AppError('FORBIDDEN', `只有系统管理员可以${what}`);
}

/** Granting `role` in a unit to `recipient`: whether it waits for a second administrator. */
export function checkGrant(by: Conferrer, recipient: StaffAccount, role: Role): { needsApproval: boolean } {
  requireAdmin(by, '授予角色');
  refuseSelf(by, recipient._id, '给');
  if (!isActive(recipient)) throw new AppError('PRECONDITION_FAILED', '该账号已停用，不能授予角色');
  return { needsApproval: by.kind === 'staff' && needsSecondAdministrator(role) };
}

/** An invitation creates the account with its roles; binding it confers nothing more. */
export function checkInvitation(by: Conferrer, roles: readonly Role[]): void {
  requireAdmin(by, '邀请工作人员');
  const sensitive = roles.filter(needsSecondAdministrator);
  if (sensitive.length && by.kind === 'staff') {
    throw new AppError(
      'FORBIDDEN',
      `邀请时不能直接授予${sensitive.map((r) => ROLE_LABELS[r]).join('、')}角色：请在对方绑定后申请授权，由另一名系统管理员批准`,
    );
  }
}

/** Linking an officer record (certificate) to a staff account: the certificate then governs `officer`. */
export function checkOfficerLink(by: Conferrer, account: StaffAccount): void {
  requireAdmin(by, '关联执法证');
  refuseSelf(by, account._id, '把执法证关联到');
  if (!isActive(account)) throw new AppError('PRECONDITION_FAILED', '该工作人员账号已停用，不能关联执法证');
}

export interface DelegationRequest {
  delegator: StaffAccount;
  delegate: StaffAccount;
  role: Role;
  unitId: string;
  sectionId: string | null;
  /** 主持工作 decision's document number: required when an administrator records it for someone with no leader. */
  appointmentDocNo: string | null;
}

/** How the delegation came to be recorded (kept on it, so the record says on whose authority). */
export type RecordedAs = 'self' | 'leader' | 'admin' | 'operator';

export async function checkDelegation(
  db: Database,
  by: Conferrer,
  req: DelegationRequest,
  now: Date,
): Promise<{ needsApproval: boolean; recordedAs: RecordedAs }> {
  const { delegator, delegate, role } = req;
  if (role === 'officer') {
    throw new AppError('FORBIDDEN', '执法人员角色随执法证取得，不能委托他人代行');
  }
  if (role === 'admin' && req.sectionId) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.sectionId': '科室不能填写：系统管理员角色不分科室',
    });
  }
  let recordedAs: RecordedAs = 'operator';
  if (by.kind === 'staff') {
    // Authority first, so a caller without it learns nothing about others' roles.
    if (by.staffId === delegator._id) recordedAs = 'self';
    else {
      const leaders = await leadersOf(db, delegator._id, now);
      if (leaders.includes(by.staffId)) recordedAs = 'leader';
      else if (by.isAdmin && leaders.length === 0) recordedAs = 'admin';
      else {
        throw new AppError(
          'FORBIDDEN',
          '只有授权人本人或其领导可以登记授权；无上级领导的主要领导不在岗时，由系统管理员依主持工作的书面决定登记',
        );
      }
    }
    refuseSelf(by, delegate._id, '把角色委托给');
    if (recordedAs === 'admin' && !req.appointmentDocNo) {
      throw new AppError('INVALID_INPUT', '由系统管理员登记时须注明主持工作决定的文号', {
        'payload.appointmentDocNo': '请填写主持工作书面决定的文号',
      });
    }
  }
  if (!isActive(delegator) || !holdsGrant(delegator, role, req.unitId)) {
    throw new AppError('PRECONDITION_FAILED', `授权人本人在该单位没有“${ROLE_LABELS[role]}”角色，不能授权`);
  }
  if (!isActive(delegate)) throw new AppError('PRECONDITION_FAILED', '被授权人的账号已停用');
  const needsApproval = by.kind === 'staff' && (needsSecondAdministrator(role) || recordedAs === 'admin');
  return { needsApproval, recordedAs };
}

/** The parties of a pending conferral, none of whom may approve it (the second pair of eyes must be another's). */
export interface ApprovalParties {
  requestedBy: string | null;
  recipient: string;
  /** The delegating holder, for a delegation. */
  delegator?: string;
}

export function checkApproval(deciderStaffId: string, parties: ApprovalParties): void {
  if (parties.requestedBy === deciderStaffId) {
    throw new AppError('FORBIDDEN', '授权申请须由另一名系统管理员批准，申请人不能批准自己提出的申请');
  }
  if (parties.recipient === deciderStaffId) throw new AppError('FORBIDDEN', '不能批准授予自己的角色');
  if (parties.delegator === deciderStaffId) {
    throw new AppError('FORBIDDEN', '授权人不能批准自己的授权，须由另一名系统管理员批准');
  }
}
