/**
 * Page tests: each page rendered by miniprogram-simulate inside Chromium
 * (scripts/miniprogram/render.ts) against the typed client, with the backend answered here. Chromium and the
 * font come from npm (scripts/miniprogram/browser.ts); jest's globalSetup builds the generated miniprogram_npm.
 */
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

const render = (page: string, query?: Record<string, string>, fontSizeSetting = 17) =>
  harness.render(page, { query, fontSizeSetting });

const VALID = {
  certNo: '50010120230001',
  name: '张伟',
  unitName: '区卫生健康综合行政执法支队',
  status: 'active',
  validFrom: '2023-03-01',
  validUntil: '2029-02-28',
};

describe('officer verification page', () => {
  it('verifies the officer of a badge code scene through the cloud and shows 有效', async () => {
    harness.answer = () => ({ ok: true, data: VALID });
    const page = await render('pages/officer/verify/index', { scene: 'vald2345' });
    expect(calls).toEqual([
      expect.objectContaining({
        transport: 'cloud',
        fn: 'public',
        event: expect.objectContaining({ action: 'officer.verify', payload: { shortId: 'VALD2345' } }),
      }),
    ]);
    const text = await page.text();
    expect(text).toContain('有效');
    expect(text).toContain('张伟');
    expect(text).not.toContain('拒绝接受检查');
  });

  it.each([
    ['suspended', '已暂扣'],
    ['cancelled', '已注销'],
    ['revoked', '已吊销'],
    ['expired', '已过期'],
  ])('reads %s as %s and tells the citizen they may refuse and report', async (status, label) => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status } });
    const page = await render('pages/officer/verify/index', { certNo: VALID.certNo });
    const text = await page.text();
    expect(text).toContain(label);
    expect(text).toContain('拒绝接受检查');
    expect(text).toContain('第五十五条');
    expect(text).toContain('12345');
    await page.invoke('onReport');
    expect(await page.effects()).toContainEqual({
      api: 'navigateTo',
      args: { url: '/pages/complaint/intro/index?kind=report' },
    });
  });

  it('shows 未查到 for NOT_FOUND and an error with retry for other failures', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未查到' } });
    const page = await render('pages/officer/verify/index', { certNo: '99999999999999' });
    expect(await page.text()).toContain('未查到');
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    });
    await page.invoke('onSubmit');
    const text = await page.text();
    expect(text).toContain('服务暂时不可用');
    expect(text).toContain('重试');
  });

  // 行政处罚法 Art. 55: the right to refuse turns on no certificate being shown; a number missing from this
  // commission's register may belong to another agency, so 未查到 neither says "refuse" nor "invalid".
  it('says a number not found is not in this commission’s register, repeats it, and offers 12345 and 110', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未查到' } });
    const page = await render('pages/officer/verify/index', { certNo: '99999999999999' });
    const text = await page.text();
    expect(text).toContain('本委执法人员名录中没有这个证号');
    expect(text).toContain('区卫生健康委员会');
    expect(text).toContain('市场监管、城市管理等其他部门');
    expect(text).toContain('所查证号');
    expect(text).toContain('99999999999999');
    expect(text).toContain('发证机关');
    expect(text).toContain('110');
    expect(text).not.toContain('拒绝');
    expect(text).not.toContain('不是本机关登记的有效执法证');
    expect(text).not.toContain('我要举报');
    await page.invoke('onCallHotline');
    expect(await page.effects()).toContainEqual({ api: 'makePhoneCall', args: { phoneNumber: '12345' } });
  });

  it('says which way was searched when a scanned code is not found', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未查到' } });
    const page = await render('pages/officer/verify/index', { scene: 'NQNE2345' });
    const text = await page.text();
    expect(text).toContain('查询方式');
    expect(text).toContain('扫描二维码');
    expect(text).not.toContain('拒绝');
  });

  it('checks the number before calling the backend', async () => {
    const page = await render('pages/officer/verify/index');
    await page.invoke('onInput', { detail: { value: '12' } });
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(0);
    expect(await page.text()).toContain('执法证号应为');
  });

  it('verifies a scanned badge through the privacy flow', async () => {
    harness.answer = () => ({ ok: true, data: { ...VALID, status: 'revoked' } });
    const page = await render('pages/officer/verify/index');
    await page.page.evaluate(() => {
      (globalThis as unknown as { __scanResults: unknown[] }).__scanResults = [
        { path: 'pages/officer/verify/index?scene=REVK2345' },
      ];
    });
    await page.invoke('onScan');
    const apis = (await page.effects()).map((e) => e.api);
    expect(apis.indexOf('requirePrivacyAuthorize')).toBeLessThan(apis.indexOf('scanCode'));
    expect(calls[0]!.event.payload).toEqual({ shortId: 'REVK2345' });
    expect(await page.text()).toContain('已吊销');
  });
});

describe('home page', () => {
  it('opens the verification page and says plainly that unbuilt features are not open yet', async () => {
    const page = await render('pages/home/index');
    await page.invoke('onEntry', { currentTarget: { dataset: { key: 'officer' } } });
    await page.invoke('onEntry', { currentTarget: { dataset: { key: 'complaints' } } });
    expect(await page.effects()).toContainEqual({
      api: 'navigateTo',
      args: { url: '/pages/officer/verify/index' },
    });
    expect(await page.effects()).toContainEqual({
      api: 'navigateTo',
      args: { url: '/pages/complaint/intro/index' },
    });
    // A service not yet available says so in a toast, never an empty page.
    await page.invoke('onEntry', { currentTarget: { dataset: { key: 'rights' } } });
    expect(await page.effects()).toContainEqual({
      api: 'showToast',
      args: { title: '该功能即将上线', icon: 'none' },
    });
    expect((await page.effects()).filter((e) => e.api === 'navigateTo')).toHaveLength(2);
  });
});

describe('staff pages', () => {
  it('binds with a cleaned invitation code and goes to the staff home', async () => {
    harness.answer = () => ({ ok: true, data: {} });
    const page = await render('pages/staff/bind/index');
    await page.invoke('onInput', { detail: { value: ' abcd-efgh ' } });
    await page.invoke('onSubmit');
    expect(calls[0]!.event).toMatchObject({ action: 'staff.bind', payload: { inviteCode: 'ABCD-EFGH' } });
    expect(await page.effects()).toContainEqual({
      api: 'redirectTo',
      args: { url: '/pages/staff/home/index' },
    });
  });

  it('shows the backend refusal of a binding', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '邀请码无效或已过期' } });
    const page = await render('pages/staff/bind/index');
    await page.invoke('onInput', { detail: { value: 'WRONG' } });
    await page.invoke('onSubmit');
    expect(await page.text()).toContain('邀请码无效或已过期');
  });

  it('renders the staff home even when the dashboard answers an error', async () => {
    harness.answer = (c) =>
      c.event.action === 'staff.me'
        ? {
            ok: true,
            data: {
              staffId: 's',
              name: '黄磊',
              unit: { id: 'u', name: '区卫生健康委员会' },
              section: null,
              roles: [{ role: 'admin', unitId: 'u', label: '系统管理员' }],
            },
          }
        : { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } };
    const page = await render('pages/staff/home/index', {}, 28);
    const text = await page.text();
    expect(text).toContain('黄磊');
    expect(text).toContain('系统管理员');
    expect(text).toContain('待办看板暂不可用');
  });
});
