/**
 * "我的投诉举报": the caller's own complaints, newest first, paged by the backend's cursor (lists answer
 * `{items, total, totalCapped, nextCursor}`, the count on the first page only); more load at the bottom of the page or with the button.
 */
import { pageBase } from '../../../behaviors/page-base';
import { COMPLAINT_KIND_LABELS, type CitizenComplaintListItem } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { chineseDate, shanghaiMinute } from '../../../utils/date-format';
import { totalLabel } from '../../../utils/page-total';
import { PROVISIONAL_MARK } from '../provisional';

export interface MineRow {
  trackingNo: string;
  title: string;
  subjectName: string;
  status: string;
  statusLabel: string;
  submitted: string;
  due: string;
  /** The acceptance date is provisional: the mark, or ''. */
  dueMark: string;
}

export function mineRow(item: CitizenComplaintListItem): MineRow {
  return {
    trackingNo: item.trackingNo,
    title: `${COMPLAINT_KIND_LABELS[item.kind] ?? ''} · ${item.category}`,
    subjectName: item.subjectName,
    status: item.status,
    statusLabel: item.statusLabel,
    submitted: shanghaiMinute(item.submittedAt),
    due: item.status === 'submitted' ? `${chineseDate(item.acceptanceDueDate)}前决定是否受理` : '',
    dueMark: item.status === 'submitted' && item.acceptanceDueProvisional ? PROVISIONAL_MARK : '',
  };
}

const PAGE_SIZE = 10;

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as MineRow[],
    /** The first page's count: '12', '99+', or '' (core/contract/envelope.ts Page). */
    totalLabel: '',
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    onReachBottom() {
      void this.loadMore();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('citizen', 'complaint.mine', { pageSize: PAGE_SIZE });
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({
        state: 'ready',
        rows: res.data.items.map(mineRow),
        totalLabel: totalLabel(res.data),
        nextCursor: res.data.nextCursor,
        moreError: '',
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('citizen', 'complaint.mine', { pageSize: PAGE_SIZE, cursor });
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({
        loadingMore: false,
        rows: [...this.data.rows, ...res.data.items.map(mineRow)],
        nextCursor: res.data.nextCursor,
      });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const trackingNo = (e.currentTarget.dataset as { trackingNo?: string }).trackingNo;
      if (trackingNo) wx.navigateTo({ url: `/pages/complaint/detail/index?trackingNo=${trackingNo}` });
    },
    onNew() {
      wx.navigateTo({ url: '/pages/complaint/intro/index' });
    },
  },
});
