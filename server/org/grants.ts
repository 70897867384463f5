/**
 * Granting and revoking roles per unit, under the one conferral rule (conferral.ts): `reviewer`, `principal` and
 * `admin` need a second administrator: granting them records a pending request that
 * another administrator approves; neither the requester nor the person receiving the role can approve it, and
 * nobody grants themselves anything. Other roles take effect at once. Revoking takes effect at once (taking powers
 * away needs no second pair of eyes).
 */
import { ROLE_LABELS, type Role } from '../../core/org/roles';
import { AppError } from '../errors';
import { commitChange, type EntityWrite } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { requireAccount, STAFF_COLLECTION, updateAccount, type StaffAccount } from './accounts';
import { checkApproval, checkGrant, type Conferrer } from './conferral';
import { findAll, getDoc, stateOf } from '../platform/docs';
import { requireUnit, type ChangeContext } from './units';

export const GRANT_REQUESTS_COLLECTION = 'staff_grant_requests';
/** A request nobody approved within this time lapses; asking again is cheap. */
export const GRANT_REQUEST_DAYS = 7;

export interface GrantRequest {
  _id: string;
  _rev: number;
  staffId: string;
  role: Role;
  unitId: string;
  /** Staff id of the requesting administrator (null: the operator CLI). */
  requestedBy: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type GrantResult =
  { status: 'granted'; account: StaffAccount } | { status: 'pending'; request: GrantRequest };

export async function grantRole(
  c: ChangeContext,
  by: Conferrer,
  input: { staffId: string; role: Role; unitId: string },
): Promise<GrantResult> {
  const account = await requireAccount(c.db, input.staffId);
  await requireUnit(c.db, input.unitId);
  const { needsApproval } = checkGrant(by, account, input.role);
  if (account.roles.some((g) => g.role === input.role && g.unitId === input.unitId)) {
    throw new AppError('PRECONDITION_FAILED', `该账号已有此单位的“${ROLE_LABELS[input.role]}”角色`);
  }
  if (!needsApproval) {
    const roles = [...account.roles, { role: input.role, unitId: input.unitId }];
    return { status: 'granted', account: await updateAccount(c, account, 'staff.grantRole', { roles }) };
  }
  const pending = (await pendingGrantRequests(c.db, c.now)).filter(
    (r) => r.staffId === input.staffId && r.role === input.role && r.unitId === input.unitId,
  );
  if (pending.length) throw new AppError('CONFLICT', '已有相同的授权申请等待批准');
  const state = {
    staffId: input.staffId,
    role: input.role,
    unitId: input.unitId,
    requestedBy: by.kind === 'staff' ? by.staffId : null,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    expiresAt: new Date(c.now.getTime() + GRANT_REQUEST_DAYS * 86_400_000),
    createdAt: c.now,
    updatedAt: c.now,
  };
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'staff.grantRole',
    at: c.now,
    entities: [
      {
        collection: GRANT_REQUESTS_COLLECTION,
        id: c.ids.newId('grq'),
        expectedRev: null,
        state,
      },
    ],
  });
  return { status: 'pending', request: done!.doc as unknown as GrantRequest };
}

export async function pendingGrantRequests(db: Database, now: Date): Promise<GrantRequest[]> {
  const list = await findAll<GrantRequest>(db, GRANT_REQUESTS_COLLECTION, { status: 'pending' });
  return list.filter((r) => new Date(r.expiresAt).getTime() > now.getTime());
}

export async function decideGrant(
  c: ChangeContext,
  deciderStaffId: string,
  grantRequestId: string,
  decision: 'approved' | 'rejected',
): Promise<GrantRequest> {
  const request = await getDoc<GrantRequest>(c.db, GRANT_REQUESTS_COLLECTION, grantRequestId);
  if (!request) throw new AppError('NOT_FOUND', '未找到该授权申请');
  if (request.status !== 'pending') throw new AppError('PRECONDITION_FAILED', '该授权申请已处理');
  if (new Date(request.expiresAt).getTime() <= c.now.getTime()) {
    throw new AppError('PRECONDITION_FAILED', '该授权申请已过期，请重新申请');
  }
  if (decision === 'approved') {
    checkApproval(deciderStaffId, { requestedBy: request.requestedBy, recipient: request.staffId });
  }
  const requestWrite = {
    collection: GRANT_REQUESTS_COLLECTION,
    id: request._id,
    expectedRev: request._rev,
    state: {
      ...stateOf(request),
      status: decision,
      decidedBy: deciderStaffId,
      decidedAt: c.now,
      updatedAt: c.now,
    },
  };
  const entities: EntityWrite[] = [requestWrite];
  if (decision === 'approved') {
    const account = await requireAccount(c.db, request.staffId);
    const roles = account.roles.some((g) => g.role === request.role && g.unitId === request.unitId)
      ? account.roles
      : [...account.roles, { role: request.role, unitId: request.unitId }];
    entities.push({
      collection: STAFF_COLLECTION,
      id: account._id,
      expectedRev: account._rev,
      state: { ...stateOf(account), roles, updatedAt: c.now },
    });
  }
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: decision === 'approved' ? 'staff.approveGrant' : 'staff.rejectGrant',
    at: c.now,
    entities,
  });
  return done!.doc as unknown as GrantRequest;
}

export async function revokeRole(
  c: ChangeContext,
  input: { staffId: string; role: Role; unitId: string },
): Promise<StaffAccount> {
  const account = await requireAccount(c.db, input.staffId);
  const roles = account.roles.filter((g) => !(g.role === input.role && g.unitId === input.unitId));
  if (roles.length === account.roles.length)
    throw new AppError('PRECONDITION_FAILED', '该账号没有此单位的这一角色');
  return updateAccount(c, account, 'staff.revokeRole', { roles });
}
