/**
 * Registering a record (REC-2, REC-3, REC-4, REC-5; 全过程记录制度第九条至第十三条、第二十一条): a document (its type from
 * the national list, number, the times written in it, signed or not, blank items) with a photo or file from the
 * phone, an AV recording by reference (recorder, start and end, place, hash, where it is kept, interruptions with
 * their explanation), or electronic data (source, time, hash). The file goes to the officer's own upload slot
 * (record.uploadSlot, the storage rules' quarantine) and record.register copies and hashes it. The form is checked
 * with the contract's schema; the first error is scrolled into view.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { RecordType } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { uploadFile } from '../../../services/storage';
import { shanghaiToday } from '../../../utils/date-format';
import {
  AV_ACT_OPTIONS,
  checkRecordForm,
  DOC_TYPE_OPTIONS,
  emptyRecordForm,
  scrollTargetOf,
  STOP_REASON_OPTIONS,
  TYPE_OPTIONS,
  type RecordForm,
} from './form';

Component({
  behaviors: [pageBase],
  data: {
    caseId: '',
    form: emptyRecordForm() as RecordForm,
    typeOptions: TYPE_OPTIONS,
    docTypeOptions: DOC_TYPE_OPTIONS,
    avActOptions: AV_ACT_OPTIONS,
    stopReasonOptions: STOP_REASON_OPTIONS,
    docTypeLabel: '',
    avActLabel: '',
    errors: {} as Record<string, string>,
    banner: '',
    uploading: false,
    uploadPercent: 0,
    busy: false,
    requestId: '',
    today: shanghaiToday(),
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ caseId: query.caseId ?? '', requestId: newRequestId() });
    },
    onType(e: WechatMiniprogram.TouchEvent) {
      const type = (e.currentTarget.dataset as { key?: RecordType }).key;
      if (type && type !== this.data.form.type)
        this.setData({
          form: {
            ...emptyRecordForm(type),
            title: this.data.form.title,
            workEnded: this.data.form.workEnded,
          },
          errors: {},
          docTypeLabel: '',
          avActLabel: '',
        });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (field) this.setData({ [`form.${field}`]: e.detail.value });
    },
    onDocType(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const opt = DOC_TYPE_OPTIONS[Number(e.detail.value)];
      if (opt) this.setData({ 'form.docType': opt.key, docTypeLabel: opt.label });
    },
    onAvAct(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const opt = AV_ACT_OPTIONS[Number(e.detail.value)];
      if (opt) this.setData({ 'form.act': opt.key, avActLabel: opt.label });
    },
    onSigned(e: WechatMiniprogram.TouchEvent) {
      this.setData({ 'form.signed': (e.currentTarget.dataset as { value?: string }).value === 'yes' });
    },
    onAddDocTime() {
      this.setData({
        'form.docTimes': [...this.data.form.docTimes, { date: this.data.today, time: '09:00' }],
      });
    },
    onRemoveDocTime(e: WechatMiniprogram.TouchEvent) {
      const i = Number((e.currentTarget.dataset as { index?: number }).index);
      this.setData({ 'form.docTimes': this.data.form.docTimes.filter((_t, j) => j !== i) });
    },
    onAddInterruption() {
      this.setData({
        'form.interruptions': [
          ...this.data.form.interruptions,
          { date: this.data.form.start.date || this.data.today, time: '09:00', explanation: '', how: '' },
        ],
      });
    },
    onRemoveInterruption(e: WechatMiniprogram.TouchEvent) {
      const i = Number((e.currentTarget.dataset as { index?: number }).index);
      this.setData({ 'form.interruptions': this.data.form.interruptions.filter((_t, j) => j !== i) });
    },
    onHow(e: WechatMiniprogram.TouchEvent) {
      const { index, how } = e.currentTarget.dataset as { index?: number; how?: string };
      this.setData({ [`form.interruptions[${Number(index)}].how`]: how ?? '' });
    },
    /** Tapping the chosen reason again clears it (an interruption that was not a deliberate stop). */
    onStopReason(e: WechatMiniprogram.TouchEvent) {
      const { index, reason } = e.currentTarget.dataset as { index?: number; reason?: string };
      const i = Number(index);
      const now = this.data.form.interruptions[i]?.stopReason;
      this.setData({ [`form.interruptions[${i}].stopReason`]: now === reason ? '' : (reason ?? '') });
    },
    onChooseMedia() {
      wx.chooseMedia({
        count: 1,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        success: (res) => {
          const f = res.tempFiles[0];
          if (f) void this.upload(f.tempFilePath, '照片');
        },
      });
    },
    onChooseFile() {
      wx.chooseMessageFile({
        count: 1,
        type: 'file',
        success: (res) => {
          const f = res.tempFiles[0];
          if (f) void this.upload(f.path, f.name);
        },
      });
    },
    async upload(filePath: string, name: string) {
      this.setData({ uploading: true, uploadPercent: 0, 'errors.fileID': '' });
      const slot = await call('staff', 'record.uploadSlot', {});
      if (!slot.ok) {
        this.setData({ uploading: false, 'errors.fileID': slot.error.message });
        return;
      }
      const up = await uploadFile({
        cloudPath: slot.data.path,
        filePath,
        onProgress: (p) => this.setData({ uploadPercent: p }),
      });
      if (!up.ok) {
        this.setData({ uploading: false, 'errors.fileID': up.message });
        return;
      }
      this.setData({ uploading: false, 'form.fileID': up.fileID, 'form.fileName': name, 'form.sha256': '' });
    },
    onRemoveFile() {
      this.setData({ 'form.fileID': '', 'form.fileName': '' });
    },
    async onSubmit() {
      if (this.data.busy || this.data.uploading) return;
      const checked = checkRecordForm(this.data.form, this.data.caseId);
      if (!checked.ok) {
        this.setData({ errors: checked.errors, banner: '请按提示修改后再提交' });
        wx.pageScrollTo({ selector: scrollTargetOf(checked.first), duration: 200 });
        return;
      }
      this.setData({ busy: true, errors: {}, banner: '' });
      const res = await call('staff', 'record.register', checked.payload, { requestId: this.data.requestId });
      this.setData({ busy: false });
      if (!res.ok) {
        const errors: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.error.fields ?? {})) errors[k.replace(/^payload\./, '')] = v;
        this.setData({ errors, banner: res.error.message });
        const first = Object.keys(errors)[0];
        wx.pageScrollTo({ selector: first ? scrollTargetOf(first) : '#record-banner', duration: 200 });
        return;
      }
      wx.showToast({ title: '已登记', icon: 'success' });
      wx.navigateBack?.({ delta: 1 });
    },
  },
});
