/**
 * Recording a complaint received by phone, the 12345 hotline, a petition or a letter (PUB-3,
 * `staff` `complaint.record`): the citizen form's fields, rules and Chinese messages (the shared form model,
 * utils/complaint-form.ts, checked with the contract's `complaintRecordInput`), plus the source and its
 * reference (e.g. the 12345 work-order number) and when it was received: the acceptance period runs from
 * receipt (now, unless an earlier date and time are picked). No photos: a recorded complaint has none. A complaint
 * about enforcement conduct may name the officer (name, certificate number); it goes to the commission.
 * Every change is kept as a draft (draft.ts) and offered again when the page opens.
 */
import { complaintFields } from '../../../behaviors/complaint-fields';
import { pageBase } from '../../../behaviors/page-base';
import {
  CONDUCT_CATEGORY,
  issuesToFields,
  officerConcernedSchema,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCE_LABELS,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  type ComplaintRecordInput,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import {
  checkRecordForm,
  emptyRecord,
  formErrorsOf,
  officerOf,
  RECORD_SOURCES,
  type FormErrors,
  type RecordSource,
  type RecordState,
} from '../../../utils/complaint-form';
import { chineseDate } from '../../../utils/date-format';
import { clearRecordDraft, loadRecordDraft, saveRecordDraft } from './draft';

type Field = 'subjectName' | 'subjectAddress' | 'description' | 'contactName' | 'contactPhone' | 'sourceRef';
const FIELDS: readonly Field[] = [
  'subjectName',
  'subjectAddress',
  'description',
  'contactName',
  'contactPhone',
  'sourceRef',
];

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), whatever the phone's zone. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

const SOURCES = RECORD_SOURCES.map((key) => ({ key, label: COMPLAINT_SOURCE_LABELS[key] }));

Component({
  behaviors: [pageBase, complaintFields],
  data: {
    form: emptyRecord(),
    errors: {} as FormErrors,
    banner: '',
    sources: SOURCES,
    categories: COMPLAINT_CATEGORIES as readonly string[],
    descriptionMax: DESCRIPTION_MAX,
    descriptionMin: DESCRIPTION_MIN,
    submitting: false,
    /** The latest date the picker offers: today in Shanghai (a receipt cannot be in the future). */
    today: shanghaiToday(),
    /** A complaint about enforcement conduct names the officer if the caller can (goes to the commission). */
    conductCategory: CONDUCT_CATEGORY,
    officerName: '',
    officerCertNo: '',
    officerError: '',
    /** A draft from an earlier visit was put back into the form. */
    restored: false,
  },
  methods: {
    onLoad() {
      const draft = loadRecordDraft(Date.now());
      if (draft) this.setData({ form: draft, restored: true });
    },
    /** Sets form fields, clears their errors and saves the draft. */
    update(patch: Partial<RecordState>, clear: Array<keyof FormErrors> = []) {
      const errors = { ...this.data.errors };
      for (const key of clear) delete errors[key];
      const form = { ...this.data.form, ...patch };
      this.setData({ form, errors });
      saveRecordDraft(form, Date.now());
    },
    /** 清空草稿: start again from an empty form. */
    onDiscardDraft() {
      clearRecordDraft();
      this.setData({ form: emptyRecord(), errors: {}, banner: '', restored: false });
    },
    onSource(e: WechatMiniprogram.TouchEvent) {
      const source = (e.currentTarget.dataset as { source?: RecordSource }).source;
      if (source) this.update({ source }, ['source']);
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: Field }).field;
      if (!field || !FIELDS.includes(field)) return;
      this.update({ [field]: e.detail.value } as Partial<RecordState>, [field]);
    },
    onOfficer(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const key = (e.currentTarget.dataset as { field?: string }).field;
      if (key === 'officerName' || key === 'officerCertNo')
        this.setData({ [key]: e.detail.value, officerError: '' });
    },
    /** The officer as given, for a conduct complaint only: checked with the contract's schema. */
    officerOf(): { ok: true; officer?: { name?: string; certNo?: string } } | { ok: false } {
      const { form, officerName, officerCertNo } = this.data;
      // The citizen form's rule (utils/complaint-form.ts): the conduct category only, blank fields left out.
      const given = officerOf({ ...form, officerName, officerCertNo });
      if (!given) return { ok: true };
      const parsed = officerConcernedSchema.safeParse(given);
      if (parsed.success) return { ok: true, officer: parsed.data };
      this.setData({ officerError: Object.values(issuesToFields(parsed.error.issues)).join('；') });
      return { ok: false };
    },
    onReceivedDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ receivedDate: e.detail.value }, ['receivedAt']);
    },
    onReceivedTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ receivedTime: e.detail.value }, ['receivedAt']);
    },
    onReceivedNow() {
      this.update({ receivedDate: '', receivedTime: '' }, ['receivedAt']);
    },
    onSubmit() {
      if (this.data.submitting) return;
      const checked = checkRecordForm(this.data.form);
      if (!checked.ok) {
        this.setData({ errors: checked.errors, banner: '请按提示修改标红的内容后再登记' });
        return;
      }
      const officer = this.officerOf();
      if (!officer.ok) {
        this.setData({ banner: '请按提示修改标红的内容后再登记' });
        return;
      }
      this.setData({ errors: {}, banner: '' });
      const payload = officer.officer ? { ...checked.payload, officer: officer.officer } : checked.payload;
      wx.showModal({
        title: '确认登记',
        content: `将登记为来自“${COMPLAINT_SOURCE_LABELS[payload.source]}”的${payload.kind === 'report' ? '举报' : '投诉'}，受理期限自${payload.receivedAt ? '所填收到时间' : '现在'}起计算。`,
        confirmText: '登记',
        cancelText: '取消',
        success: (res) => {
          if (res.confirm) void this.send(payload);
        },
      });
    },
    async send(payload: ComplaintRecordInput) {
      this.setData({ submitting: true });
      // The same content retried keeps its requestId, so a retry after a lost answer records it once.
      const self = this as unknown as { attempt?: { json: string; requestId: string } };
      const json = JSON.stringify(payload);
      if (!self.attempt || self.attempt.json !== json) self.attempt = { json, requestId: newRequestId() };
      const res = await call('staff', 'complaint.record', payload, { requestId: self.attempt.requestId });
      this.setData({ submitting: false });
      if (res.ok) {
        clearRecordDraft();
        wx.showModal({
          title: '已登记',
          content: `受理编号 ${res.data.trackingNo}，请在 ${chineseDate(res.data.acceptanceDueDate)}前决定是否受理。`,
          showCancel: false,
          confirmText: '查看',
          success: () => wx.redirectTo({ url: `/pages/staff/complaint-case/index?id=${res.data.id}` }),
        });
        return;
      }
      const { errors, other } = formErrorsOf(res.error.fields ?? {});
      const banner =
        res.error.code === 'INVALID_INPUT' ? [res.error.message, ...other].join('；') : res.error.message;
      this.setData({ errors, banner });
    },
  },
});
