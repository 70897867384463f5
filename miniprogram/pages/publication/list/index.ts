/**
 * 执法结果公示 (PUB-7, item 6): published results newest decision first (the backend's order), by kind and by
 * keyword (party's public name, document number, violation type: the backend tokenises and checks it; its Chinese
 * message is shown as it comes). Paged by the backend's cursor at the bottom of the page or with the button; a
 * failed page says so with 重试. A withdrawn entry stays as its notice (document number, date, reason; PUB-13).
 * Shareable: everything here is public.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { PublicationKind } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { totalLabel } from '../../../utils/page-total';
import { ANNUAL_PAGE } from '../../../utils/annual-view';
import { DETAIL_PAGE, kindTabs, listRow, LIST_PAGE, type ListRow } from '../view';

const PAGE_SIZE = 20;

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    tabs: kindTabs(),
    kind: '' as PublicationKind | '',
    keywordInput: '',
    /** The keyword of the results shown ('' for none). */
    keyword: '',
    keywordError: '',
    rows: [] as ListRow[],
    totalLabel: '',
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const keyword = (query.keyword ?? '').trim();
      this.setData({ keywordInput: keyword, keyword });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    onReachBottom() {
      void this.loadMore();
    },
    onShareAppMessage() {
      return { title: '执法结果公示', path: LIST_PAGE };
    },
    filter(): { kind?: PublicationKind; keyword?: string } {
      return {
        ...(this.data.kind ? { kind: this.data.kind } : {}),
        ...(this.data.keyword ? { keyword: this.data.keyword } : {}),
      };
    },
    async load() {
      this.setData({ state: 'loading', keywordError: '' });
      const res = await call('public', 'publication.list', { ...this.filter(), pageSize: PAGE_SIZE });
      if (!res.ok) {
        const keywordError = res.error.code === 'INVALID_INPUT' ? fieldMessage(res.error.fields) : '';
        if (keywordError)
          this.setData({ state: 'ready', keywordError, rows: [], nextCursor: null, totalLabel: '' });
        else this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({
        state: 'ready',
        rows: res.data.items.map(listRow),
        totalLabel: totalLabel(res.data),
        nextCursor: res.data.nextCursor,
        moreError: '',
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.state !== 'ready') return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('public', 'publication.list', { ...this.filter(), pageSize: PAGE_SIZE, cursor });
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({
        loadingMore: false,
        rows: [...this.data.rows, ...res.data.items.map(listRow)],
        nextCursor: res.data.nextCursor,
      });
    },
    onKeywordInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ keywordInput: e.detail.value });
    },
    onSearch() {
      this.setData({ keyword: this.data.keywordInput.trim() });
      void this.load();
    },
    onClearSearch() {
      this.setData({ keywordInput: '', keyword: '' });
      void this.load();
    },
    onKind(e: WechatMiniprogram.TouchEvent) {
      const kind = String((e.currentTarget.dataset as { kind?: string }).kind ?? '') as PublicationKind | '';
      if (kind === this.data.kind) return;
      this.setData({ kind });
      void this.load();
    },
    onAnnual() {
      wx.navigateTo({ url: ANNUAL_PAGE });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(id)}` });
    },
  },
});

/** The keyword's own message from an INVALID_INPUT answer (`payload.keyword`), or ''. */
function fieldMessage(fields: Record<string, string> | undefined): string {
  if (!fields) return '';
  const key = Object.keys(fields).find((k) => k.endsWith('keyword'));
  return key ? fields[key]! : '';
}
