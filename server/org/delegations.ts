/**
 * Recorded, time-limited delegations (DESIGN.md "Organisation"): a leader hands one of their roles, in a unit or
 * one section of it, to another account for a period (leave, business trip). A delegation gives only what the
 * delegating account holds itself by grant (no chains), and stops working when that account is suspended or loses
 * the grant, or when revoked.
 */
import { ROLE_LABELS, type Role } from '../../core/org/roles';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { getAccount, holdsGrant, isActive, requireAccount } from './accounts';
import { findAll, getDoc, stateOf } from './docs';
import { newEntityId } from './ids';
import { inForceAt } from './supervision';
import { requireSection, requireUnit, type ChangeContext } from './units';

export const DELEGATIONS_COLLECTION = 'org_delegations';
/** Longest delegation; a longer absence is a change of posts, made by the administrators. */
export const MAX_DELEGATION_DAYS = 90;

export interface Delegation {
  _id: string;
  _rev: number;
  fromStaffId: string;
  toStaffId: string;
  role: Role;
  unitId: string;
  /** null: the whole unit; otherwise only this section (e.g. reviewing one supervised section). */
  sectionId: string | null;
  validFrom: Date;
  validUntil: Date;
  reason: string;
  /** Salted reference of who recorded it (the delegating leader or an administrator). */
  createdBy: string;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DelegationInput {
  fromStaffId: string;
  toStaffId: string;
  role: Role;
  unitId: string;
  sectionId?: string | null;
  validFrom: Date;
  validUntil: Date;
  reason: string;
}

/** In force at `at`, not revoked, and the delegating account still active and holding the role by grant. */
async function effective(db: Database, list: Delegation[], at: Date): Promise<Delegation[]> {
  const out: Delegation[] = [];
  for (const d of list) {
    if (d.revokedAt || !inForceAt(d, at)) continue;
    const from = await getAccount(db, d.fromStaffId);
    if (isActive(from) && holdsGrant(from, d.role, d.unitId)) out.push(d);
  }
  return out;
}

export async function delegationsTo(db: Database, toStaffId: string, at: Date): Promise<Delegation[]> {
  return effective(db, await findAll<Delegation>(db, DELEGATIONS_COLLECTION, { toStaffId }), at);
}

export async function delegationsFrom(db: Database, fromStaffId: string, at: Date): Promise<Delegation[]> {
  return effective(db, await findAll<Delegation>(db, DELEGATIONS_COLLECTION, { fromStaffId }), at);
}

export async function createDelegation(c: ChangeContext, input: DelegationInput): Promise<Delegation> {
  const from = new Date(input.validFrom);
  const until = new Date(input.validUntil);
  if (!(until.getTime() > from.getTime()))
    throw new AppError('INVALID_INPUT', undefined, { validUntil: '须晚于开始时间' });
  if (until.getTime() <= c.now.getTime())
    throw new AppError('INVALID_INPUT', undefined, { validUntil: '须晚于当前时间' });
  if (until.getTime() - from.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
    throw new AppError('INVALID_INPUT', undefined, {
      validUntil: `授权期限不能超过 ${MAX_DELEGATION_DAYS} 天`,
    });
  }
  if (input.fromStaffId === input.toStaffId)
    throw new AppError('INVALID_INPUT', undefined, { toStaffId: '不能授权给自己' });
  const delegator = await requireAccount(c.db, input.fromStaffId);
  const delegate = await requireAccount(c.db, input.toStaffId);
  await requireUnit(c.db, input.unitId);
  const sectionId = input.sectionId ?? null;
  if (sectionId && (await requireSection(c.db, sectionId)).unitId !== input.unitId) {
    throw new AppError('INVALID_INPUT', undefined, { sectionId: '该科室不属于所选单位' });
  }
  if (!isActive(delegator) || !holdsGrant(delegator, input.role, input.unitId)) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `授权人本人在该单位没有“${ROLE_LABELS[input.role]}”角色，不能授权`,
    );
  }
  if (!isActive(delegate)) throw new AppError('PRECONDITION_FAILED', '被授权人的账号已停用');
  const state = {
    fromStaffId: delegator._id,
    toStaffId: delegate._id,
    role: input.role,
    unitId: input.unitId,
    sectionId,
    validFrom: from,
    validUntil: until,
    reason: input.reason,
    createdBy: c.actor,
    revokedAt: null,
    createdAt: c.now,
    updatedAt: c.now,
  };
  const id = newEntityId('dlg', c.idempotencyKey);
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.delegate',
    at: c.now,
    entities: [{ collection: DELEGATIONS_COLLECTION, id, expectedRev: null, state }],
  });
  return done!.doc as unknown as Delegation;
}

export async function revokeDelegation(c: ChangeContext, delegationId: string): Promise<Delegation> {
  const d = await getDoc<Delegation>(c.db, DELEGATIONS_COLLECTION, delegationId);
  if (!d) throw new AppError('NOT_FOUND', '未找到该授权');
  if (d.revokedAt) throw new AppError('PRECONDITION_FAILED', '该授权已撤销');
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.revokeDelegation',
    at: c.now,
    entities: [
      {
        collection: DELEGATIONS_COLLECTION,
        id: d._id,
        expectedRev: d._rev,
        state: { ...stateOf(d), revokedAt: c.now, updatedAt: c.now },
      },
    ],
  });
  return done!.doc as unknown as Delegation;
}
