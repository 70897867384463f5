/** Staff accounts: who works in which unit and section, bound to one WeChat identity (by salted reference). */
import type { RoleGrant } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import { saltedRef } from '../platform/crypto';

export const STAFF_COLLECTION = 'staff_accounts';

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
  createdAt: Date;
  updatedAt: Date;
}

export async function findAccountByOpenid(db: Database, openid: string): Promise<StaffAccount | null> {
  const res = await db
    .collection(STAFF_COLLECTION)
    .where({ openidRef: saltedRef('openid', openid) })
    .limit(1)
    .get();
  return ((res.data ?? []) as StaffAccount[])[0] ?? null;
}
