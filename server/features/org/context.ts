/** The change context of an action: the ledger actor is the caller's salted staff reference. */
import { saltedRef } from '../../platform/crypto';
import type { Call } from '../../router/types';
import type { Conferrer } from '../../org/conferral';
import { hasRole, staffActorRef, type StaffPrincipal } from '../../org/principal';
import type { ChangeContext } from '../../org/units';

export function staffOf(call: Call): StaffPrincipal {
  if (!call.staff) throw new Error('staff action without a staff principal');
  return call.staff;
}

/** The caller as a conferrer of roles (server/org/conferral.ts): identity only from the context. */
export function conferrerOf(call: Call): Conferrer {
  const me = staffOf(call);
  return { kind: 'staff', staffId: me.staffId, isAdmin: hasRole(me, 'admin') };
}

export function changeContext(call: Call): ChangeContext {
  const actor = call.staff
    ? staffActorRef(call.staff.staffId)
    : saltedRef('openid', call.caller.openid ?? '');
  return { db: call.db, actor, now: call.now, ids: call.ids };
}

export const list = <T>(items: T[]) => ({ items, total: items.length, totalCapped: false, nextCursor: null });
