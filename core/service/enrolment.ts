/**
 * Enrolment in electronic service (送达地址确认书; 行政处罚法 Art. 61; REC-7, REC-16), on the workflow kernel: an
 * officer of the case's section invites a party of the case (a mini-program code to scan and a 6-digit code read
 * out in person); the party enters the code, confirms their identity details, reads the consent and address
 * confirmation and agrees or refuses; the officer confirms the match, with the signed 确认书 registered in the case
 * register. Only then is the WeChat identity bound to the party (server/features/service/bindings.ts). Every
 * try, consent, refusal, withdrawal and change is an act on the enrolment's own chain. Pure: time is passed in.
 * See docs/service.md.
 */
import { holdsFor } from '../org/scope';
import type { Guard, WorkflowDef, WorkflowFields } from '../workflow/define';
import type { ServiceDateRule } from './serviceDate';

export const ENROLMENT_STATES = [
  'invited',
  'codeEntered',
  'identified',
  'consented',
  'refused',
  'active',
  'locked',
  'revoked',
  'withdrawn',
  'replaced',
] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

export const ENROLMENT_STATE_LABELS: Record<EnrolmentState, string> = {
  invited: '待当事人扫码输入验证码',
  codeEntered: '待当事人核对身份',
  identified: '待当事人阅读并确认送达地址确认书',
  consented: '当事人已同意，待执法人员核对确认',
  refused: '当事人不同意电子送达（改用纸质送达）',
  active: '电子送达已生效',
  locked: '验证码错误次数过多，已锁定',
  revoked: '已被执法人员撤销',
  withdrawn: '当事人已撤回同意',
  replaced: '已由新指定的受送达人代替',
};

/** Five wrong codes (or identity details that do not match) lock the enrolment. */
export const MAX_ENROLMENT_TRIES = 5;
/** The party completes code, identity and consent within this time of the invitation. */
export const ENROLMENT_VALID_MINUTES = 30;
/** The officer confirms the match within this time of the invitation (on site, usually at once). */
export const ENROLMENT_CONFIRM_HOURS = 24;
export const ENROLMENT_CODE_LENGTH = 6;

/** The party's page the mini-program code opens (a public subpackage); it reads `scene` on load. */
export const ENROLMENT_PAGE = 'pages/service/enrol/index';

export const ENROLMENT_ID_PATTERN = /^enr_[0-9a-f]{24}$/;
/** `scene` of the mini-program code: at most 32 visible ASCII characters, so the id's hex part after `e`. */
export const ENROLMENT_SCENE_PATTERN = /^e[0-9a-f]{24}$/;
export const sceneOfEnrolment = (id: string): string => 'e' + id.slice(4);
export function enrolmentIdOfScene(scene: string): string | null {
  const s = decodeURIComponent(scene.trim());
  return ENROLMENT_SCENE_PATTERN.test(s) ? 'enr_' + s.slice(1) : null;
}

/** `case`: this case only; `party`: this case and later matters of the party until withdrawn. */
export const CONSENT_SCOPES = ['case', 'party'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  case: '仅限本案',
  party: '本案及今后其他执法事项（直至本人撤回）',
};

/** Who acts for the party: the person themself, an organisation's legal representative, or an agent. */
export const ACTING_AS = ['self', 'representative', 'agent'] as const;
export type ActingAs = (typeof ACTING_AS)[number];
export const ACTING_AS_LABELS: Record<ActingAs, string> = {
  self: '本人',
  representative: '法定代表人（负责人）',
  agent: '受委托的代理人（须有授权委托书）',
};

/** Whether the party identifies by an organisation's code and an acting person, or as a person by name and ID. */
export type IdentityForm = 'organisation' | 'person' | 'nameOnly';
export function identityFormOf(partyKind: string, idKind: string): IdentityForm {
  if (idKind === 'uscc' || idKind === 'regNo') return 'organisation';
  if (idKind === 'none') return 'nameOnly';
  return partyKind === 'organisation' ? 'organisation' : 'person';
}

/** The documents electronic service covers (what the party agrees to receive in the mini-program). */
export const DOCUMENT_SCOPE_TEXT =
  '行政执法过程中依法应当送达的法律文书，包括但不限于：行政处罚事先告知书、听证通知书、行政处罚决定书、' +
  '查封扣押决定书、责令改正通知书、催告书等。';

/** When electronic service takes effect under each rule of the legal settings (docs/service-rights.md). */
export const SERVICE_DATE_RULE_TEXTS: Record<ServiceDateRule, string> = {
  firstOpenOrAcknowledge: '本人首次打开文书或点击“确认收悉”之日（以先发生者为准）',
  acknowledge: '本人点击“确认收悉”之日',
  arrival: '文书到达本人小程序账号之日',
};

/**
 * The consent and address confirmation (送达地址确认书) in plain Chinese; `authority` is the case's unit, `rule` the
 * service-date rule in force when the party was invited (each service then states the rule fixed on it).
 */
export function consentText(input: {
  authority: string;
  caseNo: string;
  partyName: string;
  scope: ConsentScope;
  rule?: ServiceDateRule;
}): string[] {
  const scope =
    input.scope === 'case'
      ? `本确认书仅适用于${input.caseNo}案件。`
      : `本确认书适用于${input.caseNo}案件，以及${input.authority}今后对${input.partyName}办理的其他执法事项，直至本人书面或在小程序内撤回。`;
  return [
    `一、${input.partyName}同意${input.authority}通过“卫生健康执法公示”微信小程序向本人电子送达法律文书。${DOCUMENT_SCOPE_TEXT}`,
    `二、${scope}`,
    '三、送达地址：本人当前使用的微信小程序账号为电子送达地址；本人填写的手机号码用于接收送达提醒短信。',
    `四、送达日期按送达时执法机关规定的规则确定，并在送达凭证中载明；目前的规则是：以${SERVICE_DATE_RULE_TEXTS[input.rule ?? 'firstOpenOrAcknowledge']}为送达日期。相关期限自送达之日起计算。`,
    '五、本人保证所填信息真实；送达地址或手机号码变更的，应当及时告知执法机关，未告知的，按原地址送达即视为送达。',
    '六、本人可以随时撤回同意，撤回后执法机关改用纸质等其他方式送达；撤回前已经送达的文书仍然有效。',
    '七、本确认书以执法人员现场核对身份后、当事人签署的纸质或执法终端电子签名确认书为准，小程序内的确认是其补充。',
  ];
}

/** What the workflow declaration reads of an enrolment. */
export interface EnrolmentForWorkflow {
  _wf: WorkflowFields;
  status: EnrolmentState;
  unitId: string;
  sectionId: string;
  /** The case's officers when invited: they may confirm and revoke. */
  officerStaffIds: string[];
  /** The identity that entered the right code; null before. */
  recipientRef: string | null;
}

type E = EnrolmentForWorkflow;

/**
 * Staff who may act on an enrolment: the case's officers, and officers of the case's section (the server scopes
 * an officer's grant to their own section before the check), and the leaders of the section.
 */
export const staffOfEnrolment: Guard<E> = (a, e) =>
  a.kind === 'staff' &&
  ((!!a.staffId && e.officerStaffIds.includes(a.staffId)) ||
    holdsFor(a, ['officer', 'reviewer', 'principal'], e.unitId, [e.sectionId]));

/** The party: before the code, whoever scanned; after, only the identity that entered it. */
export const partyOfEnrolment: Guard<E> = (a, e) =>
  a.kind === 'citizen' && (e.recipientRef === null || e.recipientRef === a.ref);

const STAFF_REFUSAL = '只有本案执法人员或本科室执法人员可以办理';
const PARTY_REFUSAL = '只有输入验证码的当事人可以办理';
const PARTY_STEPS_OPEN = ['invited', 'codeEntered', 'identified'] as const;

export const ENROLMENT_WORKFLOW: WorkflowDef<EnrolmentState, E> = {
  type: 'serviceEnrolment',
  collection: 'serviceEnrolments',
  stateField: 'status',
  states: ENROLMENT_STATES,
  settings: 'act',
  sees: (a, e) => staffOfEnrolment(a, e) || partyOfEnrolment(a, e),
  steps: {
    enterCode: {
      label: '当事人输入了正确的验证码',
      from: ['invited'],
      to: 'codeEntered',
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    wrongCode: {
      label: '验证码错误',
      from: ['invited'],
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    identify: {
      label: '当事人核对了身份信息',
      from: ['codeEntered', 'identified'],
      to: 'identified',
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    wrongIdentity: {
      label: '身份信息与当事人不符',
      from: ['codeEntered', 'identified'],
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    consent: {
      label: '当事人同意电子送达并确认送达地址',
      from: ['identified'],
      to: 'consented',
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    refuse: {
      label: '当事人不同意电子送达（改用纸质送达）',
      from: ['codeEntered', 'identified'],
      to: 'refused',
      who: partyOfEnrolment,
      refusal: PARTY_REFUSAL,
    },
    confirm: {
      label: '执法人员核对一致，电子送达生效',
      from: ['consented'],
      to: 'active',
      who: staffOfEnrolment,
      refusal: STAFF_REFUSAL,
    },
    revoke: {
      label: '执法人员撤销',
      from: [...PARTY_STEPS_OPEN, 'consented', 'active', 'locked'],
      to: 'revoked',
      who: staffOfEnrolment,
      refusal: STAFF_REFUSAL,
    },
    withdraw: {
      label: '当事人撤回同意',
      from: ['active'],
      to: 'withdrawn',
      who: (a, e) => a.kind === 'citizen' && e.recipientRef === a.ref,
      refusal: '只有受送达人本人可以撤回',
    },
  },
};

/** The party's steps must come within the invitation's validity; the officer's confirmation within a day. */
export function expiredFor(
  e: { status: EnrolmentState; expiresAt: string; createdAt: string },
  now: Date,
): 'party' | 'confirm' | null {
  if ((PARTY_STEPS_OPEN as readonly string[]).includes(e.status) && now.getTime() > Date.parse(e.expiresAt))
    return 'party';
  if (
    e.status === 'consented' &&
    now.getTime() > Date.parse(e.createdAt) + ENROLMENT_CONFIRM_HOURS * 3_600_000
  )
    return 'confirm';
  return null;
}

/** Whether the party's name as typed is the party's name in the register (spaces and full-width brackets aside). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return norm(a) === norm(b);
}

/** The last four characters of an identity number, compared case-insensitively (a trailing X). */
export function sameLast4(idNo: string, last4: string): boolean {
  return idNo.slice(-4).toUpperCase() === last4.trim().toUpperCase();
}

/** 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****';
}
