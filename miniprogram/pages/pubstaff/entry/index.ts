/**
 * A publication entry as staff see it (PUB-7, PUB-8, PUB-11, PUB-13; `publication.staffGet`): the public preview
 * (exactly what the public will see: 张某, no ID, phone or home address), the disclosure decision and flags, the
 * deadline, the history of versions and rounds with their comments, and the steps the backend allows the caller
 * now: submit, pass (review, forward, approve at once or at a set time), reject with a required comment, correct,
 * withdraw, publish the withdrawal's reason. A refusal (e.g. the same person at two steps) shows the backend's
 * Chinese message as it is.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { PublicationStaffView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import {
  ENTRY_PAGE,
  entryDetail,
  FORM_PAGE,
  OVERRIDE_GROUNDS,
  publishAtOf,
  WITHDRAW_PAGE,
  type EntryDetail,
  type StepButton,
} from '../view';

type Panel = '' | 'comment' | 'reject' | 'approve' | 'override';

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    view: null as EntryDetail | null,
    banner: '',
    busy: false,
    panel: '' as Panel,
    panelStep: '',
    panelTitle: '',
    comment: '',
    commentError: '',
    timing: 'now',
    publishDate: '',
    publishTime: '09:00',
    today: shanghaiToday(),
    requestId: '',
    grounds: OVERRIDE_GROUNDS,
    override: { ground: '', reason: '', assessmentId: '' },
    overrideErrors: {} as Record<string, string>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    onShow() {
      if (this.data.state === 'ready') void this.load(false);
    },
    async load(spinner = true) {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      if (spinner) this.setData({ state: 'loading' });
      const res = await call('staff', 'publication.staffGet', { id: this.data.id });
      if (!res.ok) {
        const code = res.error.code;
        this.setData({
          state:
            code === 'NOT_FOUND' || code === 'INVALID_INPUT'
              ? 'notFound'
              : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
                ? 'refused'
                : 'error',
          errorMessage: res.error.message,
        });
        return;
      }
      this.setData({ state: 'ready', view: entryDetail(res.data as PublicationStaffView) });
    },
    onOpenVersion(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `${ENTRY_PAGE}?id=${id}` });
    },
    onStep(e: WechatMiniprogram.TouchEvent) {
      const step = (e.currentTarget.dataset as { step?: string }).step ?? '';
      const button = this.data.view?.buttons.find((b: StepButton) => b.step === step);
      if (!button || this.data.busy) return;
      const id = this.data.id;
      switch (button.opens) {
        case 'form':
          wx.navigateTo({ url: `${FORM_PAGE}?id=${id}` });
          return;
        case 'correct':
          wx.navigateTo({ url: `${FORM_PAGE}?correct=${id}` });
          return;
        case 'withdraw':
          wx.navigateTo({ url: `${WITHDRAW_PAGE}?id=${id}` });
          return;
        case 'call':
          this.setData({ requestId: newRequestId() });
          void this.take(step);
          return;
        default:
          this.setData({
            panel: button.opens,
            panelStep: step,
            panelTitle: button.label,
            comment: '',
            commentError: '',
            banner: '',
            timing: 'now',
            publishDate: '',
            requestId: newRequestId(),
          });
      }
    },
    /** The principal's approval to publish despite a commercial-secret or privacy hold (PUB-8). */
    onOverride() {
      this.setData({
        panel: 'override',
        panelStep: 'override',
        panelTitle: '经批准公开',
        banner: '',
        override: { ground: '', reason: '', assessmentId: '' },
        overrideErrors: {},
        requestId: newRequestId(),
      });
    },
    onOverrideField(e: WechatMiniprogram.CustomEvent<{ value?: string }>) {
      const { field, value } = e.currentTarget.dataset as { field?: string; value?: string };
      if (!field) return;
      this.setData({ [`override.${field}`]: value ?? e.detail.value ?? '', [`overrideErrors.${field}`]: '' });
    },
    async onOverrideConfirm() {
      if (this.data.busy) return;
      const o = this.data.override;
      this.setData({ busy: true, banner: '', overrideErrors: {} });
      const res = await call(
        'staff',
        'publication.override',
        {
          id: this.data.id,
          ground: o.ground as 'consent' | 'publicInterest',
          reason: o.reason,
          assessmentId: o.assessmentId,
        },
        { requestId: this.data.requestId },
      );
      this.setData({ busy: false });
      if (!res.ok) {
        const errors: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.error.fields ?? {})) errors[k.replace(/^payload\./, '')] = v;
        this.setData({ overrideErrors: errors, banner: Object.keys(errors).length ? '' : res.error.message });
        return;
      }
      this.setData({ panel: '' });
      wx.showToast({ title: '已记录批准公开', icon: 'success' });
      await this.load(false);
    },
    onPanelVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ panel: '' });
    },
    onCancel() {
      this.setData({ panel: '' });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value, commentError: '' });
    },
    onTiming(e: WechatMiniprogram.TouchEvent) {
      this.setData({ timing: (e.currentTarget.dataset as { timing?: string }).timing ?? 'now' });
    },
    onPublishDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ publishDate: e.detail.value });
    },
    onPublishTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ publishTime: e.detail.value });
    },
    onConfirm() {
      if (this.data.panel === 'reject' && !this.data.comment.trim()) {
        this.setData({ commentError: '请填写退回意见，说明需要修改的内容' });
        return;
      }
      if (this.data.panel === 'approve' && this.data.timing === 'later' && !this.data.publishDate) {
        this.setData({ banner: '请选择发布日期' });
        return;
      }
      void this.take(this.data.panelStep);
    },
    /** Takes `step` through its action; the answer's refusal is shown as the backend words it. */
    async take(step: string) {
      if (this.data.busy) return;
      const id = this.data.id;
      const comment = this.data.comment.trim();
      const opts = { requestId: this.data.requestId };
      this.setData({ busy: true, banner: '' });
      let res;
      switch (step) {
        case 'submit':
          res = await call('staff', 'publication.submit', { id }, opts);
          break;
        case 'review':
          res = await call('staff', 'publication.review', { id, ...(comment ? { comment } : {}) }, opts);
          break;
        case 'forward':
          res = await call('staff', 'publication.forward', { id, ...(comment ? { comment } : {}) }, opts);
          break;
        case 'approve': {
          const publishAt =
            this.data.timing === 'later'
              ? publishAtOf(this.data.publishDate, this.data.publishTime)
              : undefined;
          res = await call('staff', 'publication.approve', { id, ...(publishAt ? { publishAt } : {}) }, opts);
          break;
        }
        case 'reject':
          res = await call('staff', 'publication.reject', { id, comment }, opts);
          break;
        case 'publishWithdrawalReason':
          res = await call('staff', 'publication.publishWithdrawalReason', { id }, opts);
          break;
        default:
          this.setData({ busy: false });
          return;
      }
      this.setData({ busy: false });
      if (!res.ok) {
        const fields = res.error.fields ?? {};
        if (fields['payload.comment'] && this.data.panel) {
          this.setData({ commentError: fields['payload.comment'] });
          return;
        }
        const message = Object.values(fields)[0] ?? res.error.message;
        this.setData({ panel: '', banner: message });
        wx.pageScrollTo?.({ scrollTop: 0, duration: 0 });
        return;
      }
      this.setData({ panel: '' });
      wx.showToast({ title: '已办理', icon: 'success' });
      await this.load(false);
    },
  },
});
