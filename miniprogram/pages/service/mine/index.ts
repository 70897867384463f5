/**
 * "我的送达文书" (REC-7): the documents served on the caller electronically, newest first. Only the parties the
 * caller is bound to after consent are listed (the backend asks the bindings on every call). One page at a time
 * (`nextCursor`: 加载更多 at the end); from here the caller reaches 我的电子送达 (the consents in force, to read
 * or withdraw, pages/service/enrol/index without a code).
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { DOCUMENT_PAGE, serviceRow, type ServiceRowView } from '../view';

const MY_CONSENTS_PAGE = '/pages/service/enrol/index';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as ServiceRowView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
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
      this.setData({
        state: 'ready',
        rows: res.data.items.map(serviceRow),
        nextCursor: res.data.nextCursor,
        moreError: '',
      });
    },
    async onMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('citizen', 'service.mine', { cursor });
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({
        loadingMore: false,
        rows: [...this.data.rows, ...res.data.items.map(serviceRow)],
        nextCursor: res.data.nextCursor,
      });
    },
    onReachBottom() {
      void this.onMore();
    },
    onMyConsents() {
      wx.navigateTo({ url: MY_CONSENTS_PAGE });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `${DOCUMENT_PAGE}?id=${id}` });
    },
  },
});
