/**
 * 我的案件 (REC-1, REC-10): the caller's cases (an officer's own; a leader's, the custodian's or legal audit's as
 * their role reaches), each with its stage, the open check failures, records not yet handed over, and the next
 * legal deadline in working days (the backend counts them with the calendar). Links to opening a case, the
 * custodian's intake queue and the import of a case manifest.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { CaseListItem, Page } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { caseRow, type CaseRow } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as CaseRow[],
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
    onReachBottom() {
      void this.loadMore();
    },
    async load() {
      this.setData({ state: 'loading', moreError: '' });
      const res = await call('staff', 'case.list', { pageSize: 20 });
      if (!res.ok) {
        const refused = res.error.code === 'FORBIDDEN' || res.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: res.error.message });
        return;
      }
      const page = res.data as Page<CaseListItem>;
      this.setData({ state: 'ready', rows: page.items.map((i) => caseRow(i)), nextCursor: page.nextCursor });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('staff', 'case.list', { pageSize: 20, cursor });
      if (res.ok)
        this.setData({
          loadingMore: false,
          rows: [...this.data.rows, ...res.data.items.map((i) => caseRow(i))],
          nextCursor: res.data.nextCursor,
        });
      else this.setData({ loadingMore: false, moreError: res.error.message });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `/pages/case/detail/index?id=${id}` });
    },
    onOpenCase() {
      wx.navigateTo({ url: '/pages/case/open/index' });
    },
    onImport() {
      wx.navigateTo({ url: '/pages/case/import/index' });
    },
    onIntake() {
      wx.navigateTo({ url: '/pages/case/intake/index' });
    },
  },
});
