/**
 * Provisional acceptance dates (PUB-3), rendered in Chromium: a date that rests on a year whose
 * official holiday arrangement is not published yet (`acceptanceDueProvisional`) is marked wherever the citizen
 * sees it (done, detail, mine), with the promise the backend keeps: once told, it may only move later, never
 * earlier. A date from a published arrangement carries no mark.
 */
import { pageHarness } from './harness';

const harness = pageHarness();
const TRACKING_NO = 'TS20261127-7KQ4MX';
const MARK = '（暂按推算的节假日计算，公布后只会顺延，不会提前）';

describe('complaint done: a provisional acceptance date', () => {
  const DONE = 'pages/complaint/done/index';
  const render = (provisional: '0' | '1') =>
    harness.render(DONE, { query: { trackingNo: TRACKING_NO, due: '2027-01-12', provisional } });

  it('says the date may only move later once the arrangement is published, never earlier', async () => {
    const text = await (await render('1')).text();
    expect(text).toContain('2027年1月12日');
    expect(text).toContain('暂定日期');
    expect(text).toContain('安排公布后，这个日期只会顺延，不会提前');
    expect(text).not.toContain('以公布的工作日为准');
  });

  it('has no such note for a date from the published arrangement', async () => {
    const text = await (await render('0')).text();
    expect(text).toContain('2027年1月12日');
    expect(text).not.toContain('暂定');
    expect(text).not.toContain('顺延');
  });
});

describe('complaint detail: a provisional acceptance date', () => {
  const DETAIL = 'pages/complaint/detail/index';
  const view = (overrides: Record<string, unknown>) => ({
    trackingNo: TRACKING_NO,
    kind: 'complaint',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '北山大道 1 号' },
    description: '游泳池水浑浊有异味，没有消毒记录。',
    photoCount: 0,
    status: 'submitted',
    statusLabel: '待受理',
    submittedAt: '2026-12-28T02:00:00.000Z',
    acceptanceDueDate: '2027-01-12',
    acceptanceDueProvisional: true,
    anonymous: false,
    contact: { name: '张**', phone: '139****4321' },
    timeline: [{ at: '2026-12-28T02:00:00.000Z', event: 'submitted', label: '已提交' }],
    result: null,
    nextStep: { label: '决定是否受理', dueDate: '2027-01-12' },
    rejection: null,
    rating: null,
    withdrawnAt: null,
    materialCount: 0,
    photoUrls: [],
    citizenSteps: [],
    ...overrides,
  });
  const render = (overrides: Record<string, unknown>) => {
    harness.answer = () => ({ ok: true, data: view(overrides) });
    return harness.render(DETAIL, { query: { trackingNo: TRACKING_NO } });
  };

  it('marks the acceptance date while acceptance is pending', async () => {
    const text = await (await render({})).text();
    expect(text).toContain('决定是否受理，预计 2027年1月12日前');
    expect(text).toContain(MARK);
  });

  it('shows no mark for a date from the published arrangement', async () => {
    const text = await (await render({ acceptanceDueProvisional: false })).text();
    expect(text).toContain('决定是否受理，预计 2027年1月12日前');
    expect(text).not.toContain(MARK);
  });

  it('shows no mark once accepted: the date shown then is not the acceptance date', async () => {
    const text = await (
      await render({
        status: 'accepted',
        statusLabel: '已受理',
        nextStep: { label: '核查处理并办结', dueDate: '2027-02-26' },
      })
    ).text();
    expect(text).toContain('核查处理并办结，预计 2027年2月26日前');
    expect(text).not.toContain(MARK);
  });
});

describe('my complaints: a provisional acceptance date', () => {
  const item = (n: number, acceptanceDueProvisional: boolean) => ({
    trackingNo: `TS20261228-AAAAA${n}`,
    kind: 'report',
    category: '公共场所',
    subjectName: `对象${n}`,
    status: 'submitted',
    statusLabel: '待受理',
    submittedAt: '2026-12-28T02:00:00.000Z',
    acceptanceDueDate: acceptanceDueProvisional ? '2027-01-12' : '2026-12-31',
    acceptanceDueProvisional,
  });

  it('marks the provisional date on its own row only', async () => {
    harness.answer = () => ({
      ok: true,
      data: { items: [item(1, true), item(2, false)], total: 2, totalCapped: false, nextCursor: null },
    });
    const text = await (await harness.render('pages/complaint/mine/index')).text();
    expect(text).toContain(`2027年1月12日前决定是否受理${MARK}`);
    expect(text).toContain('2026年12月31日前决定是否受理');
    expect(text.split(MARK)).toHaveLength(2);
  });
});
