/**
 * Recording and deciding delegations, under the one conferral rule (conferral.ts): who may record one, and a
 * sensitive role (or an administrator's recording for someone with no leader) waits for the second administrator.
 * A pending delegation confers nothing (delegations.ts `isApproved`). Kept apart from delegations.ts because the
 * rule resolves "their leader", which itself reads delegations.
 */
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import { requireAccount } from './accounts';
import { checkApproval, checkDelegation, type Conferrer } from './conferral';
import {
  DELEGATIONS_COLLECTION,
  MAX_DELEGATION_DAYS,
  isApproved,
  type Delegation,
  type DelegationInput,
} from './delegations';
import { getDoc, stateOf } from '../platform/docs';
import { requireSection, requireUnit, type ChangeContext } from './units';

export async function createDelegation(
  c: ChangeContext,
  by: Conferrer,
  input: DelegationInput,
): Promise<Delegation> {
  const from = new Date(input.validFrom);
  const until = new Date(input.validUntil);
  if (!(until.getTime() > from.getTime()))
    throw new AppError('INVALID_INPUT', undefined, { 'payload.validUntil': '授权截止时间须晚于开始时间' });
  if (until.getTime() <= c.now.getTime())
    throw new AppError('INVALID_INPUT', undefined, { 'payload.validUntil': '授权截止时间须晚于当前时间' });
  if (until.getTime() - from.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.validUntil': `授权期限不能超过 ${MAX_DELEGATION_DAYS} 天`,
    });
  }
  if (input.fromStaffId === input.toStaffId)
    throw new AppError('INVALID_INPUT', undefined, { 'payload.toStaffId': '被授权人不能是授权人本人' });
  const delegator = await requireAccount(c.db, input.fromStaffId);
  const delegate = await requireAccount(c.db, input.toStaffId);
  await requireUnit(c.db, input.unitId);
  const sectionId = input.sectionId ?? null;
  if (sectionId && (await requireSection(c.db, sectionId)).unitId !== input.unitId) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '所选科室不属于该单位' });
  }
  const appointmentDocNo = input.appointmentDocNo ?? null;
  const { needsApproval, recordedAs } = await checkDelegation(
    c.db,
    by,
    { delegator, delegate, role: input.role, unitId: input.unitId, sectionId, appointmentDocNo },
    c.now,
  );
  const state = {
    fromStaffId: delegator._id,
    toStaffId: delegate._id,
    role: input.role,
    unitId: input.unitId,
    sectionId,
    validFrom: from,
    validUntil: until,
    reason: input.reason,
    appointmentDocNo,
    createdBy: c.actor,
    requestedBy: by.kind === 'staff' ? by.staffId : null,
    recordedAs,
    status: needsApproval ? 'pending' : 'approved',
    decidedBy: null,
    decidedAt: needsApproval ? null : c.now,
    revokedAt: null,
    createdAt: c.now,
    updatedAt: c.now,
  };
  const id = c.ids.newId('dlg');
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.delegate',
    at: c.now,
    entities: [{ collection: DELEGATIONS_COLLECTION, id, expectedRev: null, state }],
  });
  return done!.doc as unknown as Delegation;
}

/** The second administrator's decision on a pending delegation; ledgered like a grant decision. */
export async function decideDelegation(
  c: ChangeContext,
  deciderStaffId: string,
  delegationId: string,
  decision: 'approved' | 'rejected',
): Promise<Delegation> {
  const d = await getDoc<Delegation>(c.db, DELEGATIONS_COLLECTION, delegationId);
  if (!d) throw new AppError('NOT_FOUND', '未找到该授权');
  if (d.revokedAt) throw new AppError('PRECONDITION_FAILED', '该授权已撤销');
  if (d.status !== 'pending') {
    throw new AppError('PRECONDITION_FAILED', isApproved(d) ? '该授权已批准' : '该授权已处理');
  }
  if (new Date(d.validUntil).getTime() <= c.now.getTime()) {
    throw new AppError('PRECONDITION_FAILED', '该授权的期限已过，请重新登记');
  }
  if (decision === 'approved') {
    checkApproval(deciderStaffId, {
      requestedBy: d.requestedBy ?? null,
      recipient: d.toStaffId,
      delegator: d.fromStaffId,
    });
  }
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: decision === 'approved' ? 'org.approveDelegation' : 'org.rejectDelegation',
    at: c.now,
    entities: [
      {
        collection: DELEGATIONS_COLLECTION,
        id: d._id,
        expectedRev: d._rev,
        state: {
          ...stateOf(d),
          status: decision,
          decidedBy: deciderStaffId,
          decidedAt: c.now,
          updatedAt: c.now,
        },
      },
    ],
  });
  return done!.doc as unknown as Delegation;
}
