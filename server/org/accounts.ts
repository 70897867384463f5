/** Staff accounts: who works in which unit and section, bound to one WeChat identity (by salted reference). */
import type { Role, RoleGrant } from '../../core/org/roles';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { saltedRef } from '../platform/crypto';
import { findAll, firstMatch, getDoc, stateOf } from '../platform/docs';
import type { ChangeContext } from './change';

export const STAFF_COLLECTION = 'staff_accounts';
/**
 * One document per bound WeChat identity, `_id` = the identity's salted reference, inserted in the binding's
 * transaction: a second binding of the same identity (even a concurrent one) fails on the duplicate `_id`.
 */
export const STAFF_IDENTITIES_COLLECTION = 'staff_identities';

export interface StaffAccount {
  _id: string;
  _rev: number;
  /** Staff names are not secret (officers' names are published, PUB-2); kept for the organisation pages. */
  name: string;
  unitId: string;
  sectionId: string | null;
  roles: RoleGrant[];
  status: 'active' | 'suspended';
  /** Salted reference of the bound openid; null until an invitation is used. */
  openidRef: string | null;
  officerId: string | null;
  boundAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function findAccountByOpenid(db: Database, openid: string): Promise<StaffAccount | null> {
  return firstMatch<StaffAccount>(db, STAFF_COLLECTION, { openidRef: saltedRef('openid', openid) });
}

export const getAccount = (db: Database, staffId: string) =>
  getDoc<StaffAccount>(db, STAFF_COLLECTION, staffId);

/** Every active account (a few hundred at most). */
export const activeAccounts = (db: Database) =>
  findAll<StaffAccount>(db, STAFF_COLLECTION, { status: 'active' });

/** The accounts of a unit, or (no unit) every active or suspended account. */
export function listAccounts(db: Database, unitId?: string): Promise<StaffAccount[]> {
  const filter = unitId ? { unitId } : { status: db.command.in(['active', 'suspended']) };
  return findAll<StaffAccount>(db, STAFF_COLLECTION, filter);
}

export async function requireAccount(db: Database, staffId: string): Promise<StaffAccount> {
  const account = await getAccount(db, staffId);
  if (!account) throw new AppError('NOT_FOUND', '未找到该工作人员账号');
  return account;
}

/** A grant held by the account itself (not through a delegation). */
export function holdsGrant(account: StaffAccount, role: Role, unitId: string): boolean {
  return account.roles.some((g) => g.role === role && g.unitId === unitId);
}

export function isActive(account: StaffAccount | null): account is StaffAccount {
  return !!account && account.status === 'active';
}

/** Writes a changed account through the ledger; `change` is applied to the stored state. */
export async function updateAccount(
  c: ChangeContext,
  account: StaffAccount,
  action: string,
  change: Partial<Omit<StaffAccount, '_id' | '_rev'>>,
): Promise<StaffAccount> {
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action,
    at: c.now,
    entities: [
      {
        collection: STAFF_COLLECTION,
        id: account._id,
        expectedRev: account._rev,
        state: { ...stateOf(account), ...change, updatedAt: c.now },
      },
    ],
  });
  return done!.doc as unknown as StaffAccount;
}

/** Suspension takes effect on the account's next call: the router loads the account on every call. */
export async function setAccountStatus(
  c: ChangeContext,
  staffId: string,
  status: StaffAccount['status'],
): Promise<StaffAccount> {
  const account = await requireAccount(c.db, staffId);
  if (account.status === status) {
    throw new AppError(
      'PRECONDITION_FAILED',
      status === 'suspended' ? '该账号已是停用状态' : '该账号未被停用',
    );
  }
  return updateAccount(c, account, status === 'suspended' ? 'staff.suspend' : 'staff.reinstate', { status });
}
