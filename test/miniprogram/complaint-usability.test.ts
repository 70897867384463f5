/**
 * Usability of the citizen's complaint pages and home (PUB-3), rendered in Chromium: the form scrolls to its first error
 * and counts them, empty required fields say 请填写…, required fields are marked (item 2); refused permissions
 * and privacy say what failed and offer 去设置 (item 8); a failed "load more" offers 重试; 12345 is tap-to-call
 * (item 3); home lists the working services first, a toast for the pending ones, a scan shortcut (item 4);
 * public pages are shareable (item 10); the intro's periods come from the legal settings (PUB-2).
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const FORM = 'pages/complaint/form/index';

/** wx APIs the shell lacks, each failing with `errMsg` when given (as WeChat does on a refusal). */
async function scriptWx(page: Rendered, fail: { media?: string; location?: string; scan?: string } = {}) {
  await page.page.evaluate((f) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    const note = (api: string, args: unknown) => w.__effects.push({ api, args });
    Object.assign(w.wx, {
      getStorageSync: () => '',
      setStorageSync: () => undefined,
      removeStorageSync: () => undefined,
      chooseMedia: (o: { fail?: (e: unknown) => void }) => {
        note('chooseMedia', {});
        o.fail?.({ errMsg: f.media ?? 'chooseMedia:fail cancel' });
      },
      chooseLocation: (o: { fail?: (e: unknown) => void }) => {
        note('chooseLocation', {});
        o.fail?.({ errMsg: f.location ?? 'chooseLocation:fail cancel' });
      },
      ...(f.scan
        ? {
            scanCode: (o: { fail?: (e: unknown) => void }) => {
              note('scanCode', {});
              o.fail?.({ errMsg: f.scan });
            },
          }
        : {}),
    });
  }, fail);
}

const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);

describe('complaint form: errors', () => {
  it('counts the errors, scrolls to the first wrong field, and says 请填写… for empty fields', async () => {
    const page = await render(FORM);
    await scriptWx(page);
    await page.invoke('onSubmit');
    let text = await page.text();
    expect(text).toContain('有 7 处需要修改');
    expect(text).toContain('请填写被投诉举报对象名称');
    expect(text).toContain('请填写问题描述');
    expect(text).not.toContain('至少 2 个字');
    expect(await effectsOf(page, 'pageScrollTo')).toEqual([
      expect.objectContaining({ selector: '#form-kind' }),
    ]);

    await page.invoke('onKind', tap({ kind: 'complaint' }));
    await page.invoke('onCategory', tap({ category: '公共场所' }));
    await page.invoke('onField', typed('某某游泳馆', 'subjectName'));
    await page.invoke('onField', typed('北山大道 1 号', 'subjectAddress'));
    await page.invoke('onField', typed('太短', 'description'));
    await page.invoke('onSubmit');
    text = await page.text();
    expect(text).toContain('有 3 处需要修改');
    expect(text).toContain('问题描述至少 10 个字'); // typed but too short: the length is what is wrong
    expect((await effectsOf(page, 'pageScrollTo')).at(-1)).toMatchObject({ selector: '#form-description' });
    expect(calls).toHaveLength(0);
  });

  it('a refusal naming 12345 (the daily limit) offers the call', async () => {
    harness.answer = () => ({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message:
          '每天最多提交 5 件投诉举报，请明天再试，也可拨打 12345 热线反映；紧急情况请拨打 120（急救）或 110（报警）',
      },
    });
    const page = await render(FORM);
    await scriptWx(page);
    await page.invoke('onKind', tap({ kind: 'report' }));
    await page.invoke('onCategory', tap({ category: '公共场所' }));
    await page.invoke('onField', typed('某某游泳馆', 'subjectName'));
    await page.invoke('onField', typed('北山大道 1 号', 'subjectAddress'));
    await page.invoke('onField', typed('游泳池水浑浊有异味，没有消毒记录。', 'description'));
    await page.invoke('onContactMode', tap({ mode: 'anonymous' }));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(await page.text()).toContain('拨打 12345\n');
    await page.invoke('onCallPhone', tap({ phone: '12345' }));
    expect(await effectsOf(page, 'makePhoneCall')).toEqual([{ phoneNumber: '12345' }]);
  });

  it('marks every required field with a red * labelled 必填', async () => {
    const page = await render(FORM);
    // The renderer keeps classes (prefixed by the component scope), not ids or aria attributes.
    const marks = await page.page.$$eval('[class$="--required"]', (els) => els.map((e) => e.textContent));
    // 类型, 所属领域, 名称, 地址, 问题描述, 联系方式, 姓名, 联系电话
    expect(marks).toEqual(Array(8).fill('*'));
    expect(await page.text()).toContain('的为必填项');
  });
});

describe('complaint form: refused permissions', () => {
  it('a refused album/camera says so and offers 去设置 (wx.openSetting)', async () => {
    const page = await render(FORM);
    await scriptWx(page, { media: 'chooseMedia:fail auth deny' });
    await page.invoke('onAddPhotos');
    expect(await page.text()).toContain('未获得相册或摄像头权限，暂时不能添加照片');
    expect(await page.text()).toContain('去设置');
    await page.invoke('onOpenSetting');
    expect(await effectsOf(page, 'openSetting')).toHaveLength(1);
    expect(await page.text()).not.toContain('未获得相册或摄像头权限');
  });

  it('a refused location says so with 去设置; a cancelled pick says nothing', async () => {
    const page = await render(FORM);
    await scriptWx(page);
    await page.invoke('onPickLocation');
    expect(await page.text()).not.toContain('权限');
    await scriptWx(page, { location: 'chooseLocation:fail auth deny' });
    await page.invoke('onPickLocation');
    expect(await page.text()).toContain('未获得位置信息权限，暂时不能在地图上选点');
    expect(await page.text()).toContain('去设置');
  });

  it('a refused privacy guide says what cannot be used and that typing still works', async () => {
    const page = await render(FORM);
    await scriptWx(page, { media: 'chooseMedia:fail privacy permission is not authorized' });
    await page.invoke('onPrivacyRefused');
    expect(await page.text()).toContain(
      '暂时不能添加照片、在地图上选点或使用微信手机号；其余内容可以照常填写并提交',
    );
    await page.invoke('onAddPhotos');
    expect(await page.text()).toContain('您未同意《小程序隐私保护指引》，暂时不能添加照片');
    expect(await page.text()).not.toContain('去设置'); // settings cannot fix it
  });
});

describe('home', () => {
  it('lists the working services first, then the pending ones grouped', async () => {
    const page = await render('pages/home/index');
    const keys = await page.page.$$eval('[data-key]', (els) => els.map((e) => e.getAttribute('data-key')));
    expect(keys).toEqual([
      'officer',
      'complaints',
      'mine',
      'results',
      'rightsNotice',
      'documents',
      'rights',
      'staff',
    ]);
    const text = await page.text();
    expect(text.indexOf('我的投诉举报')).toBeLessThan(text.indexOf('即将上线'));
    await page.invoke('onEntry', tap({ key: 'mine' }));
    expect(await effectsOf(page, 'navigateTo')).toEqual([{ url: '/pages/complaint/mine/index' }]);
    // 执法结果公示 (PUB-7) and 我的送达文书 (REC-7) are working services; the rights pages are still to come.
    expect(text.indexOf('执法结果公示')).toBeLessThan(text.indexOf('即将上线'));
    expect(text.indexOf('我的送达文书')).toBeLessThan(text.indexOf('即将上线'));
    await page.invoke('onEntry', tap({ key: 'results' }));
    expect(await effectsOf(page, 'navigateTo')).toContainEqual({ url: '/pages/publication/list/index' });
    await page.invoke('onEntry', tap({ key: 'documents' }));
    expect(await effectsOf(page, 'navigateTo')).toContainEqual({ url: '/pages/service/mine/index' });
    await page.invoke('onEntry', tap({ key: 'rights' }));
    expect(await effectsOf(page, 'showToast')).toEqual([{ title: '该功能即将上线', icon: 'none' }]);
  });

  it('scans a badge and opens the verification page with its scene, after the privacy flow', async () => {
    const page = await render('pages/home/index');
    await page.page.evaluate(() => {
      (globalThis as unknown as { __scanResults: unknown[] }).__scanResults = [
        { path: 'pages/officer/verify/index?scene=o%3Dvald2345' },
        { result: '50010120230001' },
      ];
    });
    await page.invoke('onScan');
    await page.invoke('onScan');
    const apis = (await page.effects()).map((e) => e.api);
    expect(apis.indexOf('requirePrivacyAuthorize')).toBeLessThan(apis.indexOf('scanCode'));
    expect(await effectsOf(page, 'navigateTo')).toEqual([
      { url: '/pages/officer/verify/index?scene=o%3Dvald2345' },
      { url: '/pages/officer/verify/index?certNo=50010120230001' },
    ]);
  });

  it('a refused camera says so with 去设置; the page is shareable', async () => {
    const page = await render('pages/home/index');
    await scriptWx(page, { scan: 'scanCode:fail auth deny' });
    await page.invoke('onScan');
    expect(await page.text()).toContain('未获得摄像头权限，暂时不能扫码');
    expect(await page.text()).toContain('去设置');
    const share = await page.page.evaluate(() =>
      (
        globalThis as unknown as { __comp: { instance: { onShareAppMessage(): unknown } } }
      ).__comp.instance.onShareAppMessage(),
    );
    expect(share).toMatchObject({ path: '/pages/home/index' });
  });
});

describe('complaint intro: periods from the settings, 12345, sharing', () => {
  it('states the acceptance and feedback periods the backend answers (not written into the page)', async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.terms'
        ? {
            ok: true,
            data: {
              settingsVersion: 3,
              periods: { acceptanceWorkingDays: 9, reporterFeedbackWorkingDays: 4 },
            },
          }
        : { ok: false, error: { code: 'INTERNAL', message: '未设置' } };
    const page = await render('pages/complaint/intro/index');
    expect(calls[0]).toMatchObject({ fn: 'public', event: { action: 'complaint.terms' } });
    const text = await page.text();
    expect(text).toContain('我们在 9 个工作日内决定是否受理');
    expect(text).toContain('作出是否立案决定后 4 个工作日内得到反馈');
    expect(text).not.toContain('7 个工作日');
  });

  it('says the periods without a number when they cannot be loaded', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'INTERNAL', message: '网络不畅' } });
    const page = await render('pages/complaint/intro/index');
    const text = await page.text();
    expect(text).toContain('在规定的期限内决定是否受理');
    expect(text).not.toMatch(/\d+ 个工作日/);
  });

  it('calls 12345 on a tap, and is shared as the intro', async () => {
    const page = await render('pages/complaint/intro/index');
    await page.invoke('onCallPhone', tap({ phone: '12345' }));
    expect(await effectsOf(page, 'makePhoneCall')).toEqual([{ phoneNumber: '12345' }]);
    await page.invoke('onPrivacyRefused');
    expect(await page.text()).toContain('拨打 12345');
    const share = await page.page.evaluate(() =>
      (
        globalThis as unknown as { __comp: { instance: { onShareAppMessage(): unknown } } }
      ).__comp.instance.onShareAppMessage(),
    );
    expect(share).toMatchObject({ path: '/pages/complaint/intro/index' });
  });
});

describe('my complaints: a failed "load more"', () => {
  it('shows its error with 重试, and the retry loads the page', async () => {
    const item = (n: number) => ({
      trackingNo: `TS20261127-AAAAA${n}`,
      kind: 'report',
      category: '公共场所',
      subjectName: `对象${n}`,
      status: 'submitted',
      statusLabel: '待受理',
      submittedAt: '2026-11-27T02:00:00.000Z',
      acceptanceDueDate: '2026-12-08',
    });
    let failMore = true;
    harness.answer = (c) => {
      if (!(c.event.payload as { cursor?: string }).cursor)
        return { ok: true, data: { items: [item(1)], total: 2, totalCapped: false, nextCursor: 'c1' } };
      return failMore
        ? { ok: false, error: { code: 'INTERNAL', message: '网络不畅，请检查网络后重试' } }
        : { ok: true, data: { items: [item(2)], total: null, totalCapped: false, nextCursor: null } };
    };
    const page = await render('pages/complaint/mine/index');
    await page.invoke('loadMore');
    let text = await page.text();
    expect(text).toContain('加载更多失败：网络不畅');
    expect(text).toContain('重试');
    failMore = false;
    await page.invoke('loadMore');
    text = await page.text();
    expect(text).toContain('对象2');
    expect(text).not.toContain('加载更多失败');
  });
});

function render(page: string, query?: Record<string, string>) {
  return harness.render(page, { query });
}
