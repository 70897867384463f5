/**
 * A served document (REC-7, PUB-5): its state and times, the file (opened through a short-lived URL:
 * wx.downloadFile, then wx.openDocument; the first opening is the read receipt), 确认收悉, the rights and duties
 * with their dates and countdowns (provisional dates marked), the statements sent, and the way to the receipt.
 * wx.openDocument opens PDF (and Office files) but not OFD: an OFD file is downloaded and can be forwarded to a
 * chat (wx.shareFileMessage) to open in an OFD reader; the page says so (docs/service-rights.md "OFD").
 */
import { pageBase } from '../../../behaviors/page-base';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import { documentView, RECEIPT_PAGE, STATEMENT_PAGE, type DocumentPageView } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    id: '',
    view: null as DocumentPageView | null,
    opening: false,
    openError: '',
    acknowledging: false,
    ackRequestId: '',
    /** The downloaded OFD file, ready to forward. */
    savedPath: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: decodeURIComponent(query.id ?? '').trim(), ackRequestId: newRequestId() });
      void this.load();
    },
    onShow() {
      if (this.data.state === 'ready') void this.load();
    },
    async load() {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      if (this.data.state !== 'ready') this.setData({ state: 'loading' });
      const res = await call('citizen', 'service.get', { serviceId: this.data.id });
      if (res.ok) this.setData({ state: 'ready', view: documentView(res.data, shanghaiToday()) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    async onOpenFile() {
      if (this.data.opening) return;
      this.setData({ opening: true, openError: '' });
      const res = await call('citizen', 'service.open', { serviceId: this.data.id });
      if (!res.ok) {
        this.setData({ opening: false, openError: res.error.message });
        return;
      }
      const ofd = res.data.fileFormat === 'ofd';
      wx.downloadFile({
        url: res.data.url,
        success: (file) => {
          this.setData({ opening: false });
          if (ofd) this.setData({ savedPath: file.tempFilePath });
          else wx.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true });
        },
        fail: () => this.setData({ opening: false, openError: '文书下载失败，请检查网络后重试' }),
      });
      void this.load();
    },
    onShareFile() {
      if (!this.data.savedPath || !this.data.view) return;
      if (!wx.canIUse('shareFileMessage')) {
        this.setData({
          openError: '当前微信版本不能转发文件，请在手机微信中操作，或联系执法人员索取 PDF 文件',
        });
        return;
      }
      wx.shareFileMessage({
        filePath: this.data.savedPath,
        fileName: this.data.view.fileName,
        fail: (e: { errMsg?: string }) => {
          if (!/cancel/.test(e.errMsg ?? '')) this.setData({ openError: '文件转发失败，请稍后重试' });
        },
      });
    },
    async onAcknowledge() {
      if (this.data.acknowledging) return;
      this.setData({ acknowledging: true });
      const res = await call(
        'citizen',
        'service.acknowledge',
        { serviceId: this.data.id },
        { requestId: this.data.ackRequestId },
      );
      if (res.ok) this.setData({ acknowledging: false, view: documentView(res.data, shanghaiToday()) });
      else this.setData({ acknowledging: false, openError: res.error.message });
    },
    onStatement(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { kind?: string }).kind;
      if (kind) wx.navigateTo({ url: `${STATEMENT_PAGE}?id=${this.data.id}&kind=${kind}` });
    },
    onReceipt() {
      wx.navigateTo({ url: `${RECEIPT_PAGE}?id=${this.data.id}` });
    },
  },
});
