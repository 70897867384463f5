/**
 * 年度执法数据 for staff (PUB-14; seed publicity Art. 26): a year's figures under review as the shared table
 * (components/annual-figures), the status and the 31 January deadline with its countdown, the steps the backend
 * allows the caller (审核 by 分管领导, 审批 by 主要领导, 发布 by 办公室; separation of duty is the workflow's, and
 * a refusal is shown as the backend words it), 退回 with its required reason (shown afterwards to whoever reviews
 * the figures again, with the history of earlier ones), 重新统计 by the statistics section while the figures are
 * sent back (its required 说明; the reviewer then sees what changed, figure by figure, and the 说明), and the
 * report to the district justice bureau with a copy button. Loading, error (重试), not-yet-drafted and
 * permission-refused states.
 */
import { pageBase } from '../../../behaviors/page-base';
import { call, newRequestId } from '../../../services/api';
import {
  annualStaffView,
  defaultYear,
  NOTE_REQUIRED,
  REASON_REQUIRED,
  type AnnualStaffPageView,
  type StepButton,
} from './view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    year: 0,
    view: null as AnnualStaffPageView | null,
    busy: '',
    notice: '',
    noticeError: '',
    copied: false,
    /** Kept while a step's answer may have been lost, so pressing again is the same request (idempotent). */
    requestId: '',
    requestStep: '',
    /** The reason a 退回 is sent with (required) and what is wrong with it. */
    reason: '',
    reasonError: '',
    /** The 说明 a 重新统计 is sent with (required) and what is wrong with it. */
    note: '',
    noteError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const year = Number(query.year);
      this.setData({ year: Number.isInteger(year) && year > 2000 ? year : defaultYear() });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('staff', 'annual.get', { year: this.data.year });
      if (!res.ok) {
        const code = res.error.code;
        this.setData({
          state: code === 'FORBIDDEN' ? 'forbidden' : code === 'NOT_FOUND' ? 'empty' : 'error',
          errorMessage: res.error.message,
        });
        return;
      }
      this.setData({ state: 'ready', view: annualStaffView(res.data) });
    },
    onYear(e: WechatMiniprogram.TouchEvent) {
      const delta = Number((e.currentTarget.dataset as { delta?: string }).delta);
      if (!delta || this.data.busy) return;
      this.setData({ year: this.data.year + delta, notice: '', noticeError: '', copied: false });
      void this.load();
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, noteError: '' });
    },
    /** 重新统计: the figures recomputed from the current data, with the 说明, back to review (PUB-14). */
    async onRedraft() {
      const view = this.data.view;
      if (!view || this.data.busy) return;
      const note = this.data.note.trim();
      if (!note) {
        this.setData({ noteError: NOTE_REQUIRED });
        return;
      }
      const key = `redraft:${view.revision}:${note}`;
      const requestId = this.data.requestStep === key ? this.data.requestId : newRequestId();
      this.setData({ busy: 'redraft', notice: '', noticeError: '', requestId, requestStep: key });
      const payload = { year: this.data.year, revision: view.revision, note };
      const res = await call('staff', 'annual.redraft', payload, { requestId });
      this.setData({ busy: '' });
      if (!res.ok) {
        const noteError = res.error.fields?.['payload.note'];
        if (noteError) {
          this.setData({ noteError, requestId: '', requestStep: '' });
          return;
        }
        if (res.error.code === 'INTERNAL') {
          // A lost answer: pressing again is the same request.
          this.setData({ noticeError: res.error.message });
          return;
        }
        // E.g. redrafted meanwhile (CONFLICT): say so and show the figures as they are now.
        const message = res.error.message;
        this.setData({ requestId: '', requestStep: '' });
        await this.load();
        this.setData({ noticeError: message });
        return;
      }
      const next = annualStaffView(res.data);
      this.setData({
        view: next,
        requestId: '',
        requestStep: '',
        note: '',
        noteError: '',
        notice: `已重新统计为第${next.revision}版，当前状态：${next.statusLabel}。`,
      });
    },
    async onStep(e: WechatMiniprogram.TouchEvent) {
      const step = (e.currentTarget.dataset as { step?: StepButton['step'] }).step;
      if (!step || this.data.busy) return;
      const reason = this.data.reason.trim();
      if (step === 'reject' && !reason) {
        this.setData({ reasonError: REASON_REQUIRED });
        return;
      }
      // A changed reason is a new request; the same one pressed again after a lost answer is the same request.
      const key = step === 'reject' ? `reject:${reason}` : step;
      const requestId = this.data.requestStep === key ? this.data.requestId : newRequestId();
      this.setData({ busy: step, notice: '', noticeError: '', requestId, requestStep: key });
      const payload = { year: this.data.year, step, ...(step === 'reject' ? { comment: reason } : {}) };
      const res = await call('staff', 'annual.step', payload, { requestId });
      this.setData({ busy: '' });
      if (!res.ok) {
        const lost = res.error.code === 'INTERNAL';
        const reasonError = res.error.fields?.['payload.comment'];
        if (reasonError) {
          this.setData({ reasonError, requestId: '', requestStep: '' });
          return;
        }
        // The backend's words (e.g. 年度数据由主要领导审批); a lost answer keeps the requestId for 重试.
        this.setData({ noticeError: res.error.message, ...(lost ? {} : { requestId: '', requestStep: '' }) });
        return;
      }
      const view = annualStaffView(res.data);
      this.setData({
        view,
        requestId: '',
        requestStep: '',
        reason: '',
        reasonError: '',
        notice:
          view.status === 'returned'
            ? '已退回信息统计科重新统计。'
            : `已${STEP_DONE[step]}，当前状态：${view.statusLabel}。`,
      });
    },
    onCopy() {
      const text = this.data.view?.justiceReport;
      if (!text) return;
      wx.setClipboardData({ data: text, success: () => this.setData({ copied: true }) });
    },
  },
});

const STEP_DONE: Record<StepButton['step'], string> = {
  review: '审核通过',
  approve: '批准',
  publish: '发布',
  reject: '退回',
};
