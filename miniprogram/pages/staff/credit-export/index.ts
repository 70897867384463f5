/**
 * 信用信息报送 (信用重庆), for the `creditReporter` role: generate the 双公示 file of published
 * penalties or permits not yet delivered, and get a download link for a PC (valid a few minutes) to copy. The
 * page never shows a record: the file holds identity numbers and goes to the credit platform from a PC only.
 * Each generation and each link is on the ledger (server side). Loading, error, empty and permission states.
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { exportLine, type ExportLine } from './view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    lines: [] as ExportLine[],
    creating: '',
    notice: '',
    noticeError: '',
    link: '',
    linkExpires: '',
    linkFile: '',
    copied: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('staff', 'creditExport.list', {});
      if (!res.ok) {
        this.setData({
          state: res.error.code === 'FORBIDDEN' ? 'forbidden' : 'error',
          errorMessage: res.error.message,
        });
        return;
      }
      this.setData({ state: 'ready', lines: res.data.items.map(exportLine) });
    },
    async onCreate(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { kind?: 'penalty' | 'permit' }).kind;
      if (!kind || this.data.creating) return;
      this.setData({ creating: kind, notice: '', noticeError: '' });
      const res = await call('staff', 'creditExport.create', { kind });
      this.setData({ creating: '' });
      if (!res.ok) {
        this.setData({ noticeError: res.error.message });
        return;
      }
      this.setData({ notice: `已生成${exportLine(res.data).title}记录的报送文件，可获取下载链接。` });
      await this.load();
    },
    async onLink(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (!id) return;
      this.setData({ noticeError: '', copied: false });
      const res = await call('staff', 'creditExport.download', { id });
      if (!res.ok) {
        this.setData({ noticeError: res.error.message });
        return;
      }
      const expires = new Date(Date.parse(res.data.expiresAt) + 8 * 3600_000).toISOString().slice(11, 16);
      this.setData({ link: res.data.url, linkExpires: expires, linkFile: res.data.fileName });
      void this.load();
    },
    onCopy() {
      wx.setClipboardData({ data: this.data.link, success: () => this.setData({ copied: true }) });
    },
  },
});
