/**
 * The handling queue (REC-14): tabs with counts (待受理 / 办理中 / 已逾期 / 我的 ...), the nearest deadline first
 * with "剩 N 个工作日" (the backend counts working days with the calendar), search by tracking number, and a
 * failed "load more" shown with 重试. Contacts are never shown here (the queue answers them masked; the case
 * page decides). A dashboard row opens this page on its tab (`?tab=`).
 */
import { pageBase } from '../../../behaviors/page-base';
import { isTrackingNo, type ComplaintQueuePage, type QueueTab } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { totalLabel } from '../../../utils/page-total';
import { queueRow, tabOf, tabViews, type QueueRow, type TabView } from './rows';

export { queueRow };

Component({
  behaviors: [pageBase],
  data: {
    tabs: tabViews(null) as TabView[],
    tab: 'submitted' as QueueTab,
    state: 'loading',
    errorMessage: '',
    rows: [] as QueueRow[],
    /** The list's count: '12', '99+', or ''. */
    totalLabel: '',
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    /** What the search box holds, and the tracking number last searched ('' when showing a tab). */
    searchText: '',
    searched: '',
    searchError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = tabOf(query);
      if (tab) this.setData({ tab });
      void this.load();
    },
    onShow() {
      // Back from a case page: the status may have changed.
      if (this.data.state === 'ready') void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    onReachBottom() {
      void this.loadMore();
    },
    onTab(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: QueueTab }).key;
      if (!key || (key === this.data.tab && !this.data.searched)) return;
      this.setData({ tab: key, searched: '', searchText: '', searchError: '' });
      void this.load();
    },
    onSearchInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ searchText: e.detail.value, searchError: '' });
    },
    onSearch() {
      const text = this.data.searchText.replace(/\s+/g, '').toUpperCase();
      if (!text) {
        this.onClearSearch();
        return;
      }
      if (!isTrackingNo(text)) {
        this.setData({ searchError: '请输入完整的受理编号，如 TS20261127-7KQ4MX' });
        return;
      }
      this.setData({ searched: text, searchText: text, searchError: '' });
      void this.load();
    },
    onClearSearch() {
      this.setData({ searched: '', searchText: '', searchError: '' });
      void this.load();
    },
    query(cursor?: string) {
      if (this.data.searched) return { trackingNo: this.data.searched };
      return { tab: this.data.tab, pageSize: 20, ...(cursor ? { cursor } : {}) };
    },
    async load() {
      this.setData({ state: 'loading', moreError: '' });
      const res = await call('staff', 'complaint.queue', this.query());
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      const page = res.data as ComplaintQueuePage;
      this.setData({
        state: 'ready',
        rows: page.items.map(queueRow),
        totalLabel: totalLabel(page),
        nextCursor: page.nextCursor,
        ...(page.counts ? { tabs: tabViews(page.counts) } : {}),
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('staff', 'complaint.queue', this.query(cursor));
      if (res.ok) {
        this.setData({
          loadingMore: false,
          rows: [...this.data.rows, ...res.data.items.map(queueRow)],
          nextCursor: res.data.nextCursor,
        });
      } else this.setData({ loadingMore: false, moreError: res.error.message });
    },
    onRecord() {
      wx.navigateTo({ url: '/pages/staff/complaint-record/index' });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `/pages/staff/complaint-case/index?id=${id}` });
    },
  },
});
