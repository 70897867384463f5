/**
 * Recorded, time-limited delegations: a leader hands one of their roles, in a unit or
 * one section of it, to another account for a period (leave, business trip). A delegation gives only what the
 * delegating account holds itself by grant (no chains), works only once approved (a sensitive role waits for the
 * second administrator, conferral.ts), and stops working when that account is suspended or loses the grant, or
 * when revoked. Recording and deciding are in delegating.ts; this module stores and reads them.
 */
import { SENSITIVE_ROLES, type Role } from '../../core/org/roles';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { getAccount, holdsGrant, isActive } from './accounts';
import { findAll, getDoc, stateOf } from '../platform/docs';
import { inForceAt } from './supervision';
import type { ChangeContext } from './units';

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
  /** Staff id of who recorded it (null for the operator CLI): they cannot approve it. */
  requestedBy?: string | null;
  /** On whose authority it was recorded: the delegator, their leader, an administrator (主持工作), the operator. */
  recordedAs?: 'self' | 'leader' | 'admin' | 'operator';
  /** Document number of the written appointment (主持工作) an administrator's recording cites. */
  appointmentDocNo?: string | null;
  /**
   * `pending` until the second administrator approves a sensitive role (conferral.ts); it confers nothing before.
   * Absent on delegations recorded before approvals existed.
   */
  status?: 'pending' | 'approved' | 'rejected';
  decidedBy?: string | null;
  decidedAt?: Date | null;
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
  appointmentDocNo?: string | null;
}

/**
 * Approved. A delegation stored before approvals existed counts only for a role that never needed one, so an
 * old unapproved sensitive delegation confers nothing.
 */
export function isApproved(d: Delegation): boolean {
  return d.status === undefined ? !SENSITIVE_ROLES.includes(d.role) : d.status === 'approved';
}

/** In force at `at`, not revoked, and the delegating account still active and holding the role by grant. */
async function effective(db: Database, list: Delegation[], at: Date): Promise<Delegation[]> {
  const out: Delegation[] = [];
  for (const d of list) {
    if (d.revokedAt || !isApproved(d) || !inForceAt(d, at)) continue;
    const from = await getAccount(db, d.fromStaffId);
    if (isActive(from) && holdsGrant(from, d.role, d.unitId)) out.push(d);
  }
  return out;
}

export const getDelegation = (db: Database, id: string) => getDoc<Delegation>(db, DELEGATIONS_COLLECTION, id);

export async function delegationsTo(db: Database, toStaffId: string, at: Date): Promise<Delegation[]> {
  return effective(db, await findAll<Delegation>(db, DELEGATIONS_COLLECTION, { toStaffId }), at);
}

/** Waiting for the second administrator, not revoked, and not yet ended. */
export async function pendingDelegations(db: Database, now: Date): Promise<Delegation[]> {
  const list = await findAll<Delegation>(db, DELEGATIONS_COLLECTION, { status: 'pending' });
  return list.filter((d) => !d.revokedAt && new Date(d.validUntil).getTime() > now.getTime());
}

export async function delegationsFrom(db: Database, fromStaffId: string, at: Date): Promise<Delegation[]> {
  return effective(db, await findAll<Delegation>(db, DELEGATIONS_COLLECTION, { fromStaffId }), at);
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
