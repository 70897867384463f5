/** The change context of an action: the ledger actor is the caller's salted staff reference. */
import { saltedRef } from '../../platform/crypto';
import type { Call } from '../../router/types';
import type { StaffPrincipal } from '../../org/principal';
import type { ChangeContext } from '../../org/units';

export function staffOf(call: Call): StaffPrincipal {
  if (!call.staff) throw new Error('staff action without a staff principal');
  return call.staff;
}

export function changeContext(call: Call): ChangeContext {
  const actor = call.staff
    ? saltedRef('staff', call.staff.staffId)
    : saltedRef('openid', call.caller.openid ?? '');
  return { db: call.db, actor, now: call.now, idempotencyKey: call.idempotencyKey };
}

export const list = <T>(items: T[]) => ({ items, total: items.length, nextCursor: null });
