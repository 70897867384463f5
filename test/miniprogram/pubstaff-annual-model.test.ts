/**
 * The annual figures' staff page view model (PUB-14), pure: the countdown to 31 January as staff read it, the
 * steps shown being exactly those the backend allows (in workflow order, 退回 last), and the default year.
 */
import { annualStaffView, defaultYear } from '../../miniprogram/pages/pubstaff/annual/view';
import { figures2026 } from './annual-fixtures';

const base = {
  year: 2026,
  status: 'drafted' as const,
  statusLabel: '待分管领导审核',
  figures: figures2026,
  justiceReport: '报告',
  publishBy: '2027-01-31',
  daysLeft: 5,
  allowed: [] as string[],
  publishedAt: null,
};

describe('annualStaffView', () => {
  it('counts down to 31 January, says the last day, and marks a late year', () => {
    expect(annualStaffView(base)).toMatchObject({
      deadline: '须于2027年1月31日前公开',
      countdown: '还剩 5 天',
      late: false,
    });
    expect(annualStaffView({ ...base, daysLeft: 0 }).countdown).toBe('今天是最后一天');
    expect(annualStaffView({ ...base, daysLeft: -2 })).toMatchObject({
      countdown: '已逾期 2 天',
      late: true,
    });
  });

  it('says when published figures were published (Beijing date), never late', () => {
    const v = annualStaffView({
      ...base,
      status: 'published',
      daysLeft: -1,
      publishedAt: '2027-01-31T16:30:00.000Z',
    });
    expect(v).toMatchObject({ countdown: '已于2027年2月1日公开', late: false, published: true });
  });

  it('shows only the steps the backend allows, in workflow order with 退回 last', () => {
    const v = annualStaffView({ ...base, allowed: ['reject', 'publish', 'unknown'] });
    expect(v.steps.map((s) => [s.step, s.label])).toEqual([
      ['publish', '发布'],
      ['reject', '退回重新审核'],
    ]);
    expect(annualStaffView(base).steps).toEqual([]);
  });

  it('opens on the previous year (drafted in January)', () => {
    expect(defaultYear(Date.parse('2027-01-04T02:00:00Z'))).toBe(2026);
    // 31 December 17:00 UTC is already 1 January in Beijing.
    expect(defaultYear(Date.parse('2026-12-31T17:00:00Z'))).toBe(2026);
  });
});
