/**
 * 导入双公示文件 (PUB-6, PUB-10; docs/publication.md `publication.import`): the preparer (an officer of the
 * section or unit that made the decisions) picks the 双公示 CSV from a chat (wx.chooseMessageFile), the page reads
 * it as UTF-8 text and sends it to `publication.import` for the caller's own unit and section. A file with any bad
 * row imports nothing and every bad row is listed with its line, column and a Chinese message (never the value);
 * a good file is applied batch by batch (the page sends the same file with `fromLine` until every row is in, and
 * 继续 resumes after a failure: a row's id derives from the file and line, so nothing is made twice).
 */
import { pageBase } from '../../../behaviors/page-base';
import type { PublicationImportAnswer, StaffMeView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { LIST_PAGE } from '../view';
import { fileProblem, progressAfter, refusedRows, type ImportProgress, type RefusedRow } from './view';

/** The text of a chosen file (UTF-8), or null when it cannot be read. */
function readText(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      wx.getFileSystemManager().readFile({
        filePath: path,
        encoding: 'utf8',
        success: (r) => resolve(typeof r.data === 'string' ? r.data : null),
        fail: () => resolve(null),
      });
    } catch {
      resolve(null);
    }
  });
}

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    unitId: '',
    unitName: '',
    sectionId: null as string | null,
    sectionName: '',
    fileName: '',
    filePath: '',
    chooseError: '',
    busy: false,
    busyText: '',
    banner: '',
    refused: [] as RefusedRow[],
    progress: null as ImportProgress | null,
    nextLine: null as number | null,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const me = await call('staff', 'staff.me', {});
      if (!me.ok) {
        const refused = me.error.code === 'FORBIDDEN' || me.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: me.error.message });
        return;
      }
      const staff = me.data as StaffMeView;
      if (!staff.unit || !staff.roles.some((r) => r.role === 'officer')) {
        this.setData({
          state: 'refused',
          errorMessage: '只有执法人员可以为本单位、本科室作出的决定导入公示条目。',
        });
        return;
      }
      this.setData({
        state: 'ready',
        unitId: staff.unit.id,
        unitName: staff.unit.name,
        sectionId: staff.section?.id ?? null,
        sectionName: staff.section?.name ?? '',
      });
    },
    onChoose() {
      wx.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['csv'],
        success: (res) => {
          const f = res.tempFiles[0];
          if (!f) return;
          const problem = fileProblem(f.name, f.size);
          this.setData({
            fileName: problem ? '' : f.name,
            filePath: problem ? '' : f.path,
            chooseError: problem,
            refused: [],
            banner: '',
            progress: null,
            nextLine: null,
          });
        },
      });
    },
    async onImport() {
      if (this.data.busy) return;
      if (!this.data.filePath) {
        this.setData({ chooseError: '请先选择 CSV 文件' });
        return;
      }
      this.setData({ refused: [], progress: null, nextLine: null, banner: '' });
      await this.run(undefined, 0);
    },
    /** 继续: goes on from the first row not yet in (after a failed call). */
    async onContinue() {
      if (this.data.busy || this.data.nextLine === null) return;
      await this.run(this.data.nextLine, this.data.progress?.done ?? 0);
    },
    /** Sends the file from `fromLine`, batch after batch, until every row is in or a call fails. */
    async run(fromLine: number | undefined, before: number) {
      this.setData({ busy: true, busyText: '正在读取文件' });
      const csv = await readText(this.data.filePath);
      if (csv === null) return this.failed('无法读取该文件，请确认是 UTF-8 编码的 CSV 文件后重新选择');
      let from = fromLine;
      let done = before;
      for (;;) {
        this.setData({ busyText: from ? '正在继续导入' : '正在检查文件并导入' });
        const res = await call(
          'staff',
          'publication.import',
          {
            csv,
            unitId: this.data.unitId,
            sectionId: this.data.sectionId,
            ...(from ? { fromLine: from } : {}),
          },
          { requestId: newRequestId() },
        );
        if (!res.ok) {
          const fields = Object.values(res.error.fields ?? {});
          return this.failed(fields.length ? fields.join('；') : res.error.message);
        }
        const a = res.data as PublicationImportAnswer;
        if (a.status === 'refused') {
          this.setData({ busy: false, busyText: '', refused: refusedRows(a) });
          wx.pageScrollTo({ selector: '#import-refused', duration: 200 });
          return;
        }
        const progress = progressAfter(done, a);
        done = progress?.done ?? done;
        this.setData({ progress, nextLine: a.nextLine });
        if (a.status === 'imported' || a.nextLine === null) break;
        from = a.nextLine;
      }
      this.setData({ busy: false, busyText: '' });
    },
    onDone() {
      wx.navigateTo({ url: `${LIST_PAGE}?tab=mine` });
    },
    failed(message: string) {
      this.setData({ busy: false, busyText: '', banner: message });
    },
  },
});
