/**
 * The staff complaint pages' new parts, rendered in Chromium (scripts/miniprogram/render.ts) against the typed
 * client with the backend answered here: the case page's leader steps (assign, link a duplicate, split, the case
 * decision) offered exactly as `allowedSteps` says, the record page, and the staff home's complaint entry.
 */
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { staffCaseView, tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

const render = (page: string, query?: Record<string, string>) => harness.render(page, { query });

/** Dialogs answered with `confirm` (and noted as effects); the shell's stub has none. */
async function answerDialogs(page: Rendered, confirm = true) {
  await page.page.evaluate((ok) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    w.wx.showModal = (o: {
      title: string;
      content?: string;
      success?: (r: { confirm: boolean }) => void;
    }) => {
      w.__effects.push({ api: 'showModal', args: { title: o.title, content: o.content } });
      o.success?.({ confirm: ok });
    };
  }, confirm);
}

const actions = () => calls.map((c) => c.event.action);

const ID = 'cmp_0123456789abcdef01234567';
const OTHER = 'TS20261120-ABCDEF';
const CASE = staffCaseView({
  status: 'accepted',
  statusLabel: '已受理',
  handlerIds: ['stf_officer_1'],
  handlingDueDate: '2027-02-25',
  allowedSteps: ['reply', 'close', 'assign', 'linkDuplicate', 'split', 'decideCase'],
});
const HANDLERS = ['张伟', '刘洋', '周敏', '陈晨'].map((name, i) => ({ staffId: `stf_${i + 1}`, name }));
HANDLERS[0]!.staffId = 'stf_officer_1';

/** `complaint.get` answers `view`, `complaint.handlers` the list, any step `step`. */
function backend(view: object, step: (c: BackendCall) => unknown = () => ({ ok: true, data: {} })) {
  harness.answer = (c) => {
    if (c.event.action === 'complaint.get') return { ok: true, data: view };
    if (c.event.action === 'complaint.handlers')
      return {
        ok: true,
        data: { items: HANDLERS, total: HANDLERS.length, totalCapped: false, nextCursor: null },
      };
    return step(c);
  };
}

describe('staff case page: the leader steps', () => {
  it('offers exactly the steps the backend allows, and lists handlers only to those who may assign', async () => {
    backend(CASE);
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    // The next step in the bottom bar (记录是否立案 before closing), the rest in the action sheet.
    let text = await page.text();
    expect(text).toContain('记录是否立案');
    expect(text).toContain('更多办理');
    await page.invoke('onMore');
    text = await page.text();
    for (const label of ['答复', '办结', '指派承办人', '关联重复件', '拆分']) {
      expect(text).toContain(label);
    }
    expect(text).not.toContain('不予受理');
    expect(actions()).toEqual(['complaint.get', 'complaint.handlers']);
    // The current handler by name, from the list the leader got.
    expect(text).toContain('张伟');

    calls.length = 0;
    backend({ ...CASE, allowedSteps: ['reply', 'close'] });
    await page.invoke('load');
    await page.invoke('onMore');
    text = await page.text();
    expect(actions()).toEqual(['complaint.get']);
    expect(text).not.toContain('指派承办人');
    expect(text).not.toContain('关联重复件');
    expect(text).toContain('已指派 1 名');
  });

  it('assigns up to three chosen handlers after confirming', async () => {
    backend(CASE, () => ({ ok: true, data: { id: ID, handlerIds: ['stf_officer_1', 'stf_2'] } }));
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    await answerDialogs(page);
    await page.invoke('onAction', tap({ action: 'assign' }));
    expect(await page.text()).toContain('选择承办人（最多 3 名）');
    await page.invoke('onHandler', tap({ staffId: 'stf_2' }));
    await page.invoke('onHandler', tap({ staffId: 'stf_3' }));
    await page.invoke('onHandler', tap({ staffId: 'stf_4' }));
    expect(await page.text()).toContain('承办人最多 3 名');
    await page.invoke('onHandler', tap({ staffId: 'stf_3' }));
    await page.invoke('onPanelSubmit');
    expect((await page.effects()).find((e) => e.api === 'showModal')?.args).toMatchObject({
      title: '确认指派',
    });
    const sent = calls.find((c) => c.event.action === 'complaint.assign');
    expect(sent?.event.payload).toEqual({ id: ID, handlerIds: ['stf_officer_1', 'stf_2'] });
    expect((await page.effects()).find((e) => e.api === 'showToast')?.args).toMatchObject({
      title: '已指派',
    });
  });

  it('refuses an empty assignment without calling', async () => {
    backend({ ...CASE, handlerIds: [] });
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    await answerDialogs(page);
    await page.invoke('onAction', tap({ action: 'assign' }));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('请至少指定一名承办人');
    expect(actions()).not.toContain('complaint.assign');
  });

  it('links a duplicate by tracking number, checked first, with the backend’s field error in place', async () => {
    backend(CASE, () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容有误',
        fields: { 'payload.duplicateOf': '未找到该受理编号的投诉举报' },
      },
    }));
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    await answerDialogs(page);
    await page.invoke('onAction', tap({ action: 'linkDuplicate' }));
    await page.invoke('onText', typed('12345'));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('请填写正确的受理编号');
    expect(actions()).not.toContain('complaint.linkDuplicate');
    await page.invoke('onText', typed(OTHER.toLowerCase()));
    await page.invoke('onPanelSubmit');
    const sent = calls.find((c) => c.event.action === 'complaint.linkDuplicate');
    expect(sent?.event.payload).toEqual({ id: ID, duplicateOf: OTHER });
    expect(await page.text()).toContain('未找到该受理编号的投诉举报');
  });

  it('records the case decision only once one is chosen, and shows it afterwards', async () => {
    backend(CASE, () => {
      backend({
        ...CASE,
        caseDecision: { caseOpened: false, at: '2026-12-01T02:00:00.000Z', note: '不属于本机关管辖' },
        allowedSteps: ['reply', 'close'],
      });
      return { ok: true, data: { id: ID, status: 'accepted', statusLabel: '已受理', feedbackDueDate: null } };
    });
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    await answerDialogs(page);
    await page.invoke('onAction', tap({ action: 'decideCase' }));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('请选择立案或不予立案');
    await page.invoke('onCaseOpened', tap({ value: 'no' }));
    await page.invoke('onText', typed('不属于本机关管辖'));
    await page.invoke('onPanelSubmit');
    const sent = calls.find((c) => c.event.action === 'complaint.decideCase');
    expect(sent?.event.payload).toEqual({ id: ID, caseOpened: false, note: '不属于本机关管辖' });
    const text = await page.text();
    expect(text).toContain('不予立案（2026年12月1日 10:00 记录）：不属于本机关管辖');
    expect(text).not.toContain('记录是否立案');
  });

  it('splits off the other kind and says under which number, or shows the refusal', async () => {
    backend(CASE, () => ({ ok: true, data: { id: 'cmp_ffffffffffffffffffffffff', trackingNo: OTHER } }));
    const page = await render('pages/staff/complaint-case/index', { id: ID });
    await answerDialogs(page);
    await page.invoke('onAction', tap({ action: 'split' }));
    expect(await page.text()).toContain('拆分为一件新的投诉');
    await page.invoke('onText', typed('本人在该游泳馆被划伤，要求赔偿医疗费用。'));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain(`已拆分出一件投诉，受理编号 ${OTHER}`);

    backend(CASE, () => ({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '拆分出的记录不能再次拆分' },
    }));
    await page.invoke('onAction', tap({ action: 'split' }));
    await page.invoke('onText', typed('本人在该游泳馆被划伤，要求赔偿医疗费用。'));
    await page.invoke('onPanelSubmit');
    expect(await page.text()).toContain('拆分出的记录不能再次拆分');
  });
});

describe('staff record page', () => {
  const RECORD = 'pages/staff/complaint-record/index';

  it('checks with the contract, source included, without calling', async () => {
    const page = await render(RECORD);
    await page.invoke('onSubmit');
    const text = await page.text();
    expect(text).toContain('请选择来源');
    expect(text).toContain('请选择投诉或举报');
    expect(text).toContain('请填写问题描述');
    expect(calls).toHaveLength(0);
  });

  it('records after confirming, with its source and reference, and opens the new case', async () => {
    harness.answer = () => ({
      ok: true,
      data: { id: ID, trackingNo: 'TS20261127-7KQ4MX', acceptanceDueDate: '2026-12-08' },
    });
    const page = await render(RECORD);
    await answerDialogs(page);
    await page.invoke('onSource', tap({ source: 'hotline12345' }));
    await page.invoke('onField', typed('GD2026112700123', 'sourceRef'));
    await page.invoke('onKind', tap({ kind: 'report' }));
    await page.invoke('onCategory', tap({ category: '生活饮用水' }));
    await page.invoke('onField', typed('某某小区二次供水', 'subjectName'));
    await page.invoke('onField', typed('万州区某某路 1 号', 'subjectAddress'));
    await page.invoke('onField', typed('来电反映自来水发黄有异味已持续一周。', 'description'));
    await page.invoke('onContactMode', tap({ mode: 'anonymous' }));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event).toMatchObject({
      action: 'complaint.record',
      payload: {
        source: 'hotline12345',
        sourceRef: 'GD2026112700123',
        kind: 'report',
        category: '生活饮用水',
        contact: { anonymous: true },
      },
    });
    expect(calls[0]!.event.payload).not.toHaveProperty('photos');
    const effects = await page.effects();
    expect(
      effects.find((e) => e.api === 'showModal' && (e.args as any).title === '已登记')?.args,
    ).toMatchObject({
      content: expect.stringContaining('2026年12月8日'),
    });
    expect(effects).toContainEqual({
      api: 'redirectTo',
      args: { url: `/pages/staff/complaint-case/index?id=${ID}` },
    });
  });

  it('puts the function’s field errors where they belong', async () => {
    harness.answer = () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容有误',
        fields: { 'payload.sourceRef': '来源编号不能超过 64 个字' },
      },
    });
    const page = await render(RECORD);
    await answerDialogs(page);
    await page.invoke('onSource', tap({ source: 'letter' }));
    await page.invoke('onKind', tap({ kind: 'complaint' }));
    await page.invoke('onCategory', tap({ category: '其他' }));
    await page.invoke('onField', typed('某某诊所', 'subjectName'));
    await page.invoke('onField', typed('万州区某某路 2 号', 'subjectAddress'));
    await page.invoke('onField', typed('来信反映该诊所收费不明，要求退还多收费用。', 'description'));
    await page.invoke('onField', typed('李四光', 'contactName'));
    await page.invoke('onField', typed('023-12345678', 'contactPhone'));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(await page.text()).toContain('来源编号不能超过 64 个字');
  });
});

describe('staff home complaint entry', () => {
  const me = (role: string) => ({
    ok: true,
    data: {
      staffId: 's1',
      name: '李娜',
      unit: { id: 'u', name: '区卫生健康综合行政执法支队' },
      section: null,
      roles: [{ role, unitId: 'u', label: role }],
    },
  });

  it.each([
    ['officer', true],
    ['principal', true],
    ['auditor', false],
    ['publisher', false],
  ])('for %s: shown %s', async (role, shown) => {
    harness.answer = (c) =>
      c.event.action === 'staff.me'
        ? me(role)
        : { ok: true, data: { generatedAt: '', totals: {}, providers: [], sections: [] } };
    const page = await render('pages/staff/home/index');
    expect((await page.text()).includes('投诉举报办理')).toBe(shown);
  });
});
