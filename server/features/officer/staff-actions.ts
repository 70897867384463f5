/**
 * Administrators keep the officer register: add, correct, hold back (暂扣), reinstate, revoke (吊销, a sanction),
 * cancel (注销: transfer, retirement; no sanction) (PUB-2, PUB-4: the public list and verification read it). Every
 * change goes through commitChange, so it is on the ledger with a salted actor.
 * Lifecycle: active ⇄ suspended → revoked | cancelled; both are final (a new certificate is a new record). Each
 * of 暂扣, 吊销 and 注销 records its reason and the day it took effect, which the public result shows.
 */
import * as decl from '../../../core/contract/officer';
import { toShanghaiDate } from '../../../core/calendar/civilDate';
import type { StoredOfficerStatus } from '../../../core/officer/status';
import { AppError, invalid, notFound, precondition } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { stateOf } from '../../platform/docs';
import { getAccount } from '../../org/accounts';
import { checkOfficerLink } from '../../org/conferral';
import { hasRole, staffActorRef } from '../../org/principal';
import { getUnit } from '../../org/units';
import { randomCode } from '../../platform/crypto';
import { handle, type Call } from '../../router/types';
import { officerBadgeCode } from './badge';
import {
  findOfficerById,
  officerIdForCertNo,
  OFFICERS_COLLECTION,
  toAdminView,
  type OfficerRecord,
} from './repository';

function actorOf(call: Call): string {
  return staffActorRef(call.staff!.staffId);
}

function checkValidity(validFrom: string, validUntil: string): void {
  if (validFrom > validUntil) throw invalid({ 'payload.validUntil': '有效期至不能早于发证日期' });
}

/**
 * Linking a certificate to an account makes it govern the account's `officer` role (role-filter.ts), so it is a
 * conferral like a grant (server/org/conferral.ts): never onto the administrator's own account, never a suspended
 * one.
 */
async function checkStaffLink(call: Call, staffId: string | null | undefined): Promise<void> {
  if (!staffId) return;
  const account = await getAccount(call.db, staffId);
  if (!account) throw invalid({ 'payload.staffId': '未找到该工作人员账号' });
  const me = call.staff!;
  checkOfficerLink({ kind: 'staff', staffId: me.staffId, isAdmin: hasRole(me, 'admin') }, account);
}

async function requireOfficer(call: Call, id: string): Promise<OfficerRecord> {
  const officer = await findOfficerById(call.db, id);
  if (!officer) throw notFound('未找到该执法人员');
  return officer;
}

async function save(call: Call, verb: string, next: OfficerRecord, expectedRev: number | null) {
  const state = stateOf(next);
  const [committed] = await commitChange(call.db, {
    actor: actorOf(call),
    action: `officer.${verb}`,
    at: call.now,
    entities: [{ collection: OFFICERS_COLLECTION, id: next._id, expectedRev, state }],
  });
  return toAdminView({ ...next, _rev: committed!.rev }, call.now);
}

export const officerAdd = handle(decl.officerAdd, async (input, call) => {
  checkValidity(input.validFrom, input.validUntil);
  await checkStaffLink(call, input.staffId);
  let unitName = input.unitName;
  if (!unitName) {
    const unit = await getUnit(call.db, input.unitId);
    if (!unit) throw invalid({ 'payload.unitId': '未找到该单位' });
    unitName = unit.name;
  }
  const id = officerIdForCertNo(input.certNo);
  if (await findOfficerById(call.db, id)) throw new AppError('CONFLICT', '该执法证号已登记');
  const officer: OfficerRecord = {
    _id: id,
    _rev: 0,
    certNo: input.certNo,
    name: input.name,
    unitId: input.unitId,
    unitName,
    status: 'active',
    statusReason: null,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    staffId: input.staffId ?? null,
    statusDate: null,
    field: input.field ?? null,
    area: input.area ?? null,
    photoFileId: input.photoFileId ?? null,
    shortId: randomCode(8),
    createdAt: call.now,
    updatedAt: call.now,
  };
  return save(call, 'add', officer, null);
});

export const officerUpdate = handle(decl.officerUpdate, async (input, call) => {
  const current = await requireOfficer(call, input.officerId);
  const { officerId: _id, ...changes } = input;
  const next: OfficerRecord = { ...current, updatedAt: call.now };
  if (changes.name !== undefined) next.name = changes.name;
  if (changes.unitId !== undefined) next.unitId = changes.unitId;
  if (changes.unitName !== undefined) next.unitName = changes.unitName;
  if (changes.validFrom !== undefined) next.validFrom = changes.validFrom;
  if (changes.validUntil !== undefined) next.validUntil = changes.validUntil;
  if (changes.field !== undefined) next.field = changes.field;
  if (changes.area !== undefined) next.area = changes.area;
  if (changes.photoFileId !== undefined) next.photoFileId = changes.photoFileId;
  if (changes.staffId !== undefined) {
    await checkStaffLink(call, changes.staffId);
    next.staffId = changes.staffId;
  }
  checkValidity(next.validFrom, next.validUntil);
  return save(call, 'update', next, current._rev);
});

/**
 * The day a 暂扣 / 吊销 / 注销 took effect: as given (the decision's date), else today in Shanghai. Never later
 * than today (the public would read a certificate as no longer valid before it is) nor before the certificate's
 * start.
 */
function effectiveDate(given: string | undefined, current: OfficerRecord, now: Date): string {
  const today = toShanghaiDate(now);
  const date = given ?? today;
  if (date > today) throw invalid({ 'payload.date': '生效日期不能晚于今天' });
  if (date < current.validFrom) throw invalid({ 'payload.date': '生效日期不能早于发证日期' });
  return date;
}

/**
 * One status transition: which states it starts from, where it goes, how it is refused otherwise. `also` admits
 * a further record (the one correction below).
 */
function transition(
  verb: string,
  from: StoredOfficerStatus[],
  to: StoredOfficerStatus,
  refusal: string,
  also: (o: OfficerRecord) => boolean = () => false,
) {
  return async (input: { officerId: string; reason?: string; date?: string }, call: Call) => {
    const current = await requireOfficer(call, input.officerId);
    if (!from.includes(current.status) && !also(current)) throw precondition(refusal);
    const next: OfficerRecord = {
      ...current,
      status: to,
      statusReason: input.reason ?? null,
      statusDate: to === 'active' ? null : effectiveDate(input.date, current, call.now),
      updatedAt: call.now,
    };
    return save(call, verb, next, current._rev);
  };
}

export const officerSuspend = handle(
  decl.officerSuspend,
  transition('suspend', ['active'], 'suspended', '只有状态为有效的执法证可以暂扣'),
);

export const officerReinstate = handle(
  decl.officerReinstate,
  transition('reinstate', ['suspended'], 'active', '只有已暂扣的执法证可以恢复；已吊销或已注销的不能恢复'),
);

export const officerRevoke = handle(
  decl.officerRevoke,
  transition('revoke', ['active', 'suspended'], 'revoked', '该执法证已吊销或已注销'),
);

/**
 * Before 注销 existed, a transfer or retirement could only be recorded as 吊销. Such a record (revoked, with no
 * status date: only records from before dates were kept) may be corrected to 注销 with its real date and reason;
 * a revocation recorded since then is a sanction and stays one. The correction is on the ledger like any change.
 */
const legacyRevocation = (o: OfficerRecord) => o.status === 'revoked' && o.statusDate === null;

export const officerCancel = handle(
  decl.officerCancel,
  transition('cancel', ['active', 'suspended'], 'cancelled', '该执法证已吊销或已注销', legacyRevocation),
);

export const officerStaffActions = {
  'officer.add': officerAdd,
  'officer.update': officerUpdate,
  'officer.suspend': officerSuspend,
  'officer.reinstate': officerReinstate,
  'officer.revoke': officerRevoke,
  'officer.cancel': officerCancel,
  'officer.badgeCode': officerBadgeCode,
};
