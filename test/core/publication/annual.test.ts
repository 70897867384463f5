/**
 * Annual figures (PUB-14): counts by kind, category and outcome, amounts summed exactly in 万元
 * (decimal text, no float drift), the share published within the deadline (PUB-12), the first working day of
 * January from the calendar, and the justice-bureau report from its template (seed publicity Art. 26).
 */
import { createCalendar } from '../../../core/calendar/calendar';
import {
  annualFigures,
  DEFAULT_JUSTICE_REPORT_TEMPLATE,
  firstWorkingDayOfJanuary,
  justiceReport,
} from '../../../core/publication/annual';

const penalty = (over: Record<string, unknown> = {}) => ({
  kind: 'penalty' as const,
  categories: ['罚款'],
  status: 'published',
  fine: '0.1',
  confiscated: null,
  publishedOn: '2026-03-05',
  dueOn: '2026-03-10',
  ...over,
});

describe('annualFigures', () => {
  const f = annualFigures(
    2026,
    [
      penalty(),
      penalty({ fine: '0.2', confiscated: '0.05', categories: ['罚款', '没收违法所得'] }),
      penalty({ status: 'withdrawn', publishedOn: '2026-03-12' }),
      {
        kind: 'permit',
        categories: ['普通'],
        status: 'approved',
        fine: null,
        confiscated: null,
        publishedOn: null,
        dueOn: null,
      },
    ],
    { received: 4, accepted: 3, closed: 2 },
  );
  it('counts by kind, category and outcome', () => {
    expect(f.byKind.find((b) => b.kind === 'penalty')).toEqual({
      kind: 'penalty',
      label: '行政处罚',
      count: 3,
    });
    expect(f.byCategory[0]).toEqual({ kind: 'penalty', category: '罚款', count: 3 });
    expect(f.byOutcome).toEqual({ published: 2, withdrawn: 1, withheld: 1 });
    expect(f.withdrawals).toBe(1);
  });
  it('sums amounts exactly (0.1 + 0.2 + 0.1 is 0.4, not 0.40000000000000002)', () => {
    expect(f.fines).toBe('0.4');
    expect(f.confiscations).toBe('0.05');
  });
  it('gives the share published within the deadline', () => {
    expect(f.onTime).toEqual({ published: 3, withinDeadline: 2, percent: '66.7' });
  });
  it('fills the report template', () => {
    const text = justiceReport(DEFAULT_JUSTICE_REPORT_TEMPLATE, f);
    expect(text).toContain('2026年度');
    expect(text).toContain('行政处罚3件');
    expect(text).toContain('罚款金额0.4万元');
    expect(text).toContain('按期公示率66.7%');
    expect(justiceReport('{year}{unknown}', f)).toBe('2026{unknown}');
  });
});

describe('firstWorkingDayOfJanuary', () => {
  it('skips the New Year holiday and the weekend', () => {
    const calendar = createCalendar({
      adminTables: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '测试用放假安排' }],
    });
    expect(firstWorkingDayOfJanuary(calendar, 2027)).toBe('2027-01-04');
  });
});
