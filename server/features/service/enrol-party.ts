/**
 * The party's side of enrolment in electronic service (docs/service.md; 行政处罚法 Art. 61; REC-7, REC-16): scan
 * (`service.enrolStart`: the authority and what electronic service covers), the code read out by the officer
 * (`service.enrolCode`: five wrong codes lock the enrolment), identity details checked against the sealed party
 * (`service.enrolIdentify`: a person's name and the last four of the ID number, or an organisation's credit code
 * through the blind index and the acting person), the 送达地址确认书 with the scope chosen and a phone for SMS
 * notices (`service.consent`), or a refusal that means paper service (`service.refuse`); later the withdrawal of
 * consent (`service.withdrawConsent`). Every try is an act on the enrolment's chain; the code is never stored,
 * echoed or logged.
 */
import { timingSafeEqual } from 'node:crypto';
import * as decl from '../../../core/contract/service';
import { validatePartyId } from '../../../core/party/ids';
import {
  expiredFor,
  maskPhone,
  MAX_ENROLMENT_TRIES,
  sameLast4,
  sameName,
} from '../../../core/service/enrolment';
import { AppError } from '../../errors';
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { openPersonalData, sealPersonalData } from '../../privacy';
import { handle, type Call } from '../../router/types';
import { partySealRef } from '../case/model';
import { blindIndexOf, getParty } from '../case/parties';
import { bindingsOfCaller, storedBinding } from './bindings';
import {
  enrolmentSealRef,
  ENROLMENTS_COLLECTION,
  partyView,
  type EnrolmentDoc,
  type EnrolmentSecret,
} from './enrol-model';
import { endBinding, enrolmentStep, onFreshEnrolment, partyActor } from './enrol-steps';
import { enrolCodeHash } from './enrol-staff';
import { noticeTemplate } from './notify';

const EXPIRED = '该电子送达确认邀请已过期，请执法人员重新生成';
const LOCKED = '错误次数过多，该电子送达确认已锁定，请执法人员撤销后重新邀请';

function refuseUnlessOpen(e: EnrolmentDoc, now: Date, states: readonly string[]): void {
  if (e.status === 'locked') throw new AppError('PRECONDITION_FAILED', LOCKED);
  if (!states.includes(e.status)) throw new AppError('PRECONDITION_FAILED', '当前状态下不能进行此操作');
  if (expiredFor({ ...e, createdAt: new Date(e.createdAt).toISOString() }, now))
    throw new AppError('PRECONDITION_FAILED', EXPIRED);
}

const triesLeftMessage = (wrong: number) =>
  wrong >= MAX_ENROLMENT_TRIES ? LOCKED : `还可以尝试 ${MAX_ENROLMENT_TRIES - wrong} 次`;

/** A wrong try is recorded (an act, the count up by one; the fifth locks) and then refused. */
async function recordWrongTry(
  call: Call,
  e: EnrolmentDoc,
  step: 'wrongCode' | 'wrongIdentity',
): Promise<number> {
  const done = await enrolmentStep(call, e, step, partyActor(call), {
    effect: (state) => {
      state.wrongTries = e.wrongTries + 1;
      if (state.wrongTries >= MAX_ENROLMENT_TRIES) state.status = 'locked';
    },
  });
  return done.wrongTries;
}

const serviceEnrolStart = handle(decl.serviceEnrolStart, async (input, call) => {
  const e = await getDoc<EnrolmentDoc>(call.db, ENROLMENTS_COLLECTION, input.enrolmentId);
  const actor = partyActor(call);
  // Someone else's enrolment (after its code was entered) does not exist for this caller.
  if (!e || !(e.recipientRef === null || e.recipientRef === actor.ref))
    throw new AppError('NOT_FOUND', '未找到该电子送达确认，请重新扫码或联系执法人员');
  return partyView(e, call.now);
});

const serviceEnrolCode = handle(decl.serviceEnrolCode, async (input, call) => {
  const actor = partyActor(call);
  const outcome = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    // The same identity entering the code again (a retry) sees where it stands.
    if (e.recipientRef === actor.ref) return { e, wrong: null };
    refuseUnlessOpen(e, call.now, ['invited']);
    const expected = Buffer.from(e.codeHash);
    const given = Buffer.from(enrolCodeHash(e._id, input.code));
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      const done = await enrolmentStep(call, e, 'enterCode', actor, {
        effect: (state) => {
          state.recipientRef = actor.ref;
        },
      });
      return { e: done, wrong: null };
    }
    return { e, wrong: await recordWrongTry(call, e, 'wrongCode') };
  });
  if (outcome.wrong !== null) {
    if (outcome.wrong >= MAX_ENROLMENT_TRIES) throw new AppError('PRECONDITION_FAILED', LOCKED);
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.code': `验证码不正确，${triesLeftMessage(outcome.wrong)}`,
    });
  }
  return partyView(outcome.e, call.now);
});

/** Whether the details match the party of the register: by the blind index or the sealed number, never a scan. */
async function identityMatches(
  db: Database,
  e: EnrolmentDoc,
  input: decl.ServiceIdentifyInput,
): Promise<boolean> {
  const party = await getParty(db, e.partyId);
  if (!party || !sameName(input.name, party.name)) return false;
  if (e.identityForm === 'nameOnly') return true;
  if (e.identityForm === 'organisation') {
    const checked = validatePartyId(party.idKind, input.creditCode ?? '');
    if (!checked.ok || blindIndexOf(party.idKind, checked.normalized) !== party.blindIndex) return false;
    if (input.actingAs === 'representative' && party.legalRepresentative)
      return sameName(input.actingName ?? '', party.legalRepresentative);
    return true;
  }
  if (!party.idSealed) return false;
  const opened = await openPersonalData<{ idNo: string }>(db, partySealRef(party._id), party.idSealed);
  return !!opened && sameLast4(opened.idNo, input.idLast4 ?? '');
}

/** The fields each identity form needs (named, so the page shows the message under the field). */
function missingFields(e: EnrolmentDoc, input: decl.ServiceIdentifyInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.identityForm === 'person' && !input.idLast4) out['payload.idLast4'] = '请填写身份证件号码的后四位';
  if (e.identityForm === 'organisation') {
    if (!input.creditCode) out['payload.creditCode'] = '请填写统一社会信用代码';
    if (input.actingAs !== 'representative' && input.actingAs !== 'agent')
      out['payload.actingAs'] = '请选择办理人身份：法定代表人（负责人）或代理人';
  }
  return out;
}

const serviceEnrolIdentify = handle(decl.serviceEnrolIdentify, async (input, call) => {
  const actor = partyActor(call);
  const outcome = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    if (e.recipientRef !== actor.ref) throw new AppError('PRECONDITION_FAILED', '请先输入验证码');
    refuseUnlessOpen(e, call.now, ['codeEntered', 'identified']);
    const missing = missingFields(e, input);
    if (Object.keys(missing).length) throw new AppError('INVALID_INPUT', undefined, missing);
    if (!(await identityMatches(call.db, e, input)))
      return { e, wrong: await recordWrongTry(call, e, 'wrongIdentity') };
    const secret: EnrolmentSecret = {
      name: input.name,
      actingName: e.identityForm === 'organisation' ? (input.actingName ?? null) : null,
      authorisation: input.actingAs === 'agent' ? (input.authorisation ?? null) : null,
      phone: null,
      // The one who entered the right code (recipientRef checked above): kept sealed to address the notices.
      openid: call.caller.openid!,
    };
    const sealed = await sealPersonalData(call.db, enrolmentSealRef(e._id), { ...secret }, call.now);
    const done = await enrolmentStep(call, e, 'identify', actor, {
      effect: (state) => {
        state.actingAs = e.identityForm === 'organisation' ? (input.actingAs ?? null) : 'self';
        state.secret = sealed;
      },
    });
    return { e: done, wrong: null };
  });
  if (outcome.wrong !== null) {
    if (outcome.wrong >= MAX_ENROLMENT_TRIES) throw new AppError('PRECONDITION_FAILED', LOCKED);
    throw new AppError(
      'PRECONDITION_FAILED',
      `填写的信息与案件登记的当事人信息不一致，请核对后重试（${triesLeftMessage(outcome.wrong)}）`,
    );
  }
  return partyView(outcome.e, call.now);
});

const serviceConsent = handle(decl.serviceConsent, async (input, call) => {
  const actor = partyActor(call);
  const done = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    if (e.recipientRef !== actor.ref) throw new AppError('PRECONDITION_FAILED', '请先输入验证码');
    refuseUnlessOpen(e, call.now, ['identified']);
    const before = e.secret
      ? await openPersonalData<EnrolmentSecret>(call.db, enrolmentSealRef(e._id), e.secret)
      : null;
    if (!before) throw new AppError('PRECONDITION_FAILED', '请先核对身份信息');
    const sealed = await sealPersonalData(
      call.db,
      enrolmentSealRef(e._id),
      { ...before, phone: input.phone },
      call.now,
    );
    return enrolmentStep(call, e, 'consent', actor, {
      effect: (state) => {
        state.scope = input.scope;
        state.secret = sealed;
        state.phoneMasked = maskPhone(input.phone);
        // Which subscribe grant was given (the page asked with wx.requestSubscribeMessage): none means SMS only.
        state.subscribeGrant = input.subscribe === 'accept' ? noticeTemplate().kind : null;
      },
    });
  });
  return partyView(done, call.now);
});

const serviceRefuse = handle(decl.serviceRefuse, async (input, call) => {
  const actor = partyActor(call);
  const done = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    if (e.recipientRef !== actor.ref) throw new AppError('PRECONDITION_FAILED', '请先输入验证码');
    if (e.status === 'refused') return e;
    if (e.status === 'locked') throw new AppError('PRECONDITION_FAILED', LOCKED);
    return enrolmentStep(call, e, 'refuse', actor);
  });
  return partyView(done, call.now);
});

const serviceWithdrawConsent = handle(decl.serviceWithdrawConsent, async (input, call) => {
  const actor = partyActor(call);
  const done = await onFreshEnrolment(call, input.enrolmentId, actor, async (e) => {
    if (e.status === 'withdrawn' && e.recipientRef === actor.ref) return e;
    const binding = e.recipientRef ? await storedBinding(call.db, e.partyId, e.recipientRef) : null;
    return enrolmentStep(call, e, 'withdraw', actor, {
      alsoWrite: () =>
        binding && binding.status === 'active' && binding.enrolmentId === e._id
          ? [endBinding(binding, 'withdrawn', call.now)]
          : [],
    });
  });
  return partyView(done, call.now);
});

/** The caller's consents in force (to read them again or withdraw one). */
const serviceMyEnrolments = handle(decl.serviceMyEnrolments, async (_input, call) => {
  const bindings = await bindingsOfCaller(call.db, call.caller.openid!);
  const docs = await Promise.all(
    bindings.map((b) => getDoc<EnrolmentDoc>(call.db, ENROLMENTS_COLLECTION, b.enrolmentId)),
  );
  return {
    items: docs.filter((d): d is EnrolmentDoc => !!d).map((d) => partyView(d, call.now)),
  };
});

export const serviceEnrolCitizenActions = {
  'service.enrolStart': serviceEnrolStart,
  'service.enrolCode': serviceEnrolCode,
  'service.enrolIdentify': serviceEnrolIdentify,
  'service.consent': serviceConsent,
  'service.refuse': serviceRefuse,
  'service.withdrawConsent': serviceWithdrawConsent,
  'service.myEnrolments': serviceMyEnrolments,
};
