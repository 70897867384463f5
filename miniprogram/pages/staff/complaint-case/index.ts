/**
 * The staff case page (issue 5 item 3): the matter, the complainant (masked, or in clear when the backend decides
 * the caller may see it — that view is then on the ledger), the timeline, and the steps the status allows:
 * accept, reject with a reason from the fixed list, reply to the citizen, close with the result. Each step is
 * checked with the contract's schema, confirmed in a dialog, then sent; the answer reloads the case.
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  complaintCloseInput,
  complaintRejectInput,
  complaintReplyInput,
  issuesToFields,
  REJECTION_REASONS,
} from '../../../core-bundle/index';
import { call, newRequestId, type PayloadOf } from '../../../services/api';
import { caseView, type CaseAction, type CaseView } from './view';

type Panel = '' | 'reject' | 'reply' | 'close';

const REASONS = Object.entries(REJECTION_REASONS).map(([code, label]) => ({ code, label }));

const CONFIRM: Record<CaseAction, { title: string; content: string }> = {
  accept: { title: '确认受理', content: '受理后将通知投诉举报人，并开始计算办理期限。' },
  reject: { title: '确认不予受理', content: '将以所选理由告知投诉举报人，此操作不能撤回。' },
  reply: { title: '确认发送答复', content: '答复内容将显示给投诉举报人。' },
  close: { title: '确认办结', content: '办结后将通知投诉举报人办理结果，此操作不能撤回。' },
};

const DONE_TOAST: Record<CaseAction, string> = {
  accept: '已受理',
  reject: '已不予受理',
  reply: '已答复',
  close: '已办结',
};

/** The step's action; payloads were checked with the contract's schema just before. */
function sendStep(action: CaseAction, payload: Record<string, unknown>, requestId: string) {
  const opts = { requestId };
  switch (action) {
    case 'accept':
      return call('staff', 'complaint.accept', payload as PayloadOf<'staff', 'complaint.accept'>, opts);
    case 'reject':
      return call('staff', 'complaint.reject', payload as PayloadOf<'staff', 'complaint.reject'>, opts);
    case 'reply':
      return call('staff', 'complaint.reply', payload as PayloadOf<'staff', 'complaint.reply'>, opts);
    default:
      return call('staff', 'complaint.close', payload as PayloadOf<'staff', 'complaint.close'>, opts);
  }
}

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    view: null as CaseView | null,
    panel: '' as Panel,
    reasons: REASONS,
    reason: '',
    text: '',
    fieldError: '',
    banner: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('staff', 'complaint.get', { id: this.data.id });
      if (res.ok) this.setData({ state: 'ready', view: caseView(res.data) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    onAction(e: WechatMiniprogram.TouchEvent) {
      const action = (e.currentTarget.dataset as { action?: CaseAction }).action;
      if (!action) return;
      if (action === 'accept') this.confirmAndSend('accept', { id: this.data.id });
      else this.setData({ panel: action, reason: '', text: '', fieldError: '', banner: '' });
    },
    onCancelPanel() {
      this.setData({ panel: '', fieldError: '' });
    },
    onReason(e: WechatMiniprogram.TouchEvent) {
      const reason = (e.currentTarget.dataset as { code?: string }).code ?? '';
      this.setData({ reason, fieldError: '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, fieldError: '' });
    },
    onPanelSubmit() {
      const panel = this.data.panel;
      if (!panel) return;
      const id = this.data.id;
      const text = this.data.text;
      const candidate =
        panel === 'reject'
          ? { id, reason: this.data.reason || undefined, ...(text.trim() ? { note: text } : {}) }
          : panel === 'reply'
            ? { id, text }
            : { id, result: text };
      const schema =
        panel === 'reject'
          ? complaintRejectInput
          : panel === 'reply'
            ? complaintReplyInput
            : complaintCloseInput;
      const parsed = schema.safeParse(candidate);
      if (!parsed.success) {
        this.setData({ fieldError: Object.values(issuesToFields(parsed.error.issues)).join('；') });
        return;
      }
      this.confirmAndSend(panel, parsed.data as Record<string, unknown>);
    },
    confirmAndSend(action: CaseAction, payload: Record<string, unknown>) {
      wx.showModal({
        ...CONFIRM[action],
        confirmText: '确定',
        cancelText: '取消',
        success: (res) => {
          if (res.confirm) void this.send(action, payload);
        },
      });
    },
    async send(action: CaseAction, payload: Record<string, unknown>) {
      this.setData({ busy: true, banner: '' });
      // One requestId per confirmed step, so the backend's idempotency absorbs a double submission.
      const requestId = newRequestId();
      const res = await sendStep(action, payload, requestId);
      this.setData({ busy: false });
      if (res.ok) {
        wx.showToast({ title: DONE_TOAST[action], icon: 'success' });
        this.setData({ panel: '', text: '', reason: '' });
        await this.load();
        return;
      }
      const fields = Object.values(res.error.fields ?? {});
      if (fields.length && this.data.panel) this.setData({ fieldError: fields.join('；') });
      else this.setData({ banner: res.error.message });
    },
  },
});
