/**
 * The staff case page: the matter, the complainant (masked, or in clear when the backend decides
 * the caller may see it — that view is then on the ledger), the timeline, and the steps the backend says this
 * caller may take now (`allowedSteps`): accept, reject with a reason from the fixed list, record a report's case
 * decision, reply, close, and for leaders assign handlers and approve the one extension of a report's 立案 period or
 * a petition's handling period; record how and when a staff-recorded complainant was told of the acceptance
 * decision; link a duplicate by its tracking number; split a mixed complaint and report. Each step is checked with the contract's schema, confirmed in a dialog, then sent; the
 * answer reloads the case.
 *
 * Layout: the complaint first; one primary "next step" in a bottom bar and the other steps in
 * an action sheet; each step's panel in a popup (t-popup). The complainant's phone is callable when shown in
 * clear; photos open full size (wx.previewImage); the picked location opens the map (wx.openLocation).
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  NOTICE_METHOD_LABELS,
  NOTICE_METHODS,
  REJECTION_REASONS,
  type ComplaintHandlerOption,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import {
  checkPanel,
  CONFIRM,
  DONE_TOAST,
  isPanelAction,
  PANEL_TITLES,
  sendStep,
  type CaseAction,
  type PanelAction,
} from './steps';
import { caseView, type CaseView } from './view';

const REASONS = Object.entries(REJECTION_REASONS).map(([code, label]) => ({ code, label }));
const MAX_HANDLERS = 3;
const METHODS = NOTICE_METHODS.map((key) => ({ key, label: NOTICE_METHOD_LABELS[key] }));

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), whatever the phone's zone. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

interface HandlerRow extends ComplaintHandlerOption {
  on: boolean;
}

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    view: null as CaseView | null,
    panel: '' as PanelAction | '',
    /** The action sheet with the steps other than the primary one. */
    sheet: false,
    panelTitle: '',
    reasons: REASONS,
    reason: '',
    text: '',
    caseOpened: '' as '' | 'yes' | 'no',
    days: '',
    methods: METHODS,
    method: '',
    noticeDate: '',
    noticeTime: '',
    today: shanghaiToday(),
    handlers: [] as HandlerRow[],
    handlersError: '',
    handlerNames: '',
    fieldError: '',
    banner: '',
    notice: '',
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
      if (res.ok) {
        const view = caseView(res.data);
        this.setData({ state: 'ready', view, handlerNames: '' });
        if (view.steps.includes('assign')) await this.loadHandlers();
      } else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    /** Whom a leader may assign (`complaint.handlers`); also names the current handlers for the leader. */
    async loadHandlers() {
      const res = await call('staff', 'complaint.handlers', { id: this.data.id });
      if (!res.ok) {
        this.setData({ handlers: [], handlersError: res.error.message });
        return;
      }
      const current = this.data.view?.handlerIds ?? [];
      const handlers = res.data.items.map((h) => ({ ...h, on: current.includes(h.staffId) }));
      const names = handlers.filter((h) => h.on).map((h) => h.name);
      this.setData({ handlers, handlersError: '', handlerNames: names.join('、') });
    },
    onMore() {
      this.setData({ sheet: true });
    },
    onCloseSheet() {
      this.setData({ sheet: false });
    },
    /** t-popup's visible-change: a tap on the overlay closes the sheet or the panel. */
    onSheetVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ sheet: false });
    },
    onPanelVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible && !this.data.busy) this.setData({ panel: '', fieldError: '' });
    },
    /** The complainant's phone, only when the backend showed it in clear (wx.makePhoneCall). */
    onCallContact() {
      const view = this.data.view;
      if (view?.phoneCallable) wx.makePhoneCall({ phoneNumber: view.contactPhone });
    },
    onPhoto(e: WechatMiniprogram.TouchEvent) {
      const current = (e.currentTarget.dataset as { url?: string }).url;
      const urls = this.data.view?.photos ?? [];
      if (current) wx.previewImage({ current, urls });
    },
    onMap() {
      const view = this.data.view;
      if (!view?.point) return;
      wx.openLocation({
        latitude: view.point.latitude,
        longitude: view.point.longitude,
        name: view.subjectName,
        address: view.subjectAddress,
        scale: 17,
      });
    },
    onAction(e: WechatMiniprogram.TouchEvent) {
      const action = (e.currentTarget.dataset as { action?: CaseAction }).action;
      if (!action) return;
      if (this.data.sheet) this.setData({ sheet: false });
      if (!isPanelAction(action)) {
        this.confirmAndSend(action, { id: this.data.id });
        return;
      }
      const current = this.data.view?.handlerIds ?? [];
      this.setData({
        panel: action,
        panelTitle: PANEL_TITLES[action],
        reason: '',
        text: '',
        caseOpened: '',
        days: '',
        method: '',
        noticeDate: '',
        noticeTime: '',
        today: shanghaiToday(),
        handlers: this.data.handlers.map((h) => ({ ...h, on: current.includes(h.staffId) })),
        fieldError: '',
        banner: '',
        notice: '',
      });
    },
    onCancelPanel() {
      this.setData({ panel: '', fieldError: '' });
    },
    onReason(e: WechatMiniprogram.TouchEvent) {
      const reason = (e.currentTarget.dataset as { code?: string }).code ?? '';
      this.setData({ reason, fieldError: '' });
    },
    onCaseOpened(e: WechatMiniprogram.TouchEvent) {
      const value = (e.currentTarget.dataset as { value?: 'yes' | 'no' }).value ?? '';
      this.setData({ caseOpened: value, fieldError: '' });
    },
    /** Opening the case in the register links this report and records its 立案 in the same step (case.open). */
    onOpenCase() {
      this.setData({ panel: '' });
      wx.navigateTo({ url: `/pages/case/open/index?complaintId=${this.data.id}` });
    },
    onHandler(e: WechatMiniprogram.TouchEvent) {
      const staffId = (e.currentTarget.dataset as { staffId?: string }).staffId;
      const handlers = this.data.handlers.map((h) => (h.staffId === staffId ? { ...h, on: !h.on } : h));
      if (handlers.filter((h) => h.on).length > MAX_HANDLERS) {
        this.setData({ fieldError: `承办人最多 ${MAX_HANDLERS} 名` });
        return;
      }
      this.setData({ handlers, fieldError: '' });
    },
    onDays(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ days: e.detail.value, fieldError: '' });
    },
    onMethod(e: WechatMiniprogram.TouchEvent) {
      const method = (e.currentTarget.dataset as { method?: string }).method ?? '';
      this.setData({ method, fieldError: '' });
    },
    onNoticeDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ noticeDate: e.detail.value, fieldError: '' });
    },
    onNoticeTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ noticeTime: e.detail.value, fieldError: '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, fieldError: '' });
    },
    onPanelSubmit() {
      const panel = this.data.panel;
      if (!panel) return;
      const checked = checkPanel(panel, {
        id: this.data.id,
        reason: this.data.reason,
        text: this.data.text,
        caseOpened: this.data.caseOpened,
        days: this.data.days,
        method: this.data.method,
        noticeDate: this.data.noticeDate,
        noticeTime: this.data.noticeTime,
        handlerIds: this.data.handlers.filter((h) => h.on).map((h) => h.staffId),
      });
      if (!checked.ok) {
        this.setData({ fieldError: checked.message });
        return;
      }
      this.confirmAndSend(panel, checked.payload);
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
      this.setData({ busy: true, banner: '', notice: '' });
      // One requestId per confirmed step, so the backend's idempotency absorbs a double submission.
      const res = await sendStep(action, payload, newRequestId());
      this.setData({ busy: false });
      if (res.ok) {
        wx.showToast({ title: DONE_TOAST[action], icon: 'success' });
        const created = action === 'split' ? (res.data as { trackingNo?: string }).trackingNo : '';
        this.setData({
          panel: '',
          text: '',
          reason: '',
          caseOpened: '',
          notice: created
            ? `已拆分出一件${this.data.view?.splitKindLabel ?? ''}，受理编号 ${created}，可在办理列表中查看。`
            : '',
        });
        await this.load();
        return;
      }
      const fields = Object.values(res.error.fields ?? {});
      if (fields.length && this.data.panel) this.setData({ fieldError: fields.join('；') });
      else this.setData({ banner: res.error.message });
    },
  },
});
