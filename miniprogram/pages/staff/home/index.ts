/**
 * The staff home: who I am, my roles (as the organisation model resolves them on this call, so a suspended
 * certificate's `officer` role is already gone), and — for the roles that see it — the dashboard that later
 * features fill. Either call may fail on its own; the page shows what it has.
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  CASE_IMPORT_ROLES,
  CASE_ROLES,
  handlesComplaints,
  seesDashboard,
  type DashboardView,
  type StaffMeView,
} from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { ANNUAL_STAFF_PAGE } from '../../../utils/annual-view';
import { hasPublicationQueue, publicationDashboardUrl } from '../../../utils/publication-queues';

const BIND_PAGE = '/pages/staff/bind/index';

export interface MeView {
  name: string;
  unitName: string;
  sectionName: string;
  roleLabels: string[];
}

export interface DashboardRow {
  id: string;
  title: string;
  detail: string;
  /** The complaint queue filtered to these items, when the row has one (the provider's `queueTab`). */
  url: string;
}

const QUEUE_PAGE = '/pages/staff/complaint-queue/index';
const CASES_PAGE = '/pages/case/mine/index';
const OFFICIAL_ACCOUNT_PAGE = '/pages/staff/official-account/index';
const IMPORT_PAGE = '/pages/case/import/index';
const PUBLICATION_PAGE = '/pages/pubstaff/list/index';
/** The annual figures' countdown (server annualDeadlineProvider, PUB-14) opens their staff page. */
const ANNUAL_PROVIDER = 'annual.publish';

/** The case register is for the roles that work on cases (core CASE_ROLES, as the case actions check). */
export function worksOnCases(roles: ReadonlyArray<{ role: string }>): boolean {
  return roles.some((g) => (CASE_ROLES as readonly string[]).includes(g.role));
}

/** The administrator imports manifests without working on cases: the import gets its own entry (CASE_IMPORT_ROLES). */
export function importsOnly(roles: ReadonlyArray<{ role: string }>): boolean {
  return !worksOnCases(roles) && roles.some((g) => (CASE_IMPORT_ROLES as readonly string[]).includes(g.role));
}

export function toMeView(me: StaffMeView): MeView {
  return {
    name: me.name || '工作人员',
    unitName: me.unit?.name ?? '',
    sectionName: me.section?.name ?? '',
    roleLabels: [...new Set((me.roles ?? []).map((r) => r.label).filter(Boolean))],
  };
}

/**
 * The dashboard registry's answer (core/contract/dashboard.ts): one row per feature's clocks. Counts are read
 * defensively (a provider added later with a missing count shows 0, not NaN).
 */
export function toDashboardRows(view: DashboardView | null | undefined): DashboardRow[] {
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return (view?.providers ?? [])
    .filter((p) => p && p.label)
    .map((p) => ({
      id: p.id,
      title: p.label,
      url: p.queueTab
        ? `${QUEUE_PAGE}?tab=${p.queueTab}`
        : p.id === ANNUAL_PROVIDER
          ? ANNUAL_STAFF_PAGE
          : publicationDashboardUrl(p.id),
      // A provider reads at most its cap of items, earliest due first: then the counts are "at least".
      detail:
        `逾期 ${n(p.counts?.overdue)} 件 · 即将到期 ${n(p.counts?.dueSoon)} 件` +
        (p.truncated ? '（过多，仅统计最早到期的部分）' : ''),
    }));
}

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    me: null as MeView | null,
    /** The complaint entry is for the handling roles only (core HANDLING_ROLES, as the staff actions check). */
    handlesComplaints: false,
    worksOnCases: false,
    /** The official-account page is the Party committee office's (role partyOffice). */
    runsOfficialAccount: false,
    reportsCredit: false,
    importsOnly: false,
    /** 执法公示 for the roles with a publication queue (preparer, reviewer, office, principal, audit). */
    worksOnPublication: false,
    dashboardState: 'loading',
    dashboard: [] as DashboardRow[],
    dashboardError: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('staff', 'staff.me', {});
      if (!res.ok) {
        const unbound = res.error.code === 'FORBIDDEN' || res.error.code === 'UNAUTHENTICATED';
        this.setData({ state: unbound ? 'unbound' : 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({
        state: 'ready',
        me: toMeView(res.data),
        handlesComplaints: handlesComplaints(res.data.roles ?? []),
        worksOnCases: worksOnCases(res.data.roles ?? []),
        runsOfficialAccount: (res.data.roles ?? []).some((g) => g.role === 'partyOffice'),
        reportsCredit: (res.data.roles ?? []).some((g) => g.role === 'creditReporter'),
        importsOnly: importsOnly(res.data.roles ?? []),
        worksOnPublication: hasPublicationQueue(res.data.roles ?? []),
      });
      // Role-aware: only leaders and audit see the dashboard (DASHBOARD_ROLES); others are told so, not refused.
      if (seesDashboard(res.data.roles ?? [])) await this.loadDashboard();
      else this.setData({ dashboardState: 'notForRole' });
    },
    async loadDashboard() {
      this.setData({ dashboardState: 'loading' });
      const res = await call('staff', 'dashboard', {});
      if (res.ok) this.setData({ dashboardState: 'ready', dashboard: toDashboardRows(res.data) });
      else this.setData({ dashboardState: 'error', dashboardError: res.error.message });
    },
    gotoCases() {
      wx.navigateTo({ url: CASES_PAGE });
    },
    gotoOfficialAccount() {
      wx.navigateTo({ url: OFFICIAL_ACCOUNT_PAGE });
    },
    gotoCreditExport() {
      wx.navigateTo({ url: '/pages/staff/credit-export/index' });
    },
    gotoImport() {
      wx.navigateTo({ url: IMPORT_PAGE });
    },
    gotoPublication() {
      wx.navigateTo({ url: PUBLICATION_PAGE });
    },
    gotoComplaints() {
      wx.navigateTo({ url: QUEUE_PAGE });
    },
    onDashRow(e: WechatMiniprogram.TouchEvent) {
      const url = (e.currentTarget.dataset as { url?: string }).url;
      if (url) wx.navigateTo({ url });
    },
    gotoBind() {
      wx.navigateTo({ url: BIND_PAGE });
    },
  },
});
