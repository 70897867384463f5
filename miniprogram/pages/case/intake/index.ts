/**
 * The custodian's intake queue (REC-10; 全过程记录制度第二十一条): the records registered and not yet received, the
 * late first, then by hand-over due date; receiving one (record.receive) stops its 2-working-day clock and marks it
 * late if the due date had passed. The backend lists cases with their number of pending hand-overs (case.list);
 * the records are read from those cases (case.get), at most MAX_CASES at a time.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { CaseListItem, CaseView, Page } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { intakeRows, type RecordRow } from '../view';

export const MAX_CASES = 20;

type IntakeRow = RecordRow & { caseNo: string };

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    rows: [] as IntakeRow[],
    partial: false,
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
    async load() {
      this.setData({ state: 'loading', rowError: '', rowErrorId: '' });
      const list = await call('staff', 'case.list', { pageSize: 50 });
      if (!list.ok) {
        const refused = list.error.code === 'FORBIDDEN' || list.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: list.error.message });
        return;
      }
      const page = list.data as Page<CaseListItem>;
      const withPending = page.items.filter((c) => c.pendingHandovers > 0);
      const got = await Promise.all(
        withPending.slice(0, MAX_CASES).map((c) => call('staff', 'case.get', { id: c.id })),
      );
      const failed = got.find((g) => !g.ok);
      if (failed && !failed.ok && got.every((g) => !g.ok)) {
        this.setData({ state: 'error', errorMessage: failed.error.message });
        return;
      }
      const cases = got.flatMap((g) => (g.ok ? [g.data as CaseView] : []));
      this.setData({
        state: 'ready',
        rows: intakeRows(cases),
        partial: !!failed || withPending.length > MAX_CASES || !!page.nextCursor,
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
      this.setData({ busyId: '', rows: this.data.rows.filter((r) => r.id !== id) });
      wx.showToast({ title: res.data.late ? '已接收（逾期）' : '已接收', icon: 'success' });
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { case?: string }).case;
      if (id) wx.navigateTo({ url: `/pages/case/detail/index?id=${id}` });
    },
  },
});
