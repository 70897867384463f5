/**
 * The case page's steps: labels, confirmations, success messages, the payload each panel builds, its check with
 * the contract's own schema (the same Chinese messages the function answers with) and the call. Which steps are
 * offered is the backend's answer (`allowedSteps`); the actions check the caller again.
 */
import {
  complaintAssignInput,
  complaintCaseDecisionInput,
  complaintCloseInput,
  complaintExtendCaseDecisionInput,
  complaintExtendPetitionInput,
  complaintLinkDuplicateInput,
  complaintRecordNoticeInput,
  complaintRejectInput,
  complaintReplyInput,
  complaintSplitInput,
  issuesToFields,
  type ComplaintStaffStep,
} from '../../../core-bundle/index';
import { call, type PayloadOf } from '../../../services/api';

export type CaseAction = ComplaintStaffStep;

/** The order the buttons appear in: deciding first, then answering, then organising. */
export const STEP_ORDER: CaseAction[] = [
  'accept',
  'reject',
  'recordNotice',
  'decideCase',
  'extendCaseDecision',
  'reply',
  'close',
  'extendPetition',
  'assign',
  'linkDuplicate',
  'split',
];

export const STEP_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  reject: '不予受理',
  decideCase: '记录是否立案',
  reply: '答复',
  close: '办结',
  assign: '指派承办人',
  linkDuplicate: '关联重复件',
  split: '拆分',
  extendCaseDecision: '批准延长立案决定期限',
  extendPetition: '批准延长信访办理期限',
  recordNotice: '记录受理告知',
};

export const PANEL_TITLES: Record<CaseAction, string> = {
  accept: '',
  reject: '不予受理的理由',
  decideCase: '是否立案',
  reply: '答复投诉举报人',
  close: '办理结果',
  assign: '选择承办人（最多 3 名）',
  linkDuplicate: '与哪一件重复',
  split: '拆分出的部分',
  extendCaseDecision: '延长的理由',
  extendPetition: '延长的天数和理由',
  recordNotice: '如何、何时告知了受理决定',
};

export const CONFIRM: Record<CaseAction, { title: string; content: string }> = {
  accept: { title: '确认受理', content: '受理后将通知投诉举报人，并开始计算办理期限。' },
  reject: { title: '确认不予受理', content: '将以所选理由告知投诉举报人，此操作不能撤回。' },
  decideCase: {
    title: '确认立案决定',
    content: '决定记录后不能修改；实名举报人应在 5 个工作日内得到反馈。',
  },
  reply: { title: '确认发送答复', content: '答复内容将显示给投诉举报人。' },
  close: { title: '确认办结', content: '办结后将通知投诉举报人办理结果，此操作不能撤回。' },
  assign: { title: '确认指派', content: '承办人将可以办理本件，并可见投诉举报人的实名信息。' },
  linkDuplicate: {
    title: '确认关联重复件',
    content: '仅供内部办理参考，不会告知投诉举报人。',
  },
  split: {
    title: '确认拆分',
    content: '将以所填内容新建一件另一类型的记录，沿用原件的收到时间和联系方式。',
  },
  extendCaseDecision: {
    title: '确认批准延长',
    content: '立案决定期限将按规定延长一次，延长后不能再次延长。',
  },
  extendPetition: {
    title: '确认批准延长',
    content: '信访事项办理期限将延长所填天数，只能延长一次；延长天数和理由将告知信访人。',
  },
  recordNotice: { title: '确认记录告知情况', content: '告知方式和时间记录后不能修改。' },
};

export const DONE_TOAST: Record<CaseAction, string> = {
  accept: '已受理',
  reject: '已不予受理',
  decideCase: '已记录',
  reply: '已答复',
  close: '已办结',
  assign: '已指派',
  linkDuplicate: '已关联',
  split: '已拆分',
  extendCaseDecision: '已延长',
  extendPetition: '已延长',
  recordNotice: '已记录',
};

/** What the open panel holds. */
export interface PanelInput {
  id: string;
  reason: string;
  text: string;
  handlerIds: string[];
  caseOpened: '' | 'yes' | 'no';
  /** extendPetition: days as typed. */
  days: string;
  /** recordNotice: the method, and the Shanghai date and time the complainant was told. */
  method: string;
  noticeDate: string;
  noticeTime: string;
}

const SCHEMAS = {
  reject: complaintRejectInput,
  reply: complaintReplyInput,
  close: complaintCloseInput,
  assign: complaintAssignInput,
  linkDuplicate: complaintLinkDuplicateInput,
  split: complaintSplitInput,
  decideCase: complaintCaseDecisionInput,
  extendCaseDecision: complaintExtendCaseDecisionInput,
  extendPetition: complaintExtendPetitionInput,
  recordNotice: complaintRecordNoticeInput,
};
export type PanelAction = keyof typeof SCHEMAS;

function candidateOf(action: PanelAction, p: PanelInput): Record<string, unknown> {
  const note = p.text.trim() ? { note: p.text } : {};
  switch (action) {
    case 'reject':
      return { id: p.id, reason: p.reason || undefined, ...note };
    case 'reply':
      return { id: p.id, text: p.text };
    case 'close':
      return { id: p.id, result: p.text };
    case 'assign':
      return { id: p.id, handlerIds: p.handlerIds };
    case 'linkDuplicate':
      return { id: p.id, duplicateOf: p.text };
    case 'split':
      return { id: p.id, description: p.text };
    case 'extendCaseDecision':
      return { id: p.id, reason: p.text };
    case 'extendPetition':
      return { id: p.id, days: p.days.trim() ? Number(p.days) : undefined, reason: p.text };
    case 'recordNotice':
      return {
        id: p.id,
        notice: {
          method: p.method || undefined,
          // Entered in Shanghai time, whatever the phone's zone.
          at: p.noticeDate ? `${p.noticeDate}T${p.noticeTime || '09:00'}:00+08:00` : undefined,
          ...(p.text.trim() ? { note: p.text } : {}),
        },
      };
    default:
      return { id: p.id, caseOpened: p.caseOpened ? p.caseOpened === 'yes' : undefined, ...note };
  }
}

const CASE_DECISION_REQUIRED = '请选择立案或不予立案';
const NOTICE_METHOD_REQUIRED = '请选择告知方式';
const NOTICE_DATE_REQUIRED = '请选择告知日期';

/** The panel's payload, checked with the contract's schema; or the messages to show under it. */
export function checkPanel(
  action: PanelAction,
  input: PanelInput,
): { ok: true; payload: Record<string, unknown> } | { ok: false; message: string } {
  if (action === 'decideCase' && !input.caseOpened) return { ok: false, message: CASE_DECISION_REQUIRED };
  if (action === 'recordNotice' && !input.method) return { ok: false, message: NOTICE_METHOD_REQUIRED };
  if (action === 'recordNotice' && !input.noticeDate) return { ok: false, message: NOTICE_DATE_REQUIRED };
  const parsed = SCHEMAS[action].safeParse(candidateOf(action, input));
  if (parsed.success) return { ok: true, payload: parsed.data as Record<string, unknown> };
  return { ok: false, message: Object.values(issuesToFields(parsed.error.issues)).join('；') };
}

export const isPanelAction = (action: CaseAction): action is PanelAction => action !== 'accept';

/** The step's action; payloads were checked with the contract's schema just before. */
export function sendStep(action: CaseAction, payload: Record<string, unknown>, requestId: string) {
  const opts = { requestId };
  const p = <A extends `complaint.${CaseAction}`>(_: A) => payload as PayloadOf<'staff', A>;
  switch (action) {
    case 'accept':
      return call('staff', 'complaint.accept', p('complaint.accept'), opts);
    case 'reject':
      return call('staff', 'complaint.reject', p('complaint.reject'), opts);
    case 'reply':
      return call('staff', 'complaint.reply', p('complaint.reply'), opts);
    case 'close':
      return call('staff', 'complaint.close', p('complaint.close'), opts);
    case 'assign':
      return call('staff', 'complaint.assign', p('complaint.assign'), opts);
    case 'linkDuplicate':
      return call('staff', 'complaint.linkDuplicate', p('complaint.linkDuplicate'), opts);
    case 'split':
      return call('staff', 'complaint.split', p('complaint.split'), opts);
    case 'extendCaseDecision':
      return call('staff', 'complaint.extendCaseDecision', p('complaint.extendCaseDecision'), opts);
    case 'extendPetition':
      return call('staff', 'complaint.extendPetition', p('complaint.extendPetition'), opts);
    case 'recordNotice':
      return call('staff', 'complaint.recordNotice', p('complaint.recordNotice'), opts);
    default:
      return call('staff', 'complaint.decideCase', p('complaint.decideCase'), opts);
  }
}
