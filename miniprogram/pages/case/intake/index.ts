/**
 * The custodian's intake queue (REC-10; 全过程记录制度第二十一条): the unit's records registered and not yet received,
 * oldest hand-over due date first, so the late ones lead (record.intake, cursor paged: more load at the bottom);
 * receiving one (record.receive) stops its 2-working-day clock and marks it late if the due date had passed.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { IntakeItem, Page } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { intakeRows, type RecordRow } from '../view';

type IntakeRow = RecordRow & { caseNo: string };

const PAGE_SIZE = 20;

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as IntakeRow[],
    total: 0,
    capped: false,
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    busyId: '',
    rowError: '',
    rowErrorId: '',
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
      this.setData({ state: 'loading', rowError: '', rowErrorId: '', moreError: '' });
      const res = await call('staff', 'record.intake', { pageSize: PAGE_SIZE });
      if (!res.ok) {
        const refused = res.error.code === 'FORBIDDEN' || res.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: res.error.message });
        return;
      }
      const page = res.data as Page<IntakeItem>;
      this.setData({
        state: 'ready',
        rows: intakeRows(page.items),
        total: page.total ?? page.items.length,
        capped: page.totalCapped,
        nextCursor: page.nextCursor,
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('staff', 'record.intake', { pageSize: PAGE_SIZE, cursor });
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      const seen = new Set(this.data.rows.map((r) => r.id));
      this.setData({
        loadingMore: false,
        rows: [...this.data.rows, ...intakeRows(res.data.items).filter((r) => !seen.has(r.id))],
        nextCursor: res.data.nextCursor,
      });
    },
    async onReceive(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (!id || this.data.busyId) return;
      this.setData({ busyId: id, rowError: '', rowErrorId: '' });
      const res = await call('staff', 'record.receive', { recordId: id }, { requestId: newRequestId() });
      if (!res.ok) {
        this.setData({ busyId: '', rowError: res.error.message, rowErrorId: id });
        return;
      }
      this.setData({
        busyId: '',
        rows: this.data.rows.filter((r) => r.id !== id),
        total: Math.max(0, this.data.total - 1),
      });
      wx.showToast({ title: res.data.late ? '已接收（逾期）' : '已接收', icon: 'success' });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { case?: string }).case;
      if (id) wx.navigateTo({ url: `/pages/case/detail/index?id=${id}` });
    },
  },
});
