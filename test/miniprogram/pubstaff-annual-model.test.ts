/**
 * The annual figures' staff page view model (PUB-14), pure: the countdown to 31 January as staff read it, the
 * steps shown being exactly those the backend allows (in workflow order, 退回 last), the reasons of 退回 (the
 * latest one while the figures are back with the statistics section), 重新统计 offered only when the backend
 * allows it, a redrafted version's changes (old -> new) and 说明, the earlier versions, and the default year.
 */
import { annualStaffView, defaultYear } from '../../miniprogram/pages/pubstaff/annual/view';
import type { AnnualComment } from '../../core/contract/annual';
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
  comments: [] as AnnualComment[],
  revision: 1,
  draftedBy: '系统自动生成',
  draftedAt: '2027-01-04T01:00:00.000Z',
  note: null,
  changes: [],
  revisions: [],
};
const rejected = (text: string, at: string, round: number): AnnualComment => ({
  step: 'reject',
  stepLabel: '退回',
  round,
  text,
  at,
});

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
      ['reject', '退回重新统计'],
    ]);
    expect(annualStaffView(base).steps).toEqual([]);
  });

  it('shows the latest 退回 reason while the figures are sent back, and every one in the history', () => {
    const comments = [
      rejected('罚款金额与台账不一致', '2027-01-05T02:00:00.000Z', 1),
      { step: 'review', stepLabel: '审核', round: 2, text: '已核对', at: '2027-01-06T02:00:00.000Z' },
      rejected('投诉数字缺少信访件', '2027-01-07T08:30:00.000Z', 2),
    ];
    const back = annualStaffView({ ...base, status: 'returned', comments });
    expect(back.sentBack).toEqual({ text: '投诉数字缺少信访件', when: '2027-01-07 16:30' });
    expect(back.rejections.map((r) => r.text)).toEqual(['投诉数字缺少信访件', '罚款金额与台账不一致']);
    // Redrafted and reviewed again: the history stays, the notice goes.
    const reviewed = annualStaffView({ ...base, status: 'reviewed', comments });
    expect(reviewed.sentBack).toBeNull();
    expect(reviewed.rejections).toHaveLength(2);
    expect(annualStaffView(base)).toMatchObject({ sentBack: null, rejections: [] });
  });

  it('offers 重新统计 only when the backend allows it (the statistics section, while sent back)', () => {
    expect(annualStaffView({ ...base, status: 'returned', allowed: ['redraft'] })).toMatchObject({
      canRedraft: true,
      steps: [],
      revision: 1,
      redrafted: null,
      versions: [],
    });
    expect(annualStaffView({ ...base, status: 'returned' }).canRedraft).toBe(false);
  });

  it('shows a redrafted version’s changes (old -> new) with its 说明, and the versions sent back', () => {
    const v = annualStaffView({
      ...base,
      revision: 2,
      draftedBy: '信息统计员',
      draftedAt: '2027-01-06T02:00:00.000Z',
      note: '已更正万卫公罚一案的罚款金额',
      changes: [{ key: 'fines', label: '罚款金额', from: '86.35 万元', to: '86.45 万元' }],
      revisions: [
        {
          revision: 1,
          figures: figures2026,
          draftedBy: '系统自动生成',
          draftedAt: '2027-01-04T01:00:00.000Z',
          note: null,
          sentBack: { reason: '罚款金额不一致', at: '2027-01-05T02:00:00.000Z' },
        },
      ],
    });
    expect(v.revision).toBe(2);
    expect(v.redrafted).toEqual({
      title: '第2版 · 信息统计员 · 2027-01-06 10:00 重新统计',
      note: '已更正万卫公罚一案的罚款金额',
      changes: [{ key: 'fines', label: '罚款金额', from: '86.35 万元', to: '86.45 万元' }],
    });
    expect(v.versions).toEqual([
      {
        revision: 1,
        title: '第1版 · 系统自动生成 · 2027-01-04 09:00',
        note: '',
        sentBack: '2027-01-05 10:00 退回：罚款金额不一致',
      },
    ]);
  });

  it('opens on the previous year (drafted in January)', () => {
    expect(defaultYear(Date.parse('2027-01-04T02:00:00Z'))).toBe(2026);
    // 31 December 17:00 UTC is already 1 January in Beijing.
    expect(defaultYear(Date.parse('2026-12-31T17:00:00Z'))).toBe(2026);
  });
});
