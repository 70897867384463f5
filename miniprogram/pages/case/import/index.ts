/**
 * 导入案件清单 (REC-1, 2, 3, 9; docs/import-format.md): the records custodian (or the administrator, as
 * CASE_IMPORT_ROLES says) picks the manifest exported by the supervision information system or the recorder platform
 * from a chat (wx.chooseMessageFile: one JSON file or the CSV files), uploads each to an upload slot
 * (record.uploadSlot) and sends `case.import`. A refused file imports nothing and every bad row is listed with its
 * file, line and field in Chinese; a staged import shows batches applied of the total, and 继续 resumes it
 * (case.import with its importId; the same file again is an idempotent upsert). Opened with ?importId= it shows that
 * import's progress (case.importStatus).
 */
import { pageBase } from '../../../behaviors/page-base';
import { CASE_IMPORT_ROLES, type CaseImportAnswer, type StaffMeView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { uploadFile } from '../../../services/storage';
import {
  errorRows,
  manifestFormatOf,
  MAX_FILES,
  progressOf,
  type ErrorRow,
  type ImportProgress,
} from './view';

interface Chosen {
  name: string;
  path: string;
  size: number;
}

const ROLES: readonly string[] = CASE_IMPORT_ROLES;

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    files: [] as Chosen[],
    format: '' as '' | 'json' | 'csv',
    chooseError: '',
    sections: [] as Array<{ id: string; name: string }>,
    sectionId: '',
    sectionName: '',
    busy: false,
    busyText: '',
    banner: '',
    refused: [] as ErrorRow[],
    progress: null as ImportProgress | null,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.load(query.importId ?? '');
    },
    async load(importId = '') {
      this.setData({ state: 'loading' });
      const me = await call('staff', 'staff.me', {});
      if (!me.ok) {
        const refused = me.error.code === 'FORBIDDEN' || me.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: me.error.message });
        return;
      }
      const staff = me.data as StaffMeView;
      if (!staff.unit || !staff.roles.some((r) => ROLES.includes(r.role))) {
        this.setData({ state: 'refused', errorMessage: '只有档案专人或系统管理员可以导入案件。' });
        return;
      }
      if (!staff.section) {
        const sections = await call('staff', 'org.sections', { unitId: staff.unit.id });
        if (!sections.ok) {
          this.setData({ state: 'error', errorMessage: sections.error.message });
          return;
        }
        this.setData({ sections: sections.data.items.map((s) => ({ id: s.id, name: s.name })) });
      } else this.setData({ sectionName: staff.section.name });
      this.setData({ state: 'ready' });
      if (importId) await this.status(importId);
    },
    onSection(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const s = this.data.sections[Number(e.detail.value)];
      if (s) this.setData({ sectionId: s.id, sectionName: s.name });
    },
    onChoose() {
      wx.chooseMessageFile({
        count: MAX_FILES,
        type: 'file',
        extension: ['json', 'csv'],
        success: (res) => {
          const files = res.tempFiles.map((f) => ({ name: f.name, path: f.path, size: f.size }));
          const form = manifestFormatOf(files.map((f) => f.name));
          this.setData({
            files: form.ok ? files : [],
            format: form.ok ? form.format : '',
            chooseError: form.ok ? '' : form.message,
            refused: [],
            banner: '',
            progress: null,
            requestId: newRequestId(),
          });
        },
      });
    },
    /** Uploads each chosen file to its own slot, then asks for the import (validated whole before anything). */
    async onImport() {
      if (this.data.busy) return;
      const { files, format } = this.data;
      if (!files.length || !format) {
        this.setData({ chooseError: '请先选择清单文件' });
        return;
      }
      this.setData({ busy: true, banner: '', refused: [], progress: null });
      const fileIDs: Record<string, string> = {};
      for (const [i, f] of files.entries()) {
        this.setData({ busyText: `正在上传第 ${i + 1} / ${files.length} 个文件` });
        const slot = await call('staff', 'record.uploadSlot', {});
        if (!slot.ok) return this.failed(slot.error.message);
        const up = await uploadFile({ cloudPath: slot.data.path, filePath: f.path });
        if (!up.ok) return this.failed(`${f.name} 上传失败，请检查网络后重试`);
        fileIDs[f.name] = up.fileID;
      }
      this.setData({ busyText: '正在检查清单并导入' });
      const res = await call(
        'staff',
        'case.import',
        { format, fileIDs, ...(this.data.sectionId ? { sectionId: this.data.sectionId } : {}) },
        { requestId: this.data.requestId },
      );
      if (!res.ok) {
        const fields = Object.values(res.error.fields ?? {});
        return this.failed(fields.length ? fields.join('；') : res.error.message);
      }
      this.answered(res.data as CaseImportAnswer);
    },
    /** 继续: the next batches of a staged import (each call works within the function's time). */
    async onContinue() {
      const id = this.data.progress?.importId;
      if (!id || this.data.busy) return;
      this.setData({ busy: true, busyText: '正在继续导入', banner: '' });
      const res = await call('staff', 'case.import', { importId: id }, { requestId: newRequestId() });
      if (!res.ok) return this.failed(res.error.message);
      this.answered(res.data as CaseImportAnswer);
    },
    async status(importId: string) {
      const res = await call('staff', 'case.importStatus', { importId });
      if (!res.ok) {
        this.setData({ banner: res.error.message });
        return;
      }
      this.answered(res.data as CaseImportAnswer);
    },
    onRefresh() {
      const id = this.data.progress?.importId;
      if (id) void this.status(id);
    },
    answered(a: CaseImportAnswer) {
      const refused = a.importId ? [] : errorRows(a.errors);
      this.setData({ busy: false, busyText: '', refused, progress: progressOf(a) });
      if (refused.length) wx.pageScrollTo({ selector: '#import-refused', duration: 200 });
    },
    failed(message: string) {
      this.setData({ busy: false, busyText: '', banner: message });
    },
  },
});
