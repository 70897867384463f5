/**
 * The complaint form (PUB-3). Checked with the contract's own schema before sending; the function's
 * `fields` land on the same places. Every change is kept as a draft (wx.setStorageSync) so that leaving the page
 * loses nothing; photos go straight into the caller's quarantine path and the draft keeps their fileIDs. At
 * submission the page asks for the one-time subscribe grant (refusing is normal and changes nothing). A complaint
 * about enforcement conduct may name the officer (name, certificate number, both optional; the contract's
 * `officerConcernedSchema` checks them); the fields show, are kept and are sent for that category only.
 */
import { complaintFields } from '../../../behaviors/complaint-fields';
import { pageBase } from '../../../behaviors/page-base';
import { phoneCall } from '../../../behaviors/phone-call';
import { COMPLAINT_SUBSCRIBE_TEMPLATE_ID } from '../../../config';
import {
  COMPLAINT_CATEGORIES,
  CONDUCT_CATEGORY,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_PHOTOS,
  type ComplaintSubmitInput,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import {
  checkForm,
  DRAFT_KEY,
  emptyForm,
  formErrorsOf,
  fromDraft,
  isBlank,
  toDraft,
  type FormErrors,
  type FormState,
} from '../../../utils/complaint-form';
import { openPermissionSettings, permissionNotice, type PermissionNotice } from '../../../utils/permission';
import { fillPhoneFromWechat, type PhoneButtonDetail, type PhoneHost } from './phone';
import { addPhotos, removePhoto, uploadAgain, type PhotoHost } from './photos';

const DONE_PAGE = '/pages/complaint/done/index';

type Field =
  | 'subjectName'
  | 'subjectAddress'
  | 'description'
  | 'contactName'
  | 'contactPhone'
  | 'officerName'
  | 'officerCertNo';
/**
 * Where each error is shown, in page order: after 提交 with errors the page scrolls to the first one,
 * so a long form never fails out of sight.
 */
export const ERROR_ANCHORS: Array<[keyof FormErrors, string]> = [
  ['kind', '#form-kind'],
  ['category', '#form-category'],
  ['officerName', '#form-officer'],
  ['officerCertNo', '#form-officer'],
  ['subjectName', '#form-subject'],
  ['subjectAddress', '#form-subject'],
  ['description', '#form-description'],
  ['photos', '#form-photos'],
  ['contact', '#form-contact'],
  ['contactName', '#form-contact'],
  ['contactPhone', '#form-contact'],
];

/** The banner after a refused 提交: how many places need changing (the page scrolls to the first). */
export function errorBanner(errors: FormErrors, extra: string[] = []): string {
  const n = Object.values(errors).filter(Boolean).length + extra.length;
  return `有 ${n} 处需要修改，请按提示修改标红的内容后再提交`;
}

const ERROR_OF_FIELD: Record<Field, keyof FormErrors> = {
  subjectName: 'subjectName',
  subjectAddress: 'subjectAddress',
  description: 'description',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  officerName: 'officerName',
  officerCertNo: 'officerCertNo',
};

Component({
  behaviors: [pageBase, complaintFields, phoneCall],
  data: {
    form: emptyForm(),
    errors: {} as FormErrors,
    banner: '',
    /** The banner names 12345 (a refusal that suggests the hotline): offer the call. */
    bannerCall: false,
    categories: COMPLAINT_CATEGORIES as readonly string[],
    /** Chosen, it shows the optional officer fields (sent as `officer`). */
    conductCategory: CONDUCT_CATEGORY as string,
    descriptionMax: DESCRIPTION_MAX,
    descriptionMin: DESCRIPTION_MIN,
    maxPhotos: MAX_PHOTOS,
    locationText: '',
    restored: false,
    submitting: false,
    phoneHint: '',
    phoneLoading: false,
    /** A refused permission or privacy guide: what failed, and whether 去设置 can fix it. */
    permission: null as PermissionNotice | null,
    permissionFor: '' as '' | 'photos' | 'location' | 'privacy',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const kind = query.kind === 'complaint' || query.kind === 'report' ? query.kind : '';
      let stored: unknown = null;
      try {
        stored = wx.getStorageSync(DRAFT_KEY);
      } catch {
        stored = null;
      }
      const draft = fromDraft(stored, Date.now());
      const form = draft ?? emptyForm(kind);
      if (kind && !draft) form.kind = kind;
      this.setData({ form, restored: !!draft && !isBlank(draft), locationText: locationText(form) });
    },
    /** Sets form fields, clears their errors and saves the draft. */
    update(patch: Partial<FormState>, clear: Array<keyof FormErrors> = []) {
      const form: FormState = { ...this.data.form, ...patch };
      const errors = { ...this.data.errors };
      for (const key of clear) delete errors[key];
      this.setData({ form, errors, locationText: locationText(form) });
      this.saveDraft(form);
    },
    saveDraft(form: FormState) {
      try {
        if (isBlank(form)) wx.removeStorageSync(DRAFT_KEY);
        else wx.setStorageSync(DRAFT_KEY, toDraft(form, Date.now()));
      } catch {
        // Storage full or unavailable: the form still works, only the draft is lost.
      }
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: Field }).field;
      if (!field || !(field in ERROR_OF_FIELD)) return;
      this.update({ [field]: e.detail.value } as Partial<FormState>, [ERROR_OF_FIELD[field]]);
    },
    onGetPhoneNumber(e: WechatMiniprogram.CustomEvent<PhoneButtonDetail>) {
      void fillPhoneFromWechat(this as unknown as PhoneHost, e.detail ?? {});
    },
    onPickLocation() {
      wx.chooseLocation({
        fail: (err) => this.onPermissionFailed('location', err?.errMsg),
        success: (res) => {
          this.setData({ permission: null, permissionFor: '' });
          const patch: Partial<FormState> = {
            location: { latitude: res.latitude, longitude: res.longitude },
          };
          if (!this.data.form.subjectAddress.trim() && res.address) patch.subjectAddress = res.address;
          if (!this.data.form.subjectName.trim() && res.name) patch.subjectName = res.name;
          this.update(patch, ['subjectAddress']);
        },
      });
    },
    /** A failed pick: cancelled says nothing; a refused permission or privacy guide says what and how to fix it. */
    onPermissionFailed(need: 'photos' | 'location', errMsg: string | undefined) {
      const notice = permissionNotice(need, errMsg);
      this.setData({ permission: notice, permissionFor: notice ? need : '' });
    },
    onOpenSetting() {
      openPermissionSettings();
      this.setData({ permission: null, permissionFor: '' });
    },
    /** The privacy panel refused: the privacy interfaces (photos, map, WeChat phone) cannot be used; typing can. */
    onPrivacyRefused() {
      this.setData({
        permission: {
          text: '您未同意《小程序隐私保护指引》，暂时不能添加照片、在地图上选点或使用微信手机号；其余内容可以照常填写并提交。',
          settings: false,
        },
        permissionFor: 'privacy',
      });
    },
    /** Scrolls to the first field with an error (WeChat's pageScrollTo by selector, base library ≥ 2.7.3). */
    scrollToFirstError(errors: FormErrors) {
      const anchor = ERROR_ANCHORS.find(([key]) => errors[key])?.[1] ?? '#form-banner';
      if (typeof wx.pageScrollTo === 'function') {
        wx.pageScrollTo({ selector: anchor, offsetTop: -16, duration: 300 });
      }
    },
    onClearLocation() {
      this.update({ location: null });
    },
    onAddPhotos() {
      void addPhotos(this as unknown as PhotoHost);
    },
    onRemovePhoto(e: WechatMiniprogram.TouchEvent) {
      const index = Number((e.currentTarget.dataset as { index?: number }).index);
      removePhoto(this as unknown as PhotoHost, index);
    },
    onDiscardDraft() {
      try {
        wx.removeStorageSync(DRAFT_KEY);
      } catch {
        // nothing to remove
      }
      this.setData({
        form: emptyForm(this.data.form.kind),
        errors: {},
        banner: '',
        restored: false,
        locationText: '',
      });
    },
    onSubmit() {
      if (this.data.submitting) return;
      const checked = checkForm(this.data.form);
      if (!checked.ok) {
        this.setData({ errors: checked.errors, banner: errorBanner(checked.errors), bannerCall: false });
        this.scrollToFirstError(checked.errors);
        return;
      }
      this.setData({ errors: {}, banner: '', bannerCall: false });
      const payload = checked.payload;
      // The grant must be asked for inside the tap; anonymous reporters get no messages, so are not asked.
      const templateId = COMPLAINT_SUBSCRIBE_TEMPLATE_ID;
      if (!payload.contact.anonymous && templateId && typeof wx.requestSubscribeMessage === 'function') {
        wx.requestSubscribeMessage({
          tmplIds: [templateId],
          complete: () => void this.send(payload),
        } as WechatMiniprogram.RequestSubscribeMessageOption);
      } else {
        void this.send(payload);
      }
    },
    async send(payload: ComplaintSubmitInput) {
      this.setData({ submitting: true });
      // The same content retried keeps its requestId, so a retry after a lost answer creates no second record.
      const self = this as unknown as { attempt?: { json: string; requestId: string } };
      const json = JSON.stringify(payload);
      if (!self.attempt || self.attempt.json !== json) self.attempt = { json, requestId: newRequestId() };
      const res = await call('citizen', 'complaint.submit', payload, { requestId: self.attempt.requestId });
      this.setData({ submitting: false });
      if (res.ok) {
        try {
          wx.removeStorageSync(DRAFT_KEY);
        } catch {
          // the draft stays; harmless
        }
        const q = res.data;
        const anonymous = payload.contact.anonymous ? '1' : '0';
        wx.redirectTo({
          url: `${DONE_PAGE}?trackingNo=${q.trackingNo}&due=${q.acceptanceDueDate}&provisional=${q.acceptanceDueProvisional ? 1 : 0}&anonymous=${anonymous}`,
        });
        return;
      }
      const { errors, other } = formErrorsOf(res.error.fields ?? {});
      const banner =
        res.error.code === 'INVALID_INPUT'
          ? [errorBanner(errors, other), res.error.message, ...other].join('；')
          : res.error.message;
      this.setData({ errors, banner, bannerCall: banner.includes('12345') });
      this.scrollToFirstError(errors);
      // A decided refusal deleted the uploaded originals; a network failure or INTERNAL kept them.
      if (res.error.code !== 'INTERNAL' && payload.photos?.length)
        await uploadAgain(this as unknown as PhotoHost);
    },
  },
});

function locationText(form: FormState): string {
  const l = form.location;
  return l ? `已在地图上选点（${l.latitude.toFixed(4)}，${l.longitude.toFixed(4)}）` : '';
}
