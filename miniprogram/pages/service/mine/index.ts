/**
 * "我的送达文书" (REC-7): the documents served on the caller electronically, newest first. Only the parties the
 * caller is bound to after consent are listed (the backend asks the bindings on every call).
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { DOCUMENT_PAGE, serviceRow, type ServiceRowView } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as ServiceRowView[],
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      if (this.data.state === 'ready') void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    async load() {
      if (this.data.state !== 'ready') this.setData({ state: 'loading' });
      const res = await call('citizen', 'service.mine', {});
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({ state: 'ready', rows: res.data.map(serviceRow) });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `${DOCUMENT_PAGE}?id=${id}` });
    },
  },
});
