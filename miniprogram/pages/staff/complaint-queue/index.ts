/**
 * The handling queue: the unit's complaints (or only those assigned to me), by status, each with
 * the date that matters now — acceptance for new ones, handling and feedback for accepted ones — marked when
 * passed. Contacts are never shown here (the queue answers them masked; the case page decides).
 */
import { pageBase } from '../../../behaviors/page-base';
import { COMPLAINT_KIND_LABELS, type StaffComplaintQueueItem } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { chineseDate, shanghaiMinute, shanghaiToday } from '../../../utils/date-format';
import { totalLabel } from '../../../utils/page-total';

type Filter = 'all' | 'submitted' | 'accepted' | 'rejected' | 'closed' | 'mine';
export const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'submitted', label: '待受理' },
  { key: 'accepted', label: '办理中' },
  { key: 'mine', label: '我承办的' },
  { key: 'all', label: '全部' },
  { key: 'closed', label: '已办结' },
  { key: 'rejected', label: '不予受理' },
];

export interface QueueRow {
  id: string;
  trackingNo: string;
  title: string;
  subjectName: string;
  status: string;
  statusLabel: string;
  received: string;
  dueLabel: string;
  overdue: boolean;
}

export function queueRow(item: StaffComplaintQueueItem, today: string): QueueRow {
  let due: string | null = null;
  let label = '';
  if (item.status === 'submitted') [due, label] = [item.acceptanceDueDate, '受理期限'];
  else if (item.status === 'accepted' && item.caseDecisionDueDate)
    [due, label] = [item.caseDecisionDueDate, '立案决定期限'];
  else if (item.status === 'accepted' && item.feedbackDueDate)
    [due, label] = [item.feedbackDueDate, '反馈期限'];
  else if (item.status === 'accepted' && item.petitionDueDate)
    [due, label] = [item.petitionDueDate, '信访办结期限'];
  // The handling period of a regular complaint is no legal limit: an internal target.
  else if (item.status === 'accepted') [due, label] = [item.handlingDueDate, '办结期限（内部目标）'];
  const kind = COMPLAINT_KIND_LABELS[item.kind as 'complaint' | 'report'] ?? '';
  return {
    id: item.id,
    trackingNo: item.trackingNo,
    title: `${kind} · ${item.category}`,
    subjectName: item.subjectName,
    status: item.status,
    statusLabel: item.statusLabel,
    received: shanghaiMinute(item.receivedAt),
    dueLabel: due ? `${label} ${chineseDate(due)}${due < today ? '（已逾期）' : ''}` : '',
    overdue: !!due && due < today,
  };
}

Component({
  behaviors: [pageBase],
  data: {
    filters: FILTERS,
    filter: 'submitted' as Filter,
    state: 'loading',
    errorMessage: '',
    rows: [] as QueueRow[],
    /** The first page's count: '12', '99+', or '' (core/contract/envelope.ts Page). */
    totalLabel: '',
    nextCursor: null as string | null,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const filter = FILTERS.find((f) => f.key === query.filter)?.key;
      if (filter) this.setData({ filter });
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
    onFilter(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: Filter }).key;
      if (!key || key === this.data.filter) return;
      this.setData({ filter: key });
      void this.load();
    },
    query(cursor?: string) {
      const f = this.data.filter;
      return {
        pageSize: 20,
        ...(cursor ? { cursor } : {}),
        ...(f === 'mine' ? { mine: true } : f === 'all' ? {} : { status: f }),
      };
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('staff', 'complaint.queue', this.query());
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      const today = shanghaiToday();
      this.setData({
        state: 'ready',
        rows: res.data.items.map((i) => queueRow(i, today)),
        totalLabel: totalLabel(res.data),
        nextCursor: res.data.nextCursor,
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const res = await call('staff', 'complaint.queue', this.query(cursor));
      const today = shanghaiToday();
      if (res.ok) {
        this.setData({
          loadingMore: false,
          rows: [...this.data.rows, ...res.data.items.map((i) => queueRow(i, today))],
          nextCursor: res.data.nextCursor,
        });
      } else this.setData({ loadingMore: false });
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
