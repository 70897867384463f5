/**
 * Foundation pages beyond pages.test.ts: the 关怀模式 scale reaching the page root, opening the
 * verification page from a badge code's URL-encoded `scene`, the privacy flow where personal data is collected
 * (and only there), and the role-aware staff home reading the dashboard's real shape. Rendered by
 * miniprogram-simulate in Chromium (scripts/miniprogram/render.ts) against the typed client, release version.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

const render = (
  page: string,
  opts: {
    query?: Record<string, string>;
    fontSizeSetting?: number;
    privacyNeedsAuthorization?: boolean;
  } = {},
) => harness.render(page, opts);

const rootStyle = (r: Rendered) =>
  r.page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { getAttribute(a: string): string } | null };
      }
    ).document;
    return doc.querySelector('#mp-root [style*="--fs"]')?.getAttribute('style') ?? '';
  });

const VALID = {
  certNo: '50010120230001',
  name: '张伟',
  unitName: '区卫生健康综合行政执法支队',
  status: 'active',
  validFrom: '2023-03-01',
  validUntil: '2029-02-28',
};

describe('关怀模式', () => {
  it.each([
    ['home', 'pages/home/index'],
    ['verify', 'pages/officer/verify/index'],
    ['bind', 'pages/staff/bind/index'],
  ])('the %s page root carries the scale of the font setting', async (_name, page) => {
    expect(await rootStyle(await render(page, { fontSizeSetting: 17 }))).toContain('--fs: 1;');
    const largest = await rootStyle(await render(page, { fontSizeSetting: 28 }));
    expect(largest).toContain('--fs: 1.6;');
    expect(largest).toContain('--td-font-size-base: 45px'); // the renderer writes rpx as px (1:1 at 750);
  });
});

describe('verification page opened from a badge code', () => {
  it('decodes the URL-encoded scene of onLoad options (o=<id>) and verifies by short id', async () => {
    harness.answer = () => ({ ok: true, data: VALID });
    const page = await render('pages/officer/verify/index', { query: { scene: 'o%3Dvald2345' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ transport: 'cloud', fn: 'public' });
    expect(calls[0]!.event).toMatchObject({ action: 'officer.verify', payload: { shortId: 'VALD2345' } });
    expect(await page.text()).toContain('张伟');
  });

  it('does not call the backend for a scene that is no officer id', async () => {
    const page = await render('pages/officer/verify/index', { query: { scene: '%E4%B8%AD' } });
    expect(calls).toHaveLength(0);
    expect(await page.text()).toContain('执法证号');
  });
});

describe('privacy flow', () => {
  it('does not stop a citizen who only types a number, but guards the camera', async () => {
    const page = await render('pages/officer/verify/index', { privacyNeedsAuthorization: true });
    expect(await page.text()).not.toContain('个人信息保护提示');
    await page.page.evaluate(
      () => ((globalThis as unknown as { __privacyRefused: boolean }).__privacyRefused = true),
    );
    await page.invoke('onScan');
    const apis = (await page.effects()).map((e) => e.api);
    expect(apis).toContain('requirePrivacyAuthorize');
    expect(apis).not.toContain('scanCode');
    expect(await page.text()).toContain('未同意隐私保护指引时不能扫码');
  });

  it('opens the staff binding page with the privacy panel and never binds without agreement', async () => {
    const page = await render('pages/staff/bind/index', { privacyNeedsAuthorization: true });
    const text = await page.text();
    expect(text).toContain('个人信息保护提示');
    expect(text).toContain('《小程序隐私保护指引》');
    expect(text).toContain('同意并继续');
    await page.page.evaluate(
      () => ((globalThis as unknown as { __privacyRefused: boolean }).__privacyRefused = true),
    );
    await page.invoke('onInput', { detail: { value: 'ABCD-EFGH' } });
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(0);
    expect(await page.text()).toContain('未同意隐私保护指引时无法绑定工作人员账号');
  });
});

describe('role-aware staff home', () => {
  const me = (roles: Array<{ role: string; label: string }>) => ({
    ok: true,
    data: {
      staffId: 's1',
      name: '李娜',
      unit: { id: 'u', name: '区卫生健康综合行政执法支队' },
      section: null,
      roles: roles.map((r) => ({ ...r, unitId: 'u' })),
    },
  });
  const counts = (overdue: number, dueSoon: number) => ({ overdue, dueSoon, total: overdue + dueSoon });

  it('shows each feature’s clocks from the dashboard to a leader', async () => {
    harness.answer = (c) =>
      c.event.action === 'staff.me'
        ? me([{ role: 'reviewer', label: '分管领导' }])
        : {
            ok: true,
            data: {
              generatedAt: '2026-05-06T01:00:00.000Z',
              totals: counts(2, 3),
              providers: [
                {
                  id: 'complaint.acceptance',
                  label: '投诉举报受理时限',
                  counts: counts(2, 1),
                  truncated: false,
                },
                { id: 'outbox', label: '外发消息', counts: counts(0, 2), truncated: true },
              ],
              sections: [],
            },
          };
    const page = await render('pages/staff/home/index');
    expect(calls.map((c) => c.event.action)).toEqual(['staff.me', 'dashboard']);
    const text = await page.text();
    expect(text).toContain('投诉举报受理时限');
    expect(text).toContain('逾期 2 件 · 即将到期 1 件');
    expect(text).toContain('外发消息');
    expect(text).toContain('逾期 0 件 · 即将到期 2 件（过多，仅统计最早到期的部分）');
    expect(text).not.toContain('暂无待办');
  });

  it('does not ask for the dashboard for an officer, and says who sees it', async () => {
    harness.answer = () => me([{ role: 'officer', label: '执法人员' }]);
    const page = await render('pages/staff/home/index');
    expect(calls.map((c) => c.event.action)).toEqual(['staff.me']);
    const text = await page.text();
    expect(text).toContain('执法人员');
    expect(text).toContain('待办看板仅对领导和法制稽查开放');
    expect(text).not.toContain('加载失败');
  });
});
