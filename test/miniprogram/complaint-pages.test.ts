/**
 * The complaint pages rendered in Chromium (scripts/miniprogram/render.ts) against the typed client, the backend
 * answered here. The wx APIs the shell's stub lacks (storage, subscribe grant, dialogs) are scripted per test.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { staffCaseView, tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

const render = (page: string, query?: Record<string, string>) => harness.render(page, { query });

/** Storage backed by a map, the subscribe grant, and dialogs answered with `confirm`; each call is an effect. */
async function scriptWx(page: Rendered, opts: { storage?: Record<string, unknown>; confirm?: boolean } = {}) {
  await page.page.evaluate(
    ({ storage, confirm }) => {
      const w = globalThis as unknown as {
        wx: Record<string, unknown>;
        __effects: unknown[];
        __store: Record<string, unknown>;
      };
      w.__store = { ...storage };
      const note = (api: string, args: unknown) => w.__effects.push({ api, args });
      Object.assign(w.wx, {
        getStorageSync: (k: string) => w.__store[k] ?? '',
        setStorageSync: (k: string, v: unknown) => {
          w.__store[k] = v;
        },
        removeStorageSync: (k: string) => {
          delete w.__store[k];
          note('removeStorageSync', k);
        },
        requestSubscribeMessage: (o: { tmplIds: string[]; complete?: () => void }) => {
          note('requestSubscribeMessage', { tmplIds: o.tmplIds });
          o.complete?.();
        },
        showModal: (o: { title: string; success?: (r: { confirm: boolean }) => void }) => {
          note('showModal', { title: o.title });
          o.success?.({ confirm });
        },
      });
    },
    { storage: opts.storage ?? {}, confirm: opts.confirm ?? true },
  );
}

const FORM = 'pages/complaint/form/index';
const input = (field: string, value: string) => typed(value, field);

async function fillValidComplaint(page: Rendered) {
  await page.invoke('onKind', tap({ kind: 'complaint' }));
  await page.invoke('onCategory', tap({ category: '公共场所' }));
  await page.invoke('onField', input('subjectName', '某某游泳馆'));
  await page.invoke('onField', input('subjectAddress', '北山大道 1 号'));
  await page.invoke('onField', input('description', '游泳池水浑浊有异味，没有消毒记录。'));
  await page.invoke('onField', input('contactName', '张三丰'));
  await page.invoke('onField', input('contactPhone', '13987654321'));
}

describe('complaint form', () => {
  it('asks for the subscribe grant, submits once, forgets the draft and shows the confirmation', async () => {
    harness.answer = () => ({
      ok: true,
      data: {
        trackingNo: 'TS20261127-7KQ4MX',
        submittedAt: '2026-11-27T02:00:00.000Z',
        acceptanceDueDate: '2026-12-08',
        acceptanceDueProvisional: false,
      },
    });
    const page = await render(FORM);
    await scriptWx(page);
    await fillValidComplaint(page);
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event).toMatchObject({
      action: 'complaint.submit',
      payload: {
        kind: 'complaint',
        category: '公共场所',
        subject: { name: '某某游泳馆', address: '北山大道 1 号' },
        contact: { anonymous: false, name: '张三丰', phone: '13987654321' },
      },
    });
    const apis = (await page.effects()).map((e) => e.api);
    expect(apis).toContain('requestSubscribeMessage');
    expect(apis).toContain('removeStorageSync');
    expect(await page.effects()).toContainEqual({
      api: 'redirectTo',
      args: {
        url: '/pages/complaint/done/index?trackingNo=TS20261127-7KQ4MX&due=2026-12-08&provisional=0&anonymous=0',
      },
    });
  });

  it('reuses the requestId when the same content is sent again after a failure', async () => {
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '网络不畅，请检查网络后重试' },
    });
    const page = await render(FORM);
    await scriptWx(page);
    await fillValidComplaint(page);
    await page.invoke('onSubmit');
    expect(await page.text()).toContain('网络不畅');
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.event.requestId).toBe(calls[0]!.event.requestId);
  });

  it("shows the contract's errors without calling, and the function's fields where they belong", async () => {
    const page = await render(FORM);
    await scriptWx(page);
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(0);
    let text = await page.text();
    expect(text).toContain('请选择投诉或举报');
    expect(text).toContain('请填写问题描述');

    harness.answer = () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '图片有误，请重新选择',
        fields: { 'payload.subject.address': '地址不在本区' },
      },
    });
    await fillValidComplaint(page);
    await page.invoke('onSubmit');
    text = await page.text();
    expect(text).toContain('地址不在本区');
    expect(text).toContain('图片有误，请重新选择');
  });

  it('allows anonymity for reports only, and says an anonymous report gets no feedback', async () => {
    const page = await render(FORM, { kind: 'complaint' });
    await scriptWx(page);
    await page.invoke('onContactMode', tap({ mode: 'anonymous' }));
    expect(await page.text()).toContain('匿名只适用于举报');
    await page.invoke('onKind', tap({ kind: 'report' }));
    await page.invoke('onContactMode', tap({ mode: 'anonymous' }));
    expect(await page.text()).toContain('匿名举报不会收到处理结果反馈');
  });

  it('restores a draft left earlier', async () => {
    const page = await render(FORM);
    const form = {
      kind: 'report',
      category: '职业卫生',
      subjectName: '某某工厂',
      description: '车间粉尘很大',
    };
    await scriptWx(page, { storage: { 'complaint.draft': { savedAt: Date.now(), form } } });
    await page.invoke('onLoad', {});
    const text = await page.text();
    expect(text).toContain('已恢复您上次未提交的内容');
    expect(text).toContain(`${form.description.length}/2000`);
  });
});

describe('my complaints', () => {
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

  it('pages with the cursor the backend answered', async () => {
    harness.answer = (c) =>
      (c.event.payload as { cursor?: string }).cursor
        ? { ok: true, data: { items: [item(3)], total: null, totalCapped: false, nextCursor: null } }
        : { ok: true, data: { items: [item(1), item(2)], total: 3, totalCapped: false, nextCursor: 'c1' } };
    const page = await render('pages/complaint/mine/index');
    expect(await page.text()).toContain('2026年12月8日前决定是否受理');
    expect(await page.text()).toContain('共 3 件');
    await page.invoke('loadMore');
    expect(calls[1]!.event.payload).toEqual({ pageSize: 10, cursor: 'c1' });
    const text = await page.text();
    expect(text).toContain('对象3');
    expect(text).toContain('没有更多了');
    expect(text).toContain('共 3 件'); // a later page answers no count; the first page's stays
  });

  it('shows a count that stopped at its cap as "99+"', async () => {
    harness.answer = () => ({
      ok: true,
      data: { items: [item(1)], total: 99, totalCapped: true, nextCursor: 'c1' },
    });
    const page = await render('pages/complaint/mine/index');
    expect(await page.text()).toContain('共 99+ 件');
  });
});

describe('complaint detail', () => {
  it('shows the timeline with the replies, and NOT_FOUND as not found', async () => {
    harness.answer = () => ({
      ok: true,
      data: {
        trackingNo: 'TS20261127-7KQ4MX',
        kind: 'complaint',
        category: '公共场所',
        subject: { name: '某某游泳馆', address: '北山大道 1 号' },
        description: '游泳池水浑浊有异味，没有消毒记录。',
        photoCount: 2,
        status: 'accepted',
        statusLabel: '已受理',
        submittedAt: '2026-11-27T02:00:00.000Z',
        acceptanceDueDate: '2026-12-08',
        anonymous: false,
        contact: { name: '张**', phone: '139****4321' },
        timeline: [
          { at: '2026-11-27T02:00:00.000Z', event: 'submitted', label: '已提交' },
          { at: '2026-11-28T03:30:00.000Z', event: 'replied', label: '答复', text: '已安排现场检查' },
        ],
        result: null,
      },
    });
    const page = await render('pages/complaint/detail/index', { trackingNo: 'TS20261127-7KQ4MX' });
    const text = await page.text();
    expect(text).toContain('2026-11-28 11:30');
    expect(text).toContain('已安排现场检查');
    expect(text).toContain('张** 139****4321');
    expect(text).toContain('开启进度提醒');

    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未找到' } });
    await page.invoke('load');
    expect(await page.text()).toContain('未找到该投诉举报');
  });
});

describe('staff case page', () => {
  const CASE = staffCaseView();

  it('rejects only with a reason from the list, after confirming', async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: CASE }
        : { ok: true, data: { id: CASE.id, status: 'rejected', statusLabel: '不予受理' } };
    const page = await render('pages/staff/complaint-case/index', { id: CASE.id });
    await scriptWx(page, { confirm: true });
    expect(await page.text()).toContain('身份信息已脱敏');
    await page.invoke('onAction', tap({ action: 'reject' }));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('请从列表中选择不予受理的理由');
    await page.invoke('onReason', tap({ code: 'other' }));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('选择“其他”时须写明理由');
    expect(calls.map((c) => c.event.action)).toEqual(['complaint.get']);

    await page.invoke('onReason', tap({ code: 'noJurisdiction' }));
    await page.invoke('onPanelSubmit');
    expect((await page.effects()).map((e) => e.api)).toContain('showModal');
    expect(calls[1]!.event).toMatchObject({
      action: 'complaint.reject',
      payload: { id: CASE.id, reason: 'noJurisdiction' },
    });
    expect(calls[2]!.event.action).toBe('complaint.get');
  });

  it('sends nothing when the confirmation is cancelled, and shows a refusal', async () => {
    harness.answer = (c) =>
      c.event.action === 'complaint.get'
        ? { ok: true, data: CASE }
        : { ok: false, error: { code: 'FORBIDDEN', message: '只有承办人或其领导可以办理该投诉举报' } };
    const page = await render('pages/staff/complaint-case/index', { id: CASE.id });
    await scriptWx(page, { confirm: false });
    await page.invoke('onAction', tap({ action: 'accept' }));
    expect(calls).toHaveLength(1);
    await scriptWx(page, { confirm: true });
    await page.invoke('onAction', tap({ action: 'accept' }));
    expect(calls[1]!.event).toMatchObject({ action: 'complaint.accept', payload: { id: CASE.id } });
    expect(await page.text()).toContain('只有承办人或其领导可以办理该投诉举报');
  });
});

describe('complaint intro: the personal-information notice', () => {
  // 个人信息保护法 Art. 13(1)3 and Art. 17: the basis is the statutory duty, the processor and a contact are named.
  it('names the commission and the statutory basis, asks to acknowledge reading, not to agree', async () => {
    const page = await render('pages/complaint/intro/index', { kind: 'complaint' });
    const text = await page.text();
    expect(text).toContain('处理者：区卫生健康委员会');
    expect(text).toContain('第十三条第一款第三项');
    expect(text).toContain('不以您的同意为条件');
    expect(text).toContain('区卫生健康委员会办公室');
    expect(text).toContain('我已阅读上述个人信息处理说明');
    expect(text).not.toContain('我已阅读并同意');
    expect(text).not.toContain('同意并开始填写');
    await page.invoke('onStart');
    expect(await page.text()).toContain('请先阅读并勾选“我已阅读上述个人信息处理说明”');
    await page.invoke('onToggleAcknowledge');
    await page.invoke('onStart');
    expect(await page.effects()).toContainEqual({
      api: 'navigateTo',
      args: { url: '/pages/complaint/form/index?kind=complaint' },
    });
  });

  it("keeps the reporter's identity confidential and does not promise a complainant anonymity", async () => {
    const page = await render('pages/complaint/intro/index');
    const confidential = await page.text();
    expect(confidential).toContain('举报人的身份我们依法保密');
    expect(confidential).toContain('被投诉的一方可能从所反映的事情得知是谁投诉的');
    expect(confidential).not.toContain('被投诉举报的一方不会得知您的身份');
  });
});

describe('complaint done: the acceptance date', () => {
  const DONE = 'pages/complaint/done/index';
  it('calls a provisional date provisional, computed by the statutory holiday rules', async () => {
    const page = await render(DONE, { trackingNo: 'TS20261127-7KQ4MX', due: '2027-01-12', provisional: '1' });
    const hint = await page.text();
    expect(hint).toContain('暂定日期');
    expect(hint).toContain('尚未公布');
    expect(hint).toContain('按法定节假日规则推算');
    expect(hint).not.toContain('按目前公布的节假日安排计算');
  });

  it('shows no provisional hint for a date from the published arrangement', async () => {
    const page = await render(DONE, { trackingNo: 'TS20261127-7KQ4MX', due: '2026-12-08', provisional: '0' });
    expect(await page.text()).not.toContain('暂定日期');
  });
});
