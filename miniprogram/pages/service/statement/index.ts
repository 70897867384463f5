/**
 * The statement form of a served document (行政处罚法 Art. 43, 45, 62, 64): 陈述、申辩 (heard until the decision; a
 * late one is accepted and marked late), 要求听证 (within its period; after it the backend answers with the day it
 * closed), 申请回避 (any time before the decision). A statement may carry photos (wx.chooseMedia, images only),
 * uploaded at once into the caller's upload slot (`service.uploadSlot`); a refused album/camera permission or
 * privacy guide is said, with 去设置 where the settings can fix it, as on the complaint form.
 */
import type { SubmissionKind } from '../../../core-bundle/index';
import { pageBase } from '../../../behaviors/page-base';
import { call, newRequestId } from '../../../services/api';
import { uploadFile } from '../../../services/storage';
import { shanghaiMinute } from '../../../utils/date-format';
import { openPermissionSettings, permissionNotice, type PermissionNotice } from '../../../utils/permission';
import {
  DOCUMENT_PAGE,
  STATEMENT_ACTIONS,
  STATEMENT_PLACEHOLDERS,
  STATEMENT_TITLES,
  submissionRow,
} from '../view';

const LEADS: Record<SubmissionKind, string> = {
  statement:
    '您可以就文书所述事实、理由和依据陈述意见、进行申辩。在作出处罚决定前提出的都会受理；超过告知书所给期限的，记录为逾期提出。陈述、申辩不会导致加重处罚。',
  hearing: '拟作出的处罚属于可以要求听证的情形。请在告知书所给期限内提出；逾期未提出的，视为放弃听证权利。',
  recusal:
    '您认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，可以申请其回避。作出决定前均可提出。',
};
const MAX_LENGTH: Record<SubmissionKind, number> = { statement: 5000, hearing: 1000, recusal: 2000 };
/** The backend refuses larger files (server/media MAX_UPLOAD_BYTES). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

interface StatementPhoto {
  localPath: string;
  fileID: string;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
}

Component({
  behaviors: [pageBase],
  data: {
    state: 'form',
    id: '',
    kind: 'statement' as SubmissionKind,
    title: '',
    lead: '',
    placeholder: '',
    maxLength: 5000,
    text: '',
    textError: '',
    formError: '',
    submitting: false,
    requestId: '',
    doneMark: '',
    doneAt: '',
    photos: [] as StatementPhoto[],
    maxPhotos: 9,
    photosError: '',
    permission: null as PermissionNotice | null,
    /** The paths of the upload slot not used yet, and until when they take an upload. */
    slotPaths: [] as string[],
    slotUploadBy: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = decodeURIComponent(query.id ?? '').trim();
      const kind = query.kind as SubmissionKind | undefined;
      if (!id || !kind || !(kind in STATEMENT_TITLES)) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({
        id,
        kind,
        title: STATEMENT_TITLES[kind],
        lead: LEADS[kind],
        placeholder: STATEMENT_PLACEHOLDERS[kind],
        maxLength: MAX_LENGTH[kind],
        requestId: newRequestId(),
      });
    },
    onText(e: WechatMiniprogram.Input) {
      this.setData({ text: e.detail.value, textError: '' });
    },
    patchPhoto(localPath: string, patch: Partial<StatementPhoto>) {
      this.setData({
        photos: this.data.photos.map((p) => (p.localPath === localPath ? { ...p, ...patch } : p)),
      });
    },
    /** The next path of the caller's upload slot for this service; a used-up or stale slot is replaced. */
    async nextPath(): Promise<string | null> {
      let { slotPaths, slotUploadBy } = this.data;
      if (slotPaths.length === 0 || Date.parse(slotUploadBy) <= Date.now()) {
        const res = await call('citizen', 'service.uploadSlot', { serviceId: this.data.id });
        if (!res.ok) return null;
        slotPaths = [...res.data.paths];
        slotUploadBy = res.data.uploadBy;
        this.setData({ maxPhotos: res.data.maxPhotos });
      }
      const [next, ...rest] = slotPaths;
      this.setData({ slotPaths: rest, slotUploadBy });
      return next ?? null;
    },
    async uploadOne(localPath: string) {
      const cloudPath = await this.nextPath();
      if (!cloudPath) {
        this.patchPhoto(localPath, { state: 'failed' });
        return;
      }
      const res = await uploadFile({
        cloudPath,
        filePath: localPath,
        onProgress: (progress) => this.patchPhoto(localPath, { progress }),
      });
      if (res.ok) this.patchPhoto(localPath, { state: 'done', fileID: res.fileID, progress: 100 });
      else this.patchPhoto(localPath, { state: 'failed' });
    },
    onAddPhotos() {
      const remaining = this.data.maxPhotos - this.data.photos.length;
      if (remaining <= 0) {
        this.setData({ photosError: `最多上传 ${this.data.maxPhotos} 张图片` });
        return;
      }
      wx.chooseMedia({
        count: remaining,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        fail: (err) => this.onPermissionFailed(err?.errMsg),
        success: (res) => {
          const picked = res.tempFiles.filter((f) => f.size <= MAX_PHOTO_BYTES);
          const tooBig = res.tempFiles.length - picked.length;
          const added: StatementPhoto[] = picked.map((f) => ({
            localPath: f.tempFilePath,
            fileID: '',
            progress: 0,
            state: 'uploading',
          }));
          this.setData({
            permission: null,
            photos: [...this.data.photos, ...added],
            photosError: tooBig ? `有 ${tooBig} 张图片超过 10 MB，未添加` : '',
          });
          void (async () => {
            for (const p of added) await this.uploadOne(p.localPath);
          })();
        },
      });
    },
    /** A cancelled pick says nothing; a refused permission or privacy guide says what and how to fix it. */
    onPermissionFailed(errMsg: string | undefined) {
      this.setData({ permission: permissionNotice('photos', errMsg) });
    },
    onOpenSetting() {
      openPermissionSettings();
    },
    onRemovePhoto(e: WechatMiniprogram.TouchEvent) {
      const index = Number((e.currentTarget.dataset as { index?: number }).index);
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index), photosError: '' });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      if (this.data.photos.some((p) => p.state === 'uploading')) {
        this.setData({ photosError: '图片正在上传，请稍候再提交' });
        return;
      }
      if (this.data.photos.some((p) => p.state === 'failed')) {
        this.setData({ photosError: '有图片上传失败，请删除后重新添加' });
        return;
      }
      this.setData({ submitting: true, formError: '', textError: '' });
      const kind = this.data.kind;
      const text = this.data.text.trim();
      const opts = { requestId: this.data.requestId };
      const res =
        kind === 'statement'
          ? await call(
              'citizen',
              STATEMENT_ACTIONS.statement,
              {
                serviceId: this.data.id,
                text,
                ...(this.data.photos.length ? { photos: this.data.photos.map((p) => p.fileID) } : {}),
              },
              opts,
            )
          : kind === 'hearing'
            ? await call(
                'citizen',
                STATEMENT_ACTIONS.hearing,
                { serviceId: this.data.id, ...(text ? { reason: text } : {}) },
                opts,
              )
            : await call(
                'citizen',
                STATEMENT_ACTIONS.recusal,
                { serviceId: this.data.id, reason: text },
                opts,
              );
      if (res.ok) {
        const row = submissionRow(res.data);
        this.setData({
          state: 'done',
          submitting: false,
          doneMark: row.mark,
          doneAt: shanghaiMinute(res.data.at),
        });
        return;
      }
      const fields = res.error.fields ?? {};
      const textError = fields['payload.text'] ?? fields['payload.reason'] ?? '';
      const photosError = Object.entries(fields).find(([k]) => k.startsWith('payload.photos'))?.[1] ?? '';
      // A refused request is final for this requestId: a new attempt gets a new one.
      this.setData({
        submitting: false,
        textError,
        photosError,
        formError: textError || photosError ? '' : res.error.message,
        requestId: newRequestId(),
      });
    },
    onBack() {
      wx.redirectTo({ url: `${DOCUMENT_PAGE}?id=${this.data.id}` });
    },
  },
});
