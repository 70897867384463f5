/**
 * One complaint as its owner sees it (PUB-3: progress query): the status with what is expected next and by when,
 * the timeline newest first with the replies, the result, for 不予受理 where to go instead, the owner's own photos
 * (short-lived URLs; tap to enlarge). While it is open the owner may add material (text and up to 3 photos) and
 * withdraw it; once it is over, rate the handling once (each step is the backend's, offered as
 * `citizenSteps` says). Opened from the list, the confirmation, or a subscribe message (`?trackingNo=`). A number
 * that is not the caller's answers NOT_FOUND like one that does not exist. Never shared: it is someone's own matter.
 */
import { pageBase } from '../../../behaviors/page-base';
import { phoneCall } from '../../../behaviors/phone-call';
import { COMPLAINT_SUBSCRIBE_TEMPLATE_ID } from '../../../config';
import {
  complaintAddMaterialInput,
  complaintRateInput,
  COMPLAINT_MATERIAL_LIMITS,
  issuesToFields,
  RATING_COMMENT_MAX,
  type CitizenComplaintView,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import type { FormErrors, FormState } from '../../../utils/complaint-form';
import { openPermissionSettings, type PermissionNotice } from '../../../utils/permission';
import { addPhotos, removePhoto, type PhotoHost } from '../form/photos';
import { detailView, WITHDRAW_CONFIRM, type DetailView } from './view';

export { detailView };

interface Self {
  attempts?: Record<string, { json: string; requestId: string }>;
}

/** The same content retried keeps its requestId, so a retry after a lost answer acts once. */
function requestIdFor(self: Self, step: string, payload: unknown): string {
  const json = JSON.stringify(payload);
  self.attempts ??= {};
  const earlier = self.attempts[step];
  if (earlier && earlier.json === json) return earlier.requestId;
  const requestId = newRequestId();
  self.attempts[step] = { json, requestId };
  return requestId;
}

Component({
  behaviors: [pageBase, phoneCall],
  data: {
    state: 'loading',
    errorMessage: '',
    trackingNo: '',
    view: null as DetailView | null,
    subscribeNote: '',
    // Add material: the photo helpers of the form work on `form.photos` (pages/complaint/form/photos.ts).
    form: { photos: [] } as unknown as FormState,
    errors: {} as FormErrors,
    maxPhotos: COMPLAINT_MATERIAL_LIMITS.photosPerAddition,
    materialMax: COMPLAINT_MATERIAL_LIMITS.textMax,
    materialText: '',
    materialError: '',
    materialCall: false,
    materialBusy: false,
    permission: null as PermissionNotice | null,
    permissionFor: '',
    // Rate.
    scores: [1, 2, 3, 4, 5],
    score: 0,
    comment: '',
    commentMax: RATING_COMMENT_MAX,
    rateError: '',
    rateBusy: false,
    // Withdraw.
    withdrawError: '',
    withdrawBusy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ trackingNo: (query.trackingNo ?? '').trim() });
      // Someone's own matter is never shared.
      if (typeof wx.hideShareMenu === 'function') wx.hideShareMenu({});
      void this.load();
    },
    async load() {
      if (!this.data.trackingNo) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('citizen', 'complaint.get', { trackingNo: this.data.trackingNo });
      if (res.ok) this.show(res.data);
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    show(data: CitizenComplaintView) {
      this.setData({ state: 'ready', view: detailView(data) });
    },
    onSubscribe() {
      const templateId = COMPLAINT_SUBSCRIBE_TEMPLATE_ID;
      if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return;
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: (res) => {
          const accepted = (res as unknown as Record<string, string>)[templateId] === 'accept';
          this.setData({
            subscribeNote: accepted
              ? '已开启：下一次进展会通过微信提醒您。'
              : '您未开启提醒，可以随时在这里查看进度。',
          });
        },
        fail: () => this.setData({ subscribeNote: '暂时无法开启提醒，您可以随时在这里查看进度。' }),
      } as WechatMiniprogram.RequestSubscribeMessageOption);
    },
    onPreviewPhoto(e: WechatMiniprogram.TouchEvent) {
      const urls = this.data.view?.photoUrls ?? [];
      const current = String((e.currentTarget.dataset as { url?: string }).url ?? urls[0] ?? '');
      if (urls.length) wx.previewImage({ current, urls });
    },

    // ---- add material ----
    /** The photo helpers' `update`: the material's photos, nothing saved as a draft. */
    update(patch: Partial<FormState>, clear: Array<keyof FormErrors> = []) {
      const errors = { ...this.data.errors };
      for (const key of clear) delete errors[key];
      this.setData({ form: { ...this.data.form, ...patch }, errors });
    },
    onMaterialText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ materialText: e.detail.value, materialError: '', materialCall: false });
    },
    onAddPhotos() {
      void addPhotos(this as unknown as PhotoHost);
    },
    onRemovePhoto(e: WechatMiniprogram.TouchEvent) {
      removePhoto(
        this as unknown as PhotoHost,
        Number((e.currentTarget.dataset as { index?: number }).index),
      );
    },
    onPrivacyRefused() {
      this.setData({
        permission: {
          text: '您未同意《小程序隐私保护指引》，暂时不能添加照片；您仍可以只提交文字说明。',
          settings: false,
        },
        permissionFor: 'privacy',
      });
    },
    onOpenSetting() {
      openPermissionSettings();
      this.setData({ permission: null, permissionFor: '' });
    },
    async onAddMaterial() {
      if (this.data.materialBusy) return;
      const photos = this.data.form.photos;
      if (photos.some((p) => p.state === 'uploading')) {
        this.setData({ materialError: '图片正在上传，请稍候再提交' });
        return;
      }
      const fileIDs = photos.filter((p) => p.state === 'done' && p.fileID).map((p) => p.fileID);
      const text = this.data.materialText.trim();
      const payload = {
        trackingNo: this.data.trackingNo,
        ...(text ? { text } : {}),
        ...(fileIDs.length ? { photos: fileIDs } : {}),
      };
      const parsed = complaintAddMaterialInput.safeParse(payload);
      if (!parsed.success) {
        this.setData({
          materialError: Object.values(issuesToFields(parsed.error.issues))[0] ?? '请检查填写的内容',
        });
        return;
      }
      this.setData({ materialBusy: true, materialError: '' });
      const res = await call('citizen', 'complaint.addMaterial', parsed.data, {
        requestId: requestIdFor(this as unknown as Self, 'addMaterial', parsed.data),
      });
      this.setData({ materialBusy: false });
      if (!res.ok) {
        const field = Object.values(res.error.fields ?? {})[0];
        const message = field ? `${res.error.message}：${field}` : res.error.message;
        this.setData({ materialError: message, materialCall: message.includes('12345') });
        return;
      }
      this.setData({ materialText: '', form: { ...this.data.form, photos: [] } });
      wx.showToast({ title: '已补充', icon: 'success' });
      await this.load(); // fresh photo URLs with the new ones
    },

    // ---- rate ----
    onScore(e: WechatMiniprogram.TouchEvent) {
      this.setData({
        score: Number((e.currentTarget.dataset as { score?: number }).score) || 0,
        rateError: '',
      });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value, rateError: '' });
    },
    async onRate() {
      if (this.data.rateBusy) return;
      const comment = this.data.comment.trim();
      const parsed = complaintRateInput.safeParse({
        trackingNo: this.data.trackingNo,
        score: this.data.score,
        ...(comment ? { comment } : {}),
      });
      if (!parsed.success) {
        this.setData({ rateError: Object.values(issuesToFields(parsed.error.issues))[0] ?? '请选择评分' });
        return;
      }
      this.setData({ rateBusy: true, rateError: '' });
      const res = await call('citizen', 'complaint.rate', parsed.data, {
        requestId: requestIdFor(this as unknown as Self, 'rate', parsed.data),
      });
      this.setData({ rateBusy: false });
      if (!res.ok) {
        this.setData({ rateError: res.error.message });
        return;
      }
      wx.showToast({ title: '感谢您的评价', icon: 'success' });
      this.show({ ...res.data, photoUrls: this.data.view?.photoUrls ?? [] });
    },

    // ---- withdraw ----
    onWithdraw() {
      const view = this.data.view;
      if (!view || this.data.withdrawBusy) return;
      const step = view.steps.withdraw ? 'withdraw' : 'withdrawReport';
      const confirm = WITHDRAW_CONFIRM[step];
      wx.showModal({
        title: confirm.title,
        content: confirm.content,
        confirmText: '确定撤回',
        cancelText: '不撤回',
        success: (r) => {
          if (r.confirm) void this.withdraw();
        },
      });
    },
    async withdraw() {
      this.setData({ withdrawBusy: true, withdrawError: '' });
      const payload = { trackingNo: this.data.trackingNo };
      const res = await call('citizen', 'complaint.withdraw', payload, {
        requestId: requestIdFor(this as unknown as Self, 'withdraw', payload),
      });
      this.setData({ withdrawBusy: false });
      if (!res.ok) {
        this.setData({ withdrawError: res.error.message });
        return;
      }
      wx.showToast({ title: '已撤回', icon: 'success' });
      this.show({ ...res.data, photoUrls: this.data.view?.photoUrls ?? [] });
    },
  },
});
