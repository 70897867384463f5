/**
 * The officer verification page (PUB-4) rendered in Chromium:
 * 重试 after a network failure retries the scanned or badge code; from a code the result comes first; a valid
 * result shows a live clock, the enforcement field and area and a registered photo if any; 暂扣 / 吊销 / 注销
 * read as such with their date; 12345 is a tap-to-call button; the page can be shared without the citizen's data.
 */
import { pageHarness } from './harness';
import type { Rendered } from '../../scripts/miniprogram/render';

const harness = pageHarness();
const { calls } = harness;
const PAGE = 'pages/officer/verify/index';

const VALID = {
  certNo: '50010120230001',
  name: '张伟',
  unitName: '区卫生健康综合行政执法支队',
  status: 'active',
  validFrom: '2023-03-01',
  validUntil: '2029-02-28',
  statusDate: null,
  field: '公共卫生、医疗卫生',
  area: '本区行政区域',
  photoUrl: null,
};
const NETWORK_DOWN = () => {
  throw new Error('offline');
};

/** Text of one element of the page, found by its id in the component tree ('' when absent). */
const textOf = (page: Rendered, selector: string) =>
  page.page.evaluate((s) => (globalThis as any).__comp.querySelector(s)?.dom.textContent ?? '', selector);

/** How many elements of the page match (0 when absent). */
const count = (page: Rendered, selector: string) =>
  page.page.evaluate((s) => (globalThis as any).__comp.querySelectorAll(s).length as number, selector);

/** Whether `a` comes before `b` in the document. */
const before = (page: Rendered, a: string, b: string) =>
  page.page.evaluate(
    ([x, y]) => {
      const comp = (globalThis as any).__comp;
      return !!(comp.querySelector(x).dom.compareDocumentPosition(comp.querySelector(y).dom) & 4);
    },
    [a, b] as const,
  );

describe('重试 after a network failure', () => {
  it('retries the scanned code itself, not a typed number', async () => {
    harness.answer = NETWORK_DOWN;
    const page = await harness.render(PAGE);
    await page.page.evaluate(() => {
      (globalThis as unknown as { __scanResults: unknown[] }).__scanResults = [
        { path: 'pages/officer/verify/index?scene=VALD2345' },
      ];
    });
    await page.invoke('onScan');
    let text = await page.text();
    expect(text).toContain('网络不畅');
    expect(text).toContain('重试');
    expect(text).toContain('扫描的执法证二维码');
    expect(text).not.toContain('请输入执法证号\n');
    // After a scan the answer (here the failure) comes before the search form.
    expect(await before(page, '#verify-error', '#verify-search')).toBe(true);

    harness.answer = () => ({ ok: true, data: VALID });
    await page.invoke('onRetry');
    expect(calls.map((c) => c.event.payload)).toEqual([{ shortId: 'VALD2345' }, { shortId: 'VALD2345' }]);
    text = await page.text();
    expect(text).toContain('执法证有效');
    expect(text).toContain('张伟');
  });

  it('retries the badge code the page was opened with', async () => {
    harness.answer = NETWORK_DOWN;
    const page = await harness.render(PAGE, { query: { scene: 'vald2345' } });
    expect(await page.text()).toContain('重试');
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'suspended', statusDate: '2026-10-15' } });
    await page.invoke('onRetry');
    expect(calls.map((c) => c.event.payload)).toEqual([{ shortId: 'VALD2345' }, { shortId: 'VALD2345' }]);
    expect(await page.text()).toContain('已暂扣');
  });
});

describe('layout: scanning first; from a code the result first', () => {
  it('puts the scan button above the number field when opened from the home page', async () => {
    const page = await harness.render(PAGE);
    expect(await before(page, '#verify-scan-row', '#verify-input-row')).toBe(true);
    expect(await textOf(page, '#verify-scan-row')).toContain('扫描执法证二维码');
    expect(await page.text()).toContain('请在您自己的手机上核验');
  });

  it('puts the result above the search form when opened from a badge code', async () => {
    harness.answer = () => ({ ok: true, data: VALID });
    const page = await harness.render(PAGE, { query: { scene: 'VALD2345' } });
    expect(await before(page, '#verify-result', '#verify-search')).toBe(true);
    expect(await page.text()).toContain('核验其他执法人员');
  });
});

describe('a valid result shows what a screenshot cannot fake', () => {
  it('has a clock ticking each second, the field and area, and the own-phone advice', async () => {
    harness.answer = () => ({ ok: true, data: VALID });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    const first = await textOf(page, '#verify-clock');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await page.page.waitForTimeout(1300);
    const second = await textOf(page, '#verify-clock');
    expect(second).not.toBe(first);
    expect(second > first).toBe(true);
    const text = await page.text();
    expect(text).toContain('当前时间');
    expect(text).toContain('核验时间');
    expect(text).toContain('请在您自己的手机上核验');
    expect(await textOf(page, '#officer-field')).toBe('公共卫生、医疗卫生');
    expect(await textOf(page, '#officer-area')).toBe('本区行政区域');
    // No registered photo yet: none is shown.
    expect(await count(page, '#officer-photo')).toBe(0);
  });

  it('shows the registered photo from its temporary link', async () => {
    const photoUrl = 'https://tmp.example.com/officer.png?sign=x';
    harness.answer = () => ({ ok: true, data: { ...VALID, photoUrl } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    expect(await count(page, '#officer-photo')).toBe(1);
    // simulate renders <image> without its src attribute: the bound value is read from the page data.
    const src = await page.page.evaluate(
      () => (globalThis as any).__comp.instance.data.officer.photoUrl as string,
    );
    expect(src).toBe(photoUrl);
  });

  it('shows no live clock on a certificate that is not valid', async () => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'revoked', statusDate: '2025-03-20' } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    expect(await count(page, '#verify-live')).toBe(0);
  });
});

// 注销 is no sanction; 暂扣 holds a certificate back; each is dated on the result.
describe('statuses with their dates', () => {
  it.each([
    ['cancelled', '2025-09-30', '已注销', '注销日期', '2025-09-30'],
    ['revoked', '2025-03-20', '已吊销', '吊销日期', '2025-03-20'],
    ['suspended', '2026-10-15', '已暂扣', '暂扣日期', '2026-10-15'],
    ['expired', '2024-05-31', '已过期', '有效期届满', '2024-05-31'],
  ])('%s reads as %s with its date', async (status, statusDate, label, dateLabel, date) => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status, statusDate } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    const text = await page.text();
    expect(text).toContain(label);
    expect(await textOf(page, '#verify-status-date')).toBe(`${dateLabel}${date}`);
    expect(text).toContain('拒绝接受检查');
  });

  it('says 注销 is leaving the post, not a sanction', async () => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'cancelled', statusDate: '2025-09-30' } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    const text = await page.text();
    expect(text).toContain('执法证已注销');
    expect(text).toContain('调离、退休');
    expect(text).not.toContain('吊销');
  });

  it('says plainly when an old record has no date', async () => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'revoked', statusDate: null } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    expect(await textOf(page, '#verify-status-date')).toBe('吊销日期未登记，请向发证机关核实');
  });
});

describe('12345 is a call button; the page can be shared', () => {
  it('calls 12345 from the button under a certificate that is not valid', async () => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'cancelled', statusDate: '2025-09-30' } });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    expect(await textOf(page, '#verify-rights-hotline-row')).toContain('拨打 12345');
    await page.invoke('onCallHotline');
    expect(await page.effects()).toContainEqual({ api: 'makePhoneCall', args: { phoneNumber: '12345' } });
  });

  it('shares the page itself, never the number checked or its result', async () => {
    harness.answer = () => ({ ok: true, data: VALID });
    const page = await harness.render(PAGE, { query: { certNo: VALID.certNo } });
    const share = await page.page.evaluate(() => {
      const inst = (globalThis as any).__comp.instance;
      return { app: inst.onShareAppMessage(), timeline: inst.onShareTimeline() };
    });
    expect(share.app).toEqual({
      title: '核验执法人员：扫描执法证二维码或输入证号',
      path: '/pages/officer/verify/index',
    });
    expect(JSON.stringify(share)).not.toMatch(/50010120230001|张伟|有效/);
  });
});
