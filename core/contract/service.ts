/**
 * Enrolment in electronic service (送达地址确认书; 行政处罚法 Art. 61; REC-7, REC-16; docs/service.md): the officer's
 * `staff` actions service.invite / confirm / revoke / enrolment / enrolments, and the party's `citizen` actions
 * service.enrolStart / enrolCode / enrolIdentify / consent / refuse / withdrawConsent / myEnrolments. The serving
 * actions are declared in service-documents.ts. zod/mini: the pages check their forms with the same rules.
 */
import * as z from 'zod/mini';
import {
  ACTING_AS,
  CONSENT_SCOPES,
  ENROLMENT_ID_PATTERN,
  type ActingAs,
  type ConsentScope,
  type EnrolmentState,
  type IdentityForm,
} from '../service/enrolment';
import type { PartyKind } from '../case/stages';
import { CASE_ID_PATTERN, RECORD_ID_PATTERN } from './case';
import { declareAction } from './declare';
import { withLabels } from './labels';

const enrolmentId = z.string().check(z.regex(ENROLMENT_ID_PATTERN, '电子送达确认编号不正确，请重新扫码'));
const caseId = z.string().check(z.regex(CASE_ID_PATTERN, '案件编号不正确'));
const recordId = (label: string) => z.string().check(z.regex(RECORD_ID_PATTERN, `${label}编号不正确`));
const text = (min: number, max: number, label: string) =>
  z.string().check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

/** A mainland mobile number: the SMS notices go to it. */
export const SERVICE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

const LABELS = {
  enrolmentId: '电子送达确认编号',
  caseId: '案件编号',
  code: '验证码',
  name: '姓名或名称',
  idLast4: '身份证件号码后四位',
  creditCode: '统一社会信用代码',
  actingAs: '办理人身份',
  actingName: '办理人姓名',
  authorisation: '授权委托书',
  scope: '同意范围',
  phone: '接收提醒短信的手机号码',
  agreed: '同意',
  subscribe: '订阅消息提醒',
  confirmationRecordId: '送达地址确认书',
  avRecordId: '签署过程录像',
  reason: '原因',
} as const;

// ---- inputs -------------------------------------------------------------------------------------------------

export const serviceInviteInput = withLabels(z.strictObject({ caseId }), LABELS);
export const serviceEnrolmentIdInput = withLabels(z.strictObject({ enrolmentId }), LABELS);
export const serviceEnrolmentsInput = withLabels(z.strictObject({ caseId }), LABELS);

export const serviceEnrolCodeInput = withLabels(
  z.strictObject({
    enrolmentId,
    code: z.string().check(
      z.overwrite((v) => v.replace(/\s/g, '')),
      z.regex(/^\d{6}$/, '请填写执法人员告知的 6 位数字验证码'),
    ),
  }),
  LABELS,
);

/**
 * Identity details: a person their name and the last 4 characters of the ID number; an organisation its credit
 * code and who acts (the legal representative, or an agent with an authorisation); a party without a number
 * (无照经营者) its name only. Which form applies is told by service.enrolStart (`identityForm`).
 */
export const serviceIdentifyInput = withLabels(
  z
    .strictObject({
      enrolmentId,
      name: text(2, 100, '姓名或名称'),
      idLast4: z.optional(
        z.string().check(
          z.overwrite((v) => v.trim().toUpperCase()),
          z.regex(/^\d{3}[\dX]$/, '请填写身份证件号码的后四位（数字，最后一位可以是 X）'),
        ),
      ),
      creditCode: z.optional(
        z.string().check(
          z.overwrite((v) => v.trim().toUpperCase()),
          z.maxLength(40),
        ),
      ),
      actingAs: z.optional(z.enum(ACTING_AS, '请选择办理人身份')),
      actingName: z.optional(text(2, 40, '办理人姓名')),
      authorisation: z.optional(text(2, 100, '授权委托书')),
    })
    .check(
      z.refine((v) => v.actingAs !== 'agent' || !!v.authorisation, {
        message: '代理人办理须填写授权委托书的编号或说明，并向执法人员出示原件',
        path: ['authorisation'],
      }),
      z.refine((v) => !v.actingAs || v.actingAs === 'self' || !!v.actingName, {
        message: '请填写办理人姓名',
        path: ['actingName'],
      }),
    ),
  LABELS,
);
export type ServiceIdentifyInput = z.infer<typeof serviceIdentifyInput>;

export const serviceConsentInput = withLabels(
  z.strictObject({
    enrolmentId,
    scope: z.enum(CONSENT_SCOPES, '请选择同意电子送达的范围'),
    phone: z.string().check(
      z.overwrite((v) => v.replace(/\s/g, '')),
      z.minLength(1, '请填写接收提醒短信的手机号码'),
      z.regex(SERVICE_PHONE_PATTERN, '请填写正确的 11 位手机号码'),
    ),
    agreed: z.literal(true, '请阅读送达地址确认书并勾选同意'),
    /**
     * The party's answer to wx.requestSubscribeMessage for the service-notice template (`noticeTemplate` of the
     * view): `accept` or `reject`; absent when the page could not ask (e.g. an old client): then no subscribe
     * message is sent, the SMS still is.
     */
    subscribe: z.optional(z.enum(['accept', 'reject'], '订阅消息的选择不正确')),
  }),
  LABELS,
);
export type ServiceConsentInput = z.infer<typeof serviceConsentInput>;

export const serviceConfirmInput = withLabels(
  z.strictObject({
    enrolmentId,
    /** The signed 确认书 (paper scan or the enforcement terminal's e-signature), registered with record.register. */
    confirmationRecordId: recordId('送达地址确认书记录'),
    /** The AV of the signing (seed recording rules Art. 16(四)). */
    avRecordId: recordId('签署过程录像记录'),
  }),
  LABELS,
);

export const serviceRevokeInput = withLabels(
  z.strictObject({ enrolmentId, reason: text(2, 200, '撤销原因') }),
  LABELS,
);

// ---- answers ------------------------------------------------------------------------------------------------

export interface EnrolmentTimelineLine {
  step: string;
  label: string;
  at: string;
  by: 'party' | 'staff';
}

/** What the party sees: before the right code only the authority and what electronic service covers. */
export interface EnrolmentPartyView {
  id: string;
  status: EnrolmentState;
  statusLabel: string;
  /** The case's enforcement body. */
  authority: string;
  documentScope: string;
  /** Until when the party may complete the steps (ISO). */
  expiresAt: string;
  expired: boolean;
  triesLeft: number;
  identityForm: IdentityForm;
  /** After the right code: the case and the party it names. */
  caseNo: string | null;
  partyName: string | null;
  /** After the identity check: the 确认书 text for each scope the party may choose. */
  consentTexts: Record<ConsentScope, string[]> | null;
  scope: ConsentScope | null;
  phoneMasked: string | null;
  /**
   * After the identity check: the subscribe-message template to ask for with wx.requestSubscribeMessage at
   * consent (`longTerm` where the mini-program's category allows a long-term one, else `oneTime`).
   */
  noticeTemplate?: { kind: 'longTerm' | 'oneTime'; templateId: string } | null;
  /** Which subscribe grant the party gave at consent (null: none; SMS only). */
  subscribeGrant?: 'longTerm' | 'oneTime' | null;
  timeline: EnrolmentTimelineLine[];
}

/** What the officer sees to confirm the match (the details as typed, to compare with the documents shown). */
export interface EnrolmentStaffView {
  id: string;
  caseId: string;
  caseNo: string;
  partyId: string;
  partyName: string;
  partyKind: PartyKind;
  status: EnrolmentState;
  statusLabel: string;
  expiresAt: string;
  expired: boolean;
  wrongTries: number;
  triesLeft: number;
  identity: {
    form: IdentityForm;
    name: string;
    actingAs: ActingAs | null;
    actingName: string | null;
    authorisation: string | null;
  } | null;
  scope: ConsentScope | null;
  phoneMasked: string | null;
  confirmation: { recordId: string; avRecordId: string } | null;
  timeline: EnrolmentTimelineLine[];
  allowedSteps: string[];
}

export interface ServiceInvitation {
  enrolmentId: string;
  /** The 6-digit code the officer reads out: shown once, only its salted hash is stored. */
  code: string;
  expiresAt: string;
  /** The mini-program code: its page and scene, and the PNG (base64) from wxacode.getUnlimited. */
  page: string;
  scene: string;
  contentType: 'image/png';
  imageBase64: string;
  caseNo: string;
  partyName: string;
}

// ---- declarations -------------------------------------------------------------------------------------------

const staff = { fn: 'staff', access: 'staff', roles: ['officer', 'reviewer', 'principal'] } as const;
const citizen = { fn: 'citizen', access: 'citizen' } as const;

export const serviceInvite = declareAction<ServiceInvitation>()({
  ...staff,
  name: 'service.invite',
  idempotent: true,
  ids: 'request',
  input: serviceInviteInput,
});
export const serviceConfirm = declareAction<EnrolmentStaffView>()({
  ...staff,
  name: 'service.confirm',
  idempotent: true,
  input: serviceConfirmInput,
});
export const serviceRevoke = declareAction<EnrolmentStaffView>()({
  ...staff,
  name: 'service.revoke',
  idempotent: true,
  input: serviceRevokeInput,
});
export const serviceEnrolment = declareAction<EnrolmentStaffView>()({
  ...staff,
  name: 'service.enrolment',
  input: serviceEnrolmentIdInput,
});
export const serviceEnrolments = declareAction<{ items: EnrolmentStaffView[] }>()({
  ...staff,
  name: 'service.enrolments',
  input: serviceEnrolmentsInput,
});

export const serviceEnrolStart = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.enrolStart',
  input: serviceEnrolmentIdInput,
});
export const serviceEnrolCode = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.enrolCode',
  idempotent: true,
  input: serviceEnrolCodeInput,
});
export const serviceEnrolIdentify = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.enrolIdentify',
  idempotent: true,
  input: serviceIdentifyInput,
});
export const serviceConsent = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.consent',
  idempotent: true,
  input: serviceConsentInput,
});
export const serviceRefuse = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.refuse',
  idempotent: true,
  input: serviceEnrolmentIdInput,
});
export const serviceWithdrawConsent = declareAction<EnrolmentPartyView>()({
  ...citizen,
  name: 'service.withdrawConsent',
  idempotent: true,
  input: serviceEnrolmentIdInput,
});
export const serviceMyEnrolments = declareAction<{ items: EnrolmentPartyView[] }>()({
  ...citizen,
  name: 'service.myEnrolments',
  input: z.strictObject({}),
});

export const SERVICE_ENROL_STAFF_ACTIONS = [
  serviceInvite,
  serviceConfirm,
  serviceRevoke,
  serviceEnrolment,
  serviceEnrolments,
] as const;
export const SERVICE_ENROL_CITIZEN_ACTIONS = [
  serviceEnrolStart,
  serviceEnrolCode,
  serviceEnrolIdentify,
  serviceConsent,
  serviceRefuse,
  serviceWithdrawConsent,
  serviceMyEnrolments,
] as const;
