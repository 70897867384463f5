/**
 * The officer's side of enrolment in electronic service (docs/service.md; 行政处罚法 Art. 61; REC-7, REC-16):
 * `service.invite` creates the enrolment for the case's party with a mini-program code and a 6-digit code read out
 * in person (only its salted hash is kept; it is shown once); `service.confirm` binds the WeChat identity after the
 * officer checked the match, with the signed 确认书 and the AV of the signing registered in the case register;
 * `service.revoke` ends an enrolment at any point; `service.enrolment(s)` show them in the case.
 */
import { randomInt } from 'node:crypto';
import * as decl from '../../../core/contract/service';
import {
  ENROLMENT_PAGE,
  ENROLMENT_VALID_MINUTES,
  ENROLMENT_WORKFLOW,
  expiredFor,
  identityFormOf,
  sceneOfEnrolment,
  staffOfEnrolment,
} from '../../../core/service/enrolment';
import { emptyWorkflow } from '../../../core/workflow/define';
import { AppError } from '../../errors';
import { createRecord } from '../../kernel/apply';
import type { EntityWrite } from '../../ledger/commit';
import { getUnit } from '../../org/units';
import { settingsForAct } from '../../settings';
import { saltedRef } from '../../platform/crypto';
import { getDoc, rowsOf, stateOf } from '../../platform/docs';
import { openPersonalData } from '../../privacy';
import { shownOnce } from '../../router/idempotency';
import { handle, type Call } from '../../router/types';
import { getUnlimitedWxaCode } from '../../wechat';
import { caseById, recordById } from '../case/lookup';
import { getParty } from '../case/parties';
import {
  activeBindingsOfParty,
  bindingIdOf,
  recipientMarker,
  SERVICE_BINDINGS_COLLECTION,
  SERVICE_RECIPIENTS_COLLECTION,
  type RecipientMarkerDoc,
  storedBinding,
  type ServiceBindingDoc,
} from './bindings';
import {
  enrolmentSealRef,
  ENROLMENTS_COLLECTION,
  staffView,
  type EnrolmentDoc,
  type EnrolmentSecret,
} from './enrol-model';
import {
  endBinding,
  enrolmentStep,
  enrolStaffActor,
  onFreshEnrolment,
  replacedEnrolment,
} from './enrol-steps';

export const enrolCodeHash = (enrolmentId: string, code: string): string =>
  saltedRef('service-enrol-code', `${enrolmentId}\u0000${code}`);

async function secretOf(call: Call, e: EnrolmentDoc): Promise<EnrolmentSecret | null> {
  return e.secret ? openPersonalData<EnrolmentSecret>(call.db, enrolmentSealRef(e._id), e.secret) : null;
}

async function viewFor(call: Call, e: EnrolmentDoc) {
  return staffView(e, await secretOf(call, e), enrolStaffActor(call.staff!), call.now);
}

/**
 * The case, if the caller may enrol its party: the enrolment's own rule (the case's officers, officers of its
 * section, its leaders) applied to the case before anything else is read; anyone else gets NOT_FOUND.
 */
async function caseOfStaff(call: Call, caseId: string) {
  const kase = await caseById(call.db, caseId);
  const rule = kase && {
    _wf: emptyWorkflow(),
    status: 'invited' as const,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    officerStaffIds: kase.officerStaffIds,
    recipientRef: null,
  };
  if (!kase || !rule || !staffOfEnrolment(enrolStaffActor(call.staff!), rule))
    throw new AppError('NOT_FOUND', '未找到该案件');
  return kase;
}

const serviceInvite = handle(decl.serviceInvite, async (input, call) => {
  const actor = enrolStaffActor(call.staff!);
  const kase = await caseOfStaff(call, input.caseId);
  if (kase.stage === 'closed')
    throw new AppError('PRECONDITION_FAILED', '案件已结案，不能再办理电子送达确认');
  const party = await getParty(call.db, kase.partyId);
  if (!party) throw new AppError('NOT_FOUND', '未找到该案件的当事人');
  const unit = await getUnit(call.db, kase.unitId);

  const id = call.ids.newId('enr', 'enrolment', 24);
  const scene = sceneOfEnrolment(id);
  // The mini-program code first: if WeChat fails, nothing is stored and the officer simply tries again.
  const png = await getUnlimitedWxaCode(call.db, {
    scene,
    page: ENROLMENT_PAGE,
    width: 430,
    checkPath: false,
    envVersion: 'release',
  });
  const settings = await settingsForAct(call.db, call.now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(call.now.getTime() + ENROLMENT_VALID_MINUTES * 60_000).toISOString();
  const state: Omit<EnrolmentDoc, '_id' | '_rev' | '_wf' | 'status' | 'updatedAt'> = {
    caseId: kase._id,
    caseNo: kase.caseNo,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    authority: unit?.name ?? '执法机关',
    partyId: party._id,
    partyKind: party.kind,
    partyName: party.name,
    identityForm: identityFormOf(party.kind, party.idKind),
    officerStaffIds: kase.officerStaffIds,
    invitedBy: actor.ref,
    codeHash: enrolCodeHash(id, code),
    expiresAt,
    serviceDateRule: settings.values.serviceDateRule,
    wrongTries: 0,
    recipientRef: null,
    actingAs: null,
    secret: null,
    phoneMasked: null,
    subscribeGrant: null,
    scope: null,
    confirmation: null,
    revokedReason: null,
    replacedBy: null,
    createdAt: call.now,
  };
  await createRecord(call.db, {
    def: ENROLMENT_WORKFLOW,
    id,
    actor,
    now: call.now,
    state,
    initialState: 'invited',
  });
  const answer: decl.ServiceInvitation = {
    enrolmentId: id,
    code,
    expiresAt,
    page: ENROLMENT_PAGE,
    scene,
    contentType: 'image/png',
    imageBase64: png.toString('base64'),
    caseNo: kase.caseNo,
    partyName: party.name,
  };
  return shownOnce(
    answer,
    { ...answer, code: '', imageBase64: '' },
    '验证码只显示一次。请撤销该邀请后重新生成。',
  );
});

/** The registered records the confirmation relies on: the signed 确认书 (a document) and its AV, of this case. */
async function confirmationRecords(
  call: Call,
  e: EnrolmentDoc,
  input: { confirmationRecordId: string; avRecordId: string },
) {
  const fields: Record<string, string> = {};
  const doc = await recordById(call.db, input.confirmationRecordId);
  if (
    !doc ||
    doc.caseId !== e.caseId ||
    doc.type !== 'document' ||
    doc.document?.docType !== 'serviceAddressConfirmation'
  )
    fields['payload.confirmationRecordId'] = '请选择本案已登记的送达地址确认书（文书种类为“送达地址确认书”）';
  const av = await recordById(call.db, input.avRecordId);
  if (!av || av.caseId !== e.caseId || av.type !== 'av')
    fields['payload.avRecordId'] = '请选择本案已登记的签署过程录像（音视频记录）';
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', undefined, fields);
}

const serviceConfirm = handle(decl.serviceConfirm, async (input, call) => {
  const actor = enrolStaffActor(call.staff!);
  const done = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    if (
      e.status === 'consented' &&
      expiredFor({ ...e, createdAt: new Date(e.createdAt).toISOString() }, call.now)
    )
      throw new AppError('PRECONDITION_FAILED', '已超过核对确认的时限，请撤销后重新邀请');
    if (e.status === 'consented') await confirmationRecords(call, e, input);
    // Read first: the marker's revision is what makes this confirmation and a concurrent one collide.
    const marker = await recipientMarker(call.db, e.partyId);
    const mine = await storedBinding(call.db, e.partyId, e.recipientRef ?? '');
    // Every other active recipient of the party is replaced: later documents go to the new one only. An earlier
    // enrolment of this same identity (a new scope, say) is replaced too; its binding is taken over below.
    const active = await activeBindingsOfParty(call.db, e.partyId);
    const others = active.filter((b) => b.recipientRef !== e.recipientRef);
    const oldEnrolments = (
      await Promise.all(
        active
          .filter((b) => b.enrolmentId !== e._id)
          .map((b) => getDoc<EnrolmentDoc>(call.db, ENROLMENTS_COLLECTION, b.enrolmentId)),
      )
    ).filter((x): x is EnrolmentDoc => !!x && x.status === 'active' && x._id !== e._id);
    return enrolmentStep(call, e, 'confirm', actor, {
      effect: (state) => {
        state.confirmation = { recordId: input.confirmationRecordId, avRecordId: input.avRecordId };
      },
      alsoWrite: () => [
        bindingWrite(e, mine, call.now),
        markerWrite(e, marker, call.now),
        ...others.map((b) => endBinding(b, 'replaced', call.now)),
        ...oldEnrolments.map((o) => replacedEnrolment(o, e._id, actor, call.now)),
      ],
    });
  });
  return viewFor(call, done);
});

function bindingWrite(e: EnrolmentDoc, existing: ServiceBindingDoc | null, now: Date): EntityWrite {
  const state: Omit<ServiceBindingDoc, '_id' | '_rev'> = {
    partyId: e.partyId,
    recipientRef: e.recipientRef!,
    caseId: e.caseId,
    scope: e.scope ?? 'case',
    status: 'active',
    enrolmentId: e._id,
    actingAs: e.actingAs ?? 'self',
    since: now,
    endedAt: null,
    unitId: e.unitId,
  };
  return {
    collection: SERVICE_BINDINGS_COLLECTION,
    id: bindingIdOf(e.partyId, e.recipientRef!),
    expectedRev: existing ? existing._rev : null,
    state: existing ? { ...stateOf(existing), ...state } : state,
  };
}

function markerWrite(e: EnrolmentDoc, existing: RecipientMarkerDoc | null, now: Date): EntityWrite {
  return {
    collection: SERVICE_RECIPIENTS_COLLECTION,
    id: e.partyId,
    expectedRev: existing ? existing._rev : null,
    state: { partyId: e.partyId, enrolmentId: e._id, recipientRef: e.recipientRef!, since: now },
  };
}

const serviceRevoke = handle(decl.serviceRevoke, async (input, call) => {
  const actor = enrolStaffActor(call.staff!);
  const done = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    const binding =
      e.status === 'active' && e.recipientRef
        ? await storedBinding(call.db, e.partyId, e.recipientRef)
        : null;
    return enrolmentStep(call, e, 'revoke', actor, {
      effect: (state) => {
        state.revokedReason = input.reason;
      },
      alsoWrite: () =>
        binding && binding.status === 'active' && binding.enrolmentId === e._id
          ? [endBinding(binding, 'revoked', call.now)]
          : [],
    });
  });
  return viewFor(call, done);
});

const serviceEnrolment = handle(decl.serviceEnrolment, async (input, call) => {
  const actor = enrolStaffActor(call.staff!);
  const e = await getDoc<EnrolmentDoc>(call.db, ENROLMENTS_COLLECTION, input.enrolmentId);
  if (!e || !staffOfEnrolment(actor, e)) throw new AppError('NOT_FOUND', '未找到该电子送达确认');
  return viewFor(call, e);
});

/** The case's enrolments, newest first (REC-7: every invitation, try, consent, refusal and change shows here). */
const serviceEnrolments = handle(decl.serviceEnrolments, async (input, call) => {
  const kase = await caseOfStaff(call, input.caseId);
  const rows = rowsOf<EnrolmentDoc>(
    await call.db
      .collection(ENROLMENTS_COLLECTION)
      .where({ caseId: kase._id })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .get(),
  );
  return { items: await Promise.all(rows.map((e) => viewFor(call, e))) };
});

export const serviceEnrolStaffActions = {
  'service.invite': serviceInvite,
  'service.confirm': serviceConfirm,
  'service.revoke': serviceRevoke,
  'service.enrolment': serviceEnrolment,
  'service.enrolments': serviceEnrolments,
};
