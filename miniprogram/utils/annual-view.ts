/**
 * The annual enforcement data page's view model (PUB-14), pure and tested directly
 * (test/miniprogram/annual-model.test.ts): the published figures become table rows, each with a bar whose length is
 * its share of the largest count (plain WXML bars: no chart library in the package). The numbers are always
 * written out; the bar only repeats them for the eye. In the main package because the public page (publication
 * subpackage) and the staff page (pubstaff subpackage) both show the figures through the `annual-figures` component.
 */
import { ANNUAL_READ_ROLES, PUBLICATION_KIND_LABELS, type AnnualFigures } from '../core-bundle/index';

export const ANNUAL_PAGE = '/pages/publication/annual/index';
/** The staff page of a year's figures under review (PUB-14): status, deadline, steps, the justice-bureau report. */
export const ANNUAL_STAFF_PAGE = '/pages/pubstaff/annual/index';

/** The staff page's link is shown to the roles `annual.get` lets read it (core/contract/annual.ts). */
export function seesAnnualStaff(roles: ReadonlyArray<{ role: string }>): boolean {
  return roles.some((r) => (ANNUAL_READ_ROLES as readonly string[]).includes(r.role));
}

export interface BarRow {
  key: string;
  label: string;
  count: number;
  /** Percent of the largest count in its table (0-100; at least 2 when the count is not 0, so it shows). */
  width: number;
}

function bars(items: Array<{ key: string; label: string; count: number }>): BarRow[] {
  const max = Math.max(1, ...items.map((i) => i.count));
  return items.map((i) => ({
    ...i,
    width: i.count === 0 ? 0 : Math.max(2, Math.round((i.count / max) * 100)),
  }));
}

export interface AnnualView {
  year: number;
  title: string;
  total: number;
  byKind: BarRow[];
  byCategory: BarRow[];
  facts: Array<{ key: string; label: string; value: string }>;
}

export function annualView(f: AnnualFigures): AnnualView {
  const total = f.byKind.reduce((n, b) => n + b.count, 0);
  return {
    year: f.year,
    title: `${f.year} 年度行政执法数据`,
    total,
    byKind: bars(f.byKind.map((b) => ({ key: b.kind, label: b.label, count: b.count }))),
    byCategory: bars(
      f.byCategory.slice(0, 8).map((c) => ({
        key: `${c.kind}-${c.category}`,
        // 许可：普通, 处罚：罚款 — the category alone would not say which kind of decision it is.
        label: `${PUBLICATION_KIND_LABELS[c.kind].replace(/^行政/, '')}：${c.category}`,
        count: c.count,
      })),
    ),
    facts: [
      { key: 'fines', label: '罚款金额', value: `${f.fines} 万元` },
      { key: 'confiscations', label: '没收违法所得和非法财物金额', value: `${f.confiscations} 万元` },
      { key: 'received', label: '收到投诉举报', value: `${f.complaints.received} 件` },
      { key: 'accepted', label: '受理投诉举报', value: `${f.complaints.accepted} 件` },
      { key: 'closed', label: '办结投诉举报', value: `${f.complaints.closed} 件` },
      {
        key: 'onTime',
        label: '按期公示率',
        value:
          f.onTime.percent === null
            ? '—'
            : `${f.onTime.percent}%（${f.onTime.withinDeadline}/${f.onTime.published} 件）`,
      },
      { key: 'withdrawals', label: '撤回公示', value: `${f.withdrawals} 件` },
    ],
  };
}
