/**
 * The party's enrolment page as a pure view model (docs/service.md; 行政处罚法 Art. 61): which screen the
 * enrolment's state calls for, the step shown as "第 n 步，共 4 步", which identity fields apply, and the 确认书 for
 * the scope the party chose. No wx here, so it is unit-tested directly.
 */
import {
  ACTING_AS_LABELS,
  CONSENT_SCOPE_LABELS,
  type ConsentScope,
  type EnrolmentPartyView,
  type IdentityForm,
} from '../../../core-bundle/index';

export type EnrolScreen =
  'code' | 'identity' | 'consent' | 'waiting' | 'done' | 'refused' | 'locked' | 'expired' | 'ended';

export function screenOf(v: Pick<EnrolmentPartyView, 'status' | 'expired'>): EnrolScreen {
  switch (v.status) {
    case 'invited':
      return v.expired ? 'expired' : 'code';
    case 'codeEntered':
      return v.expired ? 'expired' : 'identity';
    case 'identified':
      return v.expired ? 'expired' : 'consent';
    case 'consented':
      return 'waiting';
    case 'active':
      return 'done';
    case 'refused':
      return 'refused';
    case 'locked':
      return 'locked';
    default:
      return 'ended';
  }
}

/** The four steps the party takes; the other screens show no step. */
const STEPS: Partial<Record<EnrolScreen, number>> = { code: 1, identity: 2, consent: 3, waiting: 4 };
export const stepText = (s: EnrolScreen): string => (STEPS[s] ? `第 ${STEPS[s]} 步，共 4 步` : '');

export const SCREEN_TITLES: Record<EnrolScreen, string> = {
  code: '输入验证码',
  identity: '核对身份信息',
  consent: '送达地址确认书',
  waiting: '等待执法人员核对',
  done: '电子送达已生效',
  refused: '已选择不同意电子送达',
  locked: '已锁定',
  expired: '邀请已过期',
  ended: '电子送达已结束',
};

export const SCREEN_TEXTS: Record<EnrolScreen, string> = {
  code: '请输入执法人员当面告诉您的 6 位数字验证码。',
  identity: '请填写与案件登记一致的信息，执法人员将与您出示的证件核对。',
  consent: '请完整阅读以下内容，选择同意的范围，并填写接收提醒短信的手机号码。',
  waiting: '您已同意电子送达。请把手机交给现场执法人员核对，执法人员确认后即生效。',
  done: '今后执法机关将通过本小程序向您送达法律文书，并用短信提醒您查看。您可以随时撤回同意。',
  refused: '您没有同意电子送达，执法机关将以纸质方式向您送达法律文书。如改变主意，请联系执法人员重新办理。',
  locked: '验证码或身份信息错误次数过多，为保护您的权益已锁定。请联系现场执法人员撤销后重新办理。',
  expired: '该邀请已超过 30 分钟有效期，请联系执法人员重新生成二维码和验证码。',
  ended: '本次电子送达确认已结束（已撤回、撤销或由他人代替）。今后的文书将按执法机关告知的方式送达。',
};

export interface IdentityFieldsView {
  /** What the name field asks for. */
  nameLabel: string;
  namePlaceholder: string;
  idLast4: boolean;
  creditCode: boolean;
  acting: boolean;
}

export function identityFieldsOf(form: IdentityForm): IdentityFieldsView {
  if (form === 'organisation')
    return {
      nameLabel: '单位名称',
      namePlaceholder: '营业执照上的名称',
      idLast4: false,
      creditCode: true,
      acting: true,
    };
  if (form === 'person')
    return {
      nameLabel: '姓名',
      namePlaceholder: '身份证件上的姓名',
      idLast4: true,
      creditCode: false,
      acting: false,
    };
  return {
    nameLabel: '名称',
    namePlaceholder: '执法人员登记的名称',
    idLast4: false,
    creditCode: false,
    acting: false,
  };
}

/** Who acts for an organisation (the person themself is not a choice there). */
export const ACTING_OPTIONS = (['representative', 'agent'] as const).map((value) => ({
  value,
  label: ACTING_AS_LABELS[value],
}));

export const SCOPE_OPTIONS = (['case', 'party'] as const).map((value) => ({
  value,
  label: CONSENT_SCOPE_LABELS[value],
}));

/** The 确认书 as the party will agree to it: the paragraphs for the scope chosen (the case's by default to read). */
export function consentParagraphs(v: EnrolmentPartyView, scope: ConsentScope | ''): string[] {
  if (!v.consentTexts) return [];
  return v.consentTexts[scope || 'case'];
}

/** `e...` from the mini-program code's scene (or an `id` in a link) → the enrolment id, or null. */
export function enrolmentIdFromQuery(
  query: Record<string, string | undefined>,
  idOfScene: (scene: string) => string | null,
): string | null {
  if (query.scene) return idOfScene(query.scene);
  if (query.id && /^enr_[0-9a-f]{24}$/.test(query.id)) return query.id;
  return null;
}

/** The message for one field from an envelope's `fields` (`payload.code` → `code`). */
export function fieldErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k.replace(/^payload\./, '')] = v;
  return out;
}

export interface ConsentRow {
  id: string;
  authority: string;
  caseNo: string;
  scope: string;
}

/** One consent in force, as the party's list shows it. */
export function consentRow(v: EnrolmentPartyView): ConsentRow {
  return {
    id: v.id,
    authority: v.authority,
    caseNo: v.caseNo ?? '',
    scope: v.scope ? CONSENT_SCOPE_LABELS[v.scope] : '',
  };
}
