/**
 * The complaint detail page as its owner sees it (PUB-3), rendered in Chromium: the next step
 * and its date at the top, the timeline newest first, the owner's photos (wx.previewImage), for 不予受理 where to
 * go instead with 12345 tap-to-call (item 3), and the owner's steps as the backend offers them (`citizenSteps`):
 * add material, rate once, withdraw (a complaint ends; a report's withdrawal is only recorded). Never shared.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const DETAIL = 'pages/complaint/detail/index';
const TRACKING_NO = 'TS20261127-7KQ4MX';

function ownerView(overrides: Record<string, unknown> = {}) {
  return {
    trackingNo: TRACKING_NO,
    kind: 'complaint',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '北山大道 1 号' },
    description: '游泳池水浑浊有异味，没有消毒记录。',
    photoCount: 2,
    status: 'submitted',
    statusLabel: '待受理',
    submittedAt: '2026-11-27T02:00:00.000Z',
    acceptanceDueDate: '2026-12-08',
    anonymous: false,
    contact: { name: '张**', phone: '139****4321' },
    timeline: [
      { at: '2026-11-27T02:00:00.000Z', event: 'submitted', label: '已提交' },
      { at: '2026-11-28T03:30:00.000Z', event: 'materialAdded', label: '补充材料', text: '今天仍在营业' },
    ],
    result: null,
    nextStep: { label: '决定是否受理', dueDate: '2026-12-08' },
    rejection: null,
    rating: null,
    withdrawnAt: null,
    materialCount: 1,
    photoUrls: ['https://tmp.example/1.jpg', 'https://tmp.example/2.jpg'],
    citizenSteps: ['addMaterial', 'withdraw'],
    ...overrides,
  };
}

const render = () => harness.render(DETAIL, { query: { trackingNo: TRACKING_NO } });
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);

/** Dialogs answered with `confirm`. */
async function answerModals(page: Rendered, confirm: boolean) {
  await page.page.evaluate((ok) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    w.wx.showModal = (o: { title: string; content: string; success?: (r: { confirm: boolean }) => void }) => {
      w.__effects.push({ api: 'showModal', args: { title: o.title, content: o.content } });
      o.success?.({ confirm: ok });
    };
  }, confirm);
}

describe('complaint detail: what happens next', () => {
  it('shows the next step and its date at the top and the timeline newest first; never shared', async () => {
    harness.answer = () => ({ ok: true, data: ownerView() });
    const page = await render();
    const text = await page.text();
    expect(text).toContain('下一步');
    expect(text).toContain('决定是否受理，预计 2026年12月8日前');
    expect(text.indexOf('下一步')).toBeLessThan(text.indexOf('办理过程'));
    expect(text.indexOf('补充材料\n')).toBeLessThan(text.indexOf('已提交'));
    expect(await effectsOf(page, 'hideShareMenu')).toHaveLength(1);
  });

  it("shows the owner's photos and enlarges one on a tap", async () => {
    harness.answer = () => ({ ok: true, data: ownerView() });
    const page = await render();
    expect(await page.text()).toContain('您提交的照片');
    await page.invoke('onPreviewPhoto', tap({ url: 'https://tmp.example/2.jpg' }));
    expect(await effectsOf(page, 'previewImage')).toEqual([
      {
        current: 'https://tmp.example/2.jpg',
        urls: ['https://tmp.example/1.jpg', 'https://tmp.example/2.jpg'],
      },
    ]);
  });

  it('for 不予受理 names the reason, where to go instead, and calls 12345 on a tap', async () => {
    harness.answer = () => ({
      ok: true,
      data: ownerView({
        status: 'rejected',
        statusLabel: '不予受理',
        nextStep: null,
        rejection: {
          label: '属于民事纠纷，请通过协商、调解或诉讼等途径解决',
          advice: '可以与对方协商，申请人民调解委员会调解，或向人民法院提起诉讼。',
          note: null,
        },
        citizenSteps: ['rate'],
      }),
    });
    const page = await render();
    const text = await page.text();
    expect(text).toContain('不予受理的理由');
    expect(text).toContain('向人民法院提起诉讼');
    expect(text).not.toContain('下一步');
    expect(text).not.toContain('提交补充材料');
    expect(text).toContain('评价办理情况');
    await page.invoke('onCallPhone', tap({ phone: '12345' }));
    expect(await effectsOf(page, 'makePhoneCall')).toEqual([{ phoneNumber: '12345' }]);
  });
});

describe('complaint detail: the owner adds material', () => {
  it('sends the text with its requestId, then reloads; an empty addition is refused without calling', async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: ownerView() }
        : { ok: true, data: ownerView({ materialCount: 2 }) };
    const page = await render();
    await page.invoke('onAddMaterial');
    expect(await page.text()).toContain('请填写补充说明或添加图片');
    expect(calls).toHaveLength(1);
    await page.invoke('onMaterialText', typed('诊所今天仍在营业，门口有广告。'));
    await page.invoke('onAddMaterial');
    expect(calls[1]!.event).toMatchObject({
      action: 'complaint.addMaterial',
      payload: { trackingNo: TRACKING_NO, text: '诊所今天仍在营业，门口有广告。' },
      requestId: expect.any(String),
    });
    expect(calls[2]!.event).toMatchObject({ action: 'complaint.get' });
    expect(await effectsOf(page, 'showToast')).toEqual([{ title: '已补充', icon: 'success' }]);
  });

  it("shows the backend's refusal (the limit of additions)", async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: ownerView() }
        : {
            ok: false,
            error: {
              code: 'PRECONDITION_FAILED',
              message: '每件投诉举报最多补充 5 次材料，如有更多情况请拨打 12345 热线',
            },
          };
    const page = await render();
    await page.invoke('onMaterialText', typed('又一次补充'));
    await page.invoke('onAddMaterial');
    const text = await page.text();
    expect(text).toContain('最多补充 5 次材料');
    expect(text).toContain('拨打 12345'); // the refusal names the hotline: it is a call button
  });
});

describe('complaint detail: photos for the material, refused', () => {
  it('a refused album says so with 去设置; a refused privacy guide says text still works', async () => {
    harness.answer = () => ({ ok: true, data: ownerView() });
    const page = await render();
    await page.page.evaluate(() => {
      const w = globalThis as unknown as { wx: Record<string, unknown> };
      w.wx.chooseMedia = (o: { fail?: (e: unknown) => void }) =>
        o.fail?.({ errMsg: 'chooseMedia:fail auth deny' });
    });
    await page.invoke('onAddPhotos');
    let text = await page.text();
    expect(text).toContain('未获得相册或摄像头权限，暂时不能添加照片');
    expect(text).toContain('去设置');
    await page.invoke('onOpenSetting');
    expect(await effectsOf(page, 'openSetting')).toHaveLength(1);
    await page.invoke('onPrivacyRefused');
    text = await page.text();
    expect(text).toContain('暂时不能添加照片；您仍可以只提交文字说明');
    expect(text).not.toContain('去设置');
  });
});

describe('complaint detail: rating once it is over', () => {
  it('asks for a score, sends score and comment once, then shows the rating instead of the form', async () => {
    const closed = ownerView({
      status: 'closed',
      statusLabel: '已办结',
      nextStep: null,
      result: '已责令整改。',
      citizenSteps: ['rate'],
    });
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: closed }
        : {
            ok: true,
            data: {
              ...closed,
              citizenSteps: [],
              rating: { score: 4, comment: '处理及时', at: '2026-12-01T02:00:00.000Z' },
            },
          };
    const page = await render();
    expect(await page.text()).toContain('评价办理情况');
    await page.invoke('onRate');
    expect(await page.text()).toContain('请选择 1 至 5 分');
    await page.invoke('onScore', tap({ score: 4 }));
    await page.invoke('onComment', typed('处理及时'));
    await page.invoke('onRate');
    expect(calls.at(-1)!.event).toMatchObject({
      action: 'complaint.rate',
      payload: { trackingNo: TRACKING_NO, score: 4, comment: '处理及时' },
    });
    const text = await page.text();
    expect(text).toContain('您的评价');
    expect(text).toContain('★★★★☆');
    expect(text).not.toContain('评价办理情况');
  });
});

describe('complaint detail: withdrawing', () => {
  it('a complaint: confirms that handling ends, then shows 已撤回', async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: ownerView() }
        : {
            ok: true,
            data: ownerView({ status: 'withdrawn', statusLabel: '已撤回', nextStep: null, citizenSteps: [] }),
          };
    const page = await render();
    await answerModals(page, false);
    await page.invoke('onWithdraw');
    expect(calls).toHaveLength(1); // cancelled: nothing sent
    await answerModals(page, true);
    await page.invoke('onWithdraw');
    expect((await effectsOf(page, 'showModal')).at(-1)).toMatchObject({
      title: '撤回投诉',
      content: expect.stringContaining('处理将终止'),
    });
    expect(calls.at(-1)!.event).toMatchObject({
      action: 'complaint.withdraw',
      payload: { trackingNo: TRACKING_NO },
    });
    const text = await page.text();
    expect(text).toContain('已撤回');
    expect(text).toContain('投诉处理已终止');
  });

  it('a report: says the agency may still act on it, and shows the recorded withdrawal', async () => {
    const report = ownerView({ kind: 'report', citizenSteps: ['addMaterial', 'withdrawReport'] });
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: report }
        : {
            ok: true,
            data: { ...report, withdrawnAt: '2026-11-29T02:00:00.000Z', citizenSteps: ['addMaterial'] },
          };
    const page = await render();
    expect(await page.text()).toContain('撤回举报只记录您的意愿');
    await answerModals(page, true);
    await page.invoke('onWithdraw');
    expect((await effectsOf(page, 'showModal'))[0]).toMatchObject({
      title: '撤回举报',
      content: expect.stringContaining('仍可依法核查处理'),
    });
    const text = await page.text();
    expect(text).toContain('您于 2026-11-29 10:00 表示撤回举报');
    expect(text).toContain('待受理');
  });
});
