/**
 * The annual enforcement data page rendered in Chromium (PUB-14), `stats.annual` answered here:
 * the table with its plain bars (no chart library: the package budget), the other figures, a year tab, the empty
 * and error states, at the standard and the largest font size (checked mechanically by scripts/miniprogram/checks.ts:
 * nothing cut off or overlapping; screenshots written to preview/ to look at).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkRender } from '../../scripts/miniprogram/checks';
import { figures2026 } from './annual-fixtures';
import type { AnnualFigures } from '../../core/publication/annual';
import { pageHarness } from './harness';

const harness = pageHarness();
const PAGE = 'pages/publication/annual/index';

const answerWith = (years: number[], f: AnnualFigures | null) => () => ({
  ok: true,
  data: { years, figures: f, publishedAt: f ? '2027-01-20T02:00:00.000Z' : null },
});

describe('annual data page', () => {
  it.each([
    ['normal', 17],
    ['largest', 28],
  ])('shows the table, the bars and the other figures at the %s font size', async (label, px) => {
    harness.answer = answerWith([2026, 2025], figures2026);
    const page = await harness.render(PAGE, { fontSizeSetting: px });
    expect(harness.calls[0]).toMatchObject({ fn: 'public', event: { action: 'stats.annual', payload: {} } });
    const text = await page.text();
    for (const s of [
      '2026 年度行政执法数据',
      '共作出执法决定 690 件，2027年1月20日公开',
      '行政处罚',
      '128',
      '行政许可',
      '342',
      '罚款金额',
      '86.35 万元',
      '收到投诉举报',
      '215 件',
      '98.8%（679/687 件）',
      '撤回公示',
      '3 件',
    ]) {
      expect(text).toContain(s);
    }
    // The largest count fills its bar; a zero count draws none.
    const widths = await page.page.$$eval('[class*="bar-fill"]', (els) =>
      els.map((e) => (e as unknown as { style: { width: string } }).style.width),
    );
    expect(widths.slice(0, 5)).toEqual(['37%', '100%', '3%', '62%', '0%']);
    expect(await checkRender(page.page, ['年度行政执法数据', '按期公示率'])).toEqual([]);
    const dir = path.join(__dirname, '../../preview');
    mkdirSync(dir, { recursive: true });
    await page.page.screenshot({ path: path.join(dir, `annual-${label}.png`), fullPage: true });
    await page.invoke('onYear', { currentTarget: { dataset: { year: '2025' } } });
    expect(harness.calls.at(-1)!.event.payload).toEqual({ year: 2025 });
  });

  it('says when no year is published yet, and offers 重试 after an error', async () => {
    harness.answer = answerWith([], null);
    expect(await (await harness.render(PAGE)).text()).toContain('暂无已公开的年度数据');
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    });
    const failed = await harness.render(PAGE);
    expect(await failed.text()).toContain('服务暂时不可用');
    harness.answer = answerWith([2026], figures2026);
    await failed.invoke('retry');
    expect(await failed.text()).toContain('2026 年度行政执法数据');
  });
});
