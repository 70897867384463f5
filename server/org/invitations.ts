/**
 * Staff invitations: 100-bit random codes shown as XXXX-XXXX-XXXX-XXXX-XXXX in an
 * alphabet without look-alike characters, stored only as a keyed hash (the document id), single-use, expiring,
 * and attempt-limited per caller identity. Inviting creates the account (unbound); binding links it to the
 * caller's WeChat identity, in one ledgered transaction.
 */
import type { Role } from '../../core/org/roles';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import { randomCode, saltedRef } from '../platform/crypto';
import { isDuplicateWrite } from '../platform/db-errors';
import { requireAccount, STAFF_COLLECTION, STAFF_IDENTITIES_COLLECTION, type StaffAccount } from './accounts';
import { consumeRateLimit, type RateLimit } from '../security/rate-limit';
import { checkInvitation, type Conferrer } from './conferral';
import { findAll, getDoc, stateOf } from '../platform/docs';
import { requireSection, requireUnit, type ChangeContext } from './units';

export const INVITATIONS_COLLECTION = 'staff_invitations';
export const DEFAULT_INVITATION_DAYS = 7;

/**
 * Binding attempts per WeChat identity. Every attempt takes a slot atomically BEFORE the code is looked at (a
 * conditional increment in the database), so any number of concurrent wrong codes evaluates at most `limit` of
 * them. Counting successes too costs a real person nothing: a bound identity cannot bind again. Why per identity
 * and not per invitation: a wrong code names no invitation, so there is nothing to lock; the code's 100 bits do
 * the rest even against an attacker with many identities.
 */
export const BIND_ATTEMPTS: RateLimit = {
  scope: 'staff.bind',
  limit: 5,
  windowMs: 3600_000,
  message: '邀请码尝试次数过多，请一小时后再试或联系系统管理员',
};
/** 20 symbols of a 32-letter alphabet = 100 bits. */
const CODE_GROUPS = 5;
const GROUP_LENGTH = 4;
const CODE_ALPHABET = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]+$/;

export interface Invitation {
  _id: string;
  _rev: number;
  staffId: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** Set when a newer code was issued for the same account (the old one may have been lost or seen). */
  revokedAt?: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface InviteInput {
  /** The operator's own id for the account (an organisation chart's); staff-made invitations get a derived one. */
  staffId?: string;
  name: string;
  unitId: string;
  sectionId?: string | null;
  roles: Role[];
  expiresInDays?: number;
}

export interface CreatedInvitation {
  /** Shown once; only its hash is stored. */
  code: string;
  staffId: string;
  expiresAt: Date;
}

/** Upper case, without separators and spaces people type or paste. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

function formatCode(raw: string): string {
  return raw.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** The stored id: a keyed hash (deployment secret), so even a copy of the database cannot test codes offline. */
export function invitationIdOf(code: string): string {
  return 'inv_' + saltedRef('invite', normaliseCode(code)).split(':')[1];
}

/**
 * Creates the account (unbound) and its invitation. Who may invite with which roles is conferral.ts's rule: an
 * administrator never with reviewer/principal/admin (granted after binding, with a second administrator's
 * approval); the operator CLI may, as it creates the first administrators.
 */
export async function createInvitation(
  c: ChangeContext,
  by: Conferrer,
  input: InviteInput,
): Promise<CreatedInvitation> {
  const roles = [...new Set(input.roles)];
  checkInvitation(by, roles);
  await requireUnit(c.db, input.unitId);
  const sectionId = input.sectionId ?? null;
  if (sectionId && (await requireSection(c.db, sectionId)).unitId !== input.unitId) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '所选科室不属于该单位' });
  }
  const staffId = by.kind === 'operator' && input.staffId ? input.staffId : c.ids.newId('stf');
  const { code, expiresAt, invitation } = newInvitation(c, staffId, input.expiresInDays);
  const account: Omit<StaffAccount, '_id' | '_rev'> = {
    name: input.name,
    unitId: input.unitId,
    sectionId,
    roles: roles.map((role) => ({ role, unitId: input.unitId })),
    status: 'active',
    openidRef: null,
    officerId: null,
    boundAt: null,
    createdAt: c.now,
    updatedAt: c.now,
  };
  await commitChange(c.db, {
    actor: c.actor,
    action: 'staff.invite',
    at: c.now,
    entities: [
      { collection: STAFF_COLLECTION, id: staffId, expectedRev: null, state: account },
      { collection: INVITATIONS_COLLECTION, id: invitationIdOf(code), expectedRev: null, state: invitation },
    ],
  });
  return { code, staffId, expiresAt };
}

/** A fresh code (shown once) and the invitation stored under its keyed hash. */
function newInvitation(c: ChangeContext, staffId: string, days = DEFAULT_INVITATION_DAYS) {
  const code = formatCode(randomCode(CODE_GROUPS * GROUP_LENGTH));
  const expiresAt = new Date(c.now.getTime() + days * 86_400_000);
  const invitation: Omit<Invitation, '_id' | '_rev'> = {
    staffId,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdBy: c.actor,
    createdAt: c.now,
    updatedAt: c.now,
  };
  return { code, expiresAt, invitation };
}

/**
 * A new code for an account that is not bound yet (the first code was lost, never passed on, or expired). Every
 * earlier unused code of the account stops working in the same transaction, so at most one code is ever live.
 */
export async function reissueInvitation(
  c: ChangeContext,
  by: Conferrer,
  staffId: string,
  expiresInDays = DEFAULT_INVITATION_DAYS,
): Promise<CreatedInvitation> {
  const account = await requireAccount(c.db, staffId);
  if (account.openidRef) throw new AppError('PRECONDITION_FAILED', '该账号已绑定微信，无需重新邀请');
  if (account.status !== 'active') throw new AppError('PRECONDITION_FAILED', '该账号已停用，请先恢复再邀请');
  // The same rule as a new invitation: whoever receives the code gets the account's roles.
  checkInvitation(
    by,
    account.roles.map((g) => g.role),
  );
  const earlier = await findAll<Invitation>(c.db, INVITATIONS_COLLECTION, { staffId });
  const { code, expiresAt, invitation } = newInvitation(c, staffId, expiresInDays);
  await commitChange(c.db, {
    actor: c.actor,
    action: 'staff.reinvite',
    at: c.now,
    entities: [
      ...earlier
        .filter((inv) => !inv.usedAt && !inv.revokedAt)
        .map((inv) => ({
          collection: INVITATIONS_COLLECTION,
          id: inv._id,
          expectedRev: inv._rev,
          state: { ...stateOf(inv), revokedAt: c.now, updatedAt: c.now },
        })),
      { collection: INVITATIONS_COLLECTION, id: invitationIdOf(code), expectedRev: null, state: invitation },
    ],
  });
  return { code, staffId, expiresAt };
}

/** Binds the caller's WeChat identity with an invitation code; every attempt counts against the identity. */
export async function bindInvitation(c: ChangeContext, openid: string, code: string): Promise<StaffAccount> {
  const openidRef = saltedRef('openid', openid);
  await consumeRateLimit(c.db, BIND_ATTEMPTS, openidRef, c.now);
  const normalised = normaliseCode(code);
  const wellFormed = normalised.length === CODE_GROUPS * GROUP_LENGTH && CODE_ALPHABET.test(normalised);
  const invitation = wellFormed
    ? await getDoc<Invitation>(c.db, INVITATIONS_COLLECTION, invitationIdOf(normalised))
    : null;
  if (!invitation)
    throw new AppError('INVALID_INPUT', '邀请码不正确', {
      'payload.inviteCode': '邀请码不正确，请核对后重新输入',
    });
  if (invitation.usedAt) throw new AppError('CONFLICT', '该邀请码已被使用，请联系系统管理员');
  if (invitation.revokedAt) {
    throw new AppError('PRECONDITION_FAILED', '该邀请码已作废（已重新生成邀请码），请使用最新的邀请码');
  }
  if (c.now.getTime() >= new Date(invitation.expiresAt).getTime()) {
    throw new AppError('PRECONDITION_FAILED', '邀请码已过期，请联系系统管理员重新邀请');
  }
  const account = await requireAccount(c.db, invitation.staffId);
  if (account.openidRef) throw new AppError('CONFLICT', '该工作人员账号已绑定其他微信');
  try {
    const done = await commitChange(c.db, {
      actor: openidRef,
      action: 'staff.bind',
      at: c.now,
      entities: [
        {
          collection: INVITATIONS_COLLECTION,
          id: invitation._id,
          expectedRev: invitation._rev,
          state: { ...stateOf(invitation), usedAt: c.now, updatedAt: c.now },
        },
        {
          collection: STAFF_COLLECTION,
          id: account._id,
          expectedRev: account._rev,
          state: { ...stateOf(account), openidRef, boundAt: c.now, updatedAt: c.now },
        },
      ],
      inserts: [
        {
          collection: STAFF_IDENTITIES_COLLECTION,
          id: 'oid_' + openidRef.split(':')[1],
          doc: { staffId: account._id, boundAt: c.now },
        },
      ],
    });
    return done[1]!.doc as unknown as StaffAccount;
  } catch (err) {
    // Lost a race: the code was used meanwhile, or this identity bound another invitation at the same moment.
    if (isDuplicateWrite(err)) throw new AppError('CONFLICT', '您的微信已绑定工作人员账号');
    if (err instanceof AppError && err.code === 'CONFLICT')
      throw new AppError('CONFLICT', '该邀请码已被使用，请联系系统管理员');
    throw err;
  }
}
