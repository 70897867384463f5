/**
 * The credit export staff page rendered in Chromium (PUB-9; 信用重庆), the staff function answered here:
 * the exports as lines (kind, count, time, downloads) and never a record; generating a file; the download link
 * shown to copy (wx.setClipboardData) with its expiry; the refusal for other roles; both font sizes checked.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkRender } from '../../scripts/miniprogram/checks';
import { pageHarness } from './harness';

const harness = pageHarness();
const PAGE = 'pages/staff/credit-export/index';
const row = {
  id: 'cex_0123456789abcdef0123',
  kind: 'penalty',
  rows: 12,
  createdAt: '2027-01-04T01:30:00.000Z',
  downloads: 1,
  complete: true,
};
const LINK = 'http://127.0.0.1:3000/_storage/exports/credit/cex_0123456789abcdef0123.csv?sign=abc';

function backend(c: { event: { action: string } }) {
  switch (c.event.action) {
    case 'creditExport.list':
      return { ok: true, data: { items: [row], total: 1, totalCapped: false, nextCursor: null } };
    case 'creditExport.create':
      return { ok: true, data: { ...row, id: 'cex_1111111111aaaaaaaaaa', rows: 3, downloads: 0 } };
    case 'creditExport.download':
      return {
        ok: true,
        data: {
          url: LINK,
          expiresAt: '2027-01-04T01:35:00.000Z',
          fileName: '双公示_行政处罚_2027-01-04_01234567.csv',
        },
      };
    default:
      return { ok: false, error: { code: 'NOT_FOUND', message: '未找到' } };
  }
}

describe('credit export page', () => {
  it.each([
    ['normal', 17],
    ['largest', 28],
  ])('lists exports, generates one and shows a link to copy (%s font)', async (label, px) => {
    harness.answer = backend;
    const page = await harness.render(PAGE, { fontSizeSetting: px });
    expect(await page.text()).toContain('行政处罚 12 条');
    expect(await page.text()).toContain('2027年1月4日 09:30 生成 · 已下载 1 次');
    await page.invoke('onCreate', { currentTarget: { dataset: { kind: 'penalty' } } });
    expect(harness.calls.find((c) => c.event.action === 'creditExport.create')!.event.payload).toEqual({
      kind: 'penalty',
    });
    expect(await page.text()).toContain('已生成行政处罚 3 条记录的报送文件');
    await page.invoke('onLink', { currentTarget: { dataset: { id: row.id } } });
    const text = await page.text();
    expect(text).toContain('下载链接（09:35 前有效）');
    expect(text).toContain(LINK);
    await page.invoke('onCopy');
    const copies = (await page.effects()).filter((e) => e.api === 'setClipboardData');
    expect(copies.map((e) => (e.args as { data: string }).data)).toEqual([LINK]);
    expect(await checkRender(page.page, ['信用信息报送', '复制链接'])).toEqual([]);
    const dir = path.join(__dirname, '../../preview');
    mkdirSync(dir, { recursive: true });
    await page.page.screenshot({ path: path.join(dir, `credit-export-${label}.png`), fullPage: true });
  });

  it('tells other roles it is for the credit reporter only', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } });
    const page = await harness.render(PAGE);
    expect(await page.text()).toContain('仅信用信息报送员可以使用');
  });
});
