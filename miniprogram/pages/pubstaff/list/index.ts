/**
 * 执法公示 queues (PUB-11, PUB-12): one tab per queue the caller's roles work (我制作的, 待审核, 待审批 …, from
 * `publication.queue`), each row with its status and due date, the overdue marked. The preparer creates entries
 * here; the principal selects entries and approves them as a batch, at once or at a set time, and sees a result
 * per entry (approved, or refused with the backend's reason, e.g. a separation-of-duty refusal).
 */
import { pageBase } from '../../../behaviors/page-base';
import type {
  BatchApproveAnswer,
  PendingDecisions,
  PublicationFromDecision,
  PublicationQueueRow,
  StaffQueue,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import { ANNUAL_STAFF_PAGE, seesAnnualStaff } from '../../../utils/annual-view';
import { DECISIONS_TAB } from '../../../utils/publication-queues';
import {
  batchResultLines,
  decisionRowView,
  IMPORT_PAGE,
  type DecisionRowView,
  ENTRY_PAGE,
  FORM_PAGE,
  publishAtOf,
  queueRowView,
  queueTabs,
  type BatchResultLine,
  type QueueRowView,
  type QueueTab,
} from '../view';

const PAGE_SIZE = 20;

/** A queue tab, or the preparer's worklist of decisions with no entry yet. */
type Tab = StaffQueue | typeof DECISIONS_TAB;

/**
 * The tabs of the caller's roles, with the preparer's 待生成条目 after 我制作的 (PUB-6, PUB-12), and 全部条目 when a
 * dashboard row asks for it (withdrawal deadlines: published entries are in no waiting queue; the server answers
 * the section queue to every role of the section or unit).
 */
function tabsFor(roles: ReadonlyArray<{ role: string }>, asked: string): QueueTab[] {
  const tabs: Array<{ queue: Tab; label: string }> = [];
  for (const t of queueTabs(roles)) {
    tabs.push(t);
    if (t.queue === 'mine') tabs.push({ queue: DECISIONS_TAB, label: '待生成条目' });
  }
  if (asked === 'section' && tabs.length && !tabs.some((t) => t.queue === 'section'))
    tabs.push({ queue: 'section', label: '全部条目' });
  return tabs as QueueTab[];
}

const EMPTY: Record<Tab, string> = {
  decisions: '没有尚未生成公示条目的决定。',
  mine: '您制作的公示条目会显示在这里。',
  review: '暂无待您审核的条目。',
  office: '暂无待报送的条目。',
  approval: '暂无待审批的条目。',
  section: '暂无公示条目。',
};

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    tabs: [] as QueueTab[],
    tab: '' as Tab | '',
    /** The annual figures' staff page (PUB-14), for the roles that read it. */
    seesAnnual: false,
    decisions: [] as DecisionRowView[],
    truncated: false,
    making: '',
    emptyText: '',
    rows: [] as QueueRowView[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    selected: {} as Record<string, boolean>,
    selectedCount: 0,
    panel: false,
    timing: 'now',
    publishDate: '',
    publishTime: '09:00',
    today: shanghaiToday(),
    busy: false,
    banner: '',
    requestId: '',
    results: null as { summary: string; lines: BatchResultLine[] } | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ tab: (query.tab as StaffQueue) ?? '' });
      void this.load();
    },
    onShow() {
      if (this.data.state === 'ready') void this.loadQueue();
    },
    onPullDownRefresh() {
      void this.loadQueue().then(() => wx.stopPullDownRefresh?.());
    },
    onReachBottom() {
      void this.loadMore();
    },
    async load() {
      this.setData({ state: 'loading' });
      const me = await call('staff', 'staff.me', {});
      if (!me.ok) {
        const refused = me.error.code === 'FORBIDDEN' || me.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: me.error.message });
        return;
      }
      const tabs = tabsFor(me.data.roles ?? [], this.data.tab);
      this.setData({ seesAnnual: seesAnnualStaff(me.data.roles ?? []) });
      if (!tabs.length) {
        this.setData({ state: 'refused', errorMessage: '您当前的角色不参与执法公示。' });
        return;
      }
      const tab = tabs.find((t) => t.queue === this.data.tab) ? this.data.tab : tabs[0]!.queue;
      this.setData({ tabs, tab });
      await this.loadQueue();
    },
    async loadQueue() {
      if (this.data.tab === DECISIONS_TAB) return this.loadDecisions();
      const queue = this.data.tab as StaffQueue;
      this.setData({
        state: 'loading',
        moreError: '',
        selected: {},
        selectedCount: 0,
        emptyText: EMPTY[queue],
      });
      const res = await call('staff', 'publication.queue', { queue, pageSize: PAGE_SIZE });
      if (!res.ok) {
        const refused = res.error.code === 'FORBIDDEN' || res.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({
        state: 'ready',
        rows: res.data.items.map((r: PublicationQueueRow) => queueRowView(r)),
        nextCursor: res.data.nextCursor,
      });
    },
    /** The preparer's decisions with no entry yet, earliest due first (a worklist, not paged). */
    async loadDecisions() {
      this.setData({ state: 'loading', rows: [], nextCursor: null, emptyText: EMPTY.decisions, banner: '' });
      const res = await call('staff', 'publication.decisionQueue', {});
      if (!res.ok) {
        const refused = res.error.code === 'FORBIDDEN' || res.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: res.error.message });
        return;
      }
      const data = res.data as PendingDecisions;
      this.setData({ state: 'ready', decisions: data.items.map(decisionRowView), truncated: data.truncated });
    },
    /** 生成公示条目: the draft from the register, then the form to complete what it lacks. */
    async onMake(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: string }).key;
      const d = this.data.decisions.find((x) => x.key === key);
      if (!d || this.data.making) return;
      this.setData({ making: d.key, banner: '' });
      const res = await call(
        'staff',
        'publication.fromDecision',
        { caseId: d.caseId, docNo: d.docNo },
        { requestId: newRequestId() },
      );
      this.setData({ making: '' });
      if (!res.ok) {
        this.setData({ banner: res.error.message });
        return;
      }
      const made = res.data as PublicationFromDecision;
      wx.navigateTo({
        url: made.missing.length ? `${FORM_PAGE}?id=${made.id}` : `${ENTRY_PAGE}?id=${made.id}`,
      });
    },
    onAnnual() {
      wx.navigateTo({ url: ANNUAL_STAFF_PAGE });
    },
    onImport() {
      wx.navigateTo({ url: IMPORT_PAGE });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await call('staff', 'publication.queue', {
        queue: this.data.tab as StaffQueue,
        pageSize: PAGE_SIZE,
        cursor,
      });
      if (res.ok)
        this.setData({
          loadingMore: false,
          rows: [...this.data.rows, ...res.data.items.map((r: PublicationQueueRow) => queueRowView(r))],
          nextCursor: res.data.nextCursor,
        });
      else this.setData({ loadingMore: false, moreError: res.error.message });
    },
    onTab(e: WechatMiniprogram.TouchEvent) {
      const tab = (e.currentTarget.dataset as { queue?: Tab }).queue;
      if (!tab || tab === this.data.tab) return;
      this.setData({ tab, results: null });
      void this.loadQueue();
    },
    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) wx.navigateTo({ url: `${ENTRY_PAGE}?id=${id}` });
    },
    onCreate() {
      wx.navigateTo({ url: FORM_PAGE });
    },
    onSelect(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (!id) return;
      const selected = { ...this.data.selected, [id]: !this.data.selected[id] };
      this.setData({ selected, selectedCount: Object.values(selected).filter(Boolean).length });
    },
    onSelectAll() {
      const all = this.data.selectedCount < this.data.rows.length;
      const selected = Object.fromEntries(this.data.rows.map((r) => [r.id, all]));
      this.setData({ selected, selectedCount: all ? this.data.rows.length : 0 });
    },
    onBatch() {
      if (!this.data.selectedCount) return;
      this.setData({ panel: true, banner: '', timing: 'now', publishDate: '', requestId: newRequestId() });
    },
    onPanelVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ panel: false });
    },
    onCancel() {
      this.setData({ panel: false });
    },
    onTiming(e: WechatMiniprogram.TouchEvent) {
      this.setData({ timing: (e.currentTarget.dataset as { timing?: string }).timing ?? 'now' });
    },
    onPublishDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ publishDate: e.detail.value });
    },
    onPublishTime(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ publishTime: e.detail.value });
    },
    async onBatchConfirm() {
      if (this.data.busy) return;
      const ids = this.data.rows.filter((r) => this.data.selected[r.id]).map((r) => r.id);
      const timed = this.data.timing === 'later';
      if (timed && !this.data.publishDate) {
        this.setData({ banner: '请选择发布日期' });
        return;
      }
      const publishAt = timed ? publishAtOf(this.data.publishDate, this.data.publishTime) : undefined;
      this.setData({ busy: true, banner: '' });
      const res = await call(
        'staff',
        'publication.batchApprove',
        { ids, ...(publishAt ? { publishAt } : {}) },
        { requestId: this.data.requestId },
      );
      this.setData({ busy: false });
      if (!res.ok) {
        const fields = Object.values(res.error.fields ?? {});
        this.setData({ banner: fields[0] ?? res.error.message });
        return;
      }
      const docNos = Object.fromEntries(this.data.rows.map((r) => [r.id, r.docNo]));
      this.setData({ panel: false, results: batchResultLines(res.data as BatchApproveAnswer, docNos) });
      await this.loadQueue();
    },
    onCloseResults() {
      this.setData({ results: null });
    },
  },
});
