/**
 * The annual figures' staff page rendered in Chromium (PUB-14; seed publicity Art. 26), `annual.get` and
 * `annual.step` answered here: the table (the same component as the public page), the status and the 31 January
 * deadline with its countdown, only the steps the backend allows (审核 分管领导 → 审批 主要领导 → 发布 办公室;
 * separation of duty is decided server side and its refusal shown as worded), the justice-bureau report copied with
 * wx.setClipboardData, the not-yet-drafted and refused states, and the links from the staff home's annual
 * countdown row and the pubstaff list; 退回 only with its reason (PUB-14 review; the backend's field message shown
 * at the field), the reason then shown to the statistics section that redrafts the figures, with the history. Both font sizes are checked
 * and written to preview/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { checkRender } from '../../scripts/miniprogram/checks';
import { figures2026 } from './annual-fixtures';
import { tap } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const PAGE = 'pages/pubstaff/annual/index';
const REPORT =
  '区司法局：\n现将我委2026年度行政执法数据报告如下：全年共作出行政执法决定690件，其中行政处罚128件、行政许可342件。';

const staffView = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  status: 'drafted',
  statusLabel: '待分管领导审核',
  figures: figures2026,
  justiceReport: REPORT,
  publishBy: '2027-01-31',
  daysLeft: 27,
  allowed: ['review'],
  publishedAt: null,
  comments: [],
  ...over,
});

const ok = (data: unknown) => ({ ok: true, data });
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });
const actions = () => harness.calls.map((c) => c.event.action);

async function tapNode(p: Rendered, selector: string) {
  await p.page.evaluate((sel) => {
    const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
    comp.querySelector(sel).dispatchEvent('tap');
  }, selector);
  await p.settle();
}

describe('annual figures staff page', () => {
  it.each([
    ['normal', 17],
    ['largest', 28],
  ])('shows status, deadline, figures, my step and the report to copy (%s font)', async (label, px) => {
    harness.answer = () => ok(staffView());
    const page = await harness.render(PAGE, { fontSizeSetting: px, query: { year: '2026' } });
    expect(harness.calls[0]).toMatchObject({
      fn: 'staff',
      event: { action: 'annual.get', payload: { year: 2026 } },
    });
    const text = await page.text();
    for (const s of [
      '2026 年度',
      '待分管领导审核',
      '须于2027年1月31日前公开',
      '还剩 27 天',
      '审核通过',
      '2026 年度行政执法数据',
      '行政许可',
      '342',
      '98.8%（679/687 件）',
      '报送区司法局的报告',
      '现将我委2026年度行政执法数据报告如下',
    ])
      expect(text).toContain(s);
    // Only the step the backend allows this caller: a reviewer does not see 批准公开 or 发布.
    expect(text).not.toContain('批准公开');
    expect(text).not.toContain('发布后数据即');
    await page.invoke('onCopy');
    const copies = (await page.effects()).filter((e) => e.api === 'setClipboardData');
    expect(copies.map((e) => (e.args as { data: string }).data)).toEqual([REPORT]);
    expect(await checkRender(page.page, ['年度执法数据', '还剩 27 天', '复制报告全文'])).toEqual([]);
    const dir = path.join(__dirname, '../../preview');
    mkdirSync(dir, { recursive: true });
    await page.page.screenshot({ path: path.join(dir, `pubstaff-annual-${label}.png`), fullPage: true });
  });

  it('takes the step and shows the new status; a refusal is shown as the backend words it', async () => {
    let stepped = false;
    harness.answer = (c: BackendCall) => {
      if (c.event.action === 'annual.get') return ok(staffView());
      if (!stepped) {
        stepped = true;
        return ok(staffView({ status: 'reviewed', statusLabel: '待主要领导审批', allowed: [] }));
      }
      return refused('FORBIDDEN', '年度数据由主要领导审批');
    };
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    await page.invoke('onStep', tap({ step: 'review' }));
    const step = harness.calls.find((c) => c.event.action === 'annual.step')!;
    expect(step.event.payload).toEqual({ year: 2026, step: 'review' });
    let text = await page.text();
    expect(text).toContain('已审核通过，当前状态：待主要领导审批。');
    expect(text).not.toContain('审核通过后报主要领导审批');

    // A second press from a stale page (e.g. the same person trying to approve what they reviewed).
    await page.invoke('onStep', tap({ step: 'approve' }));
    text = await page.text();
    expect(text).toContain('年度数据由主要领导审批');
    expect(actions().filter((a) => a === 'annual.step')).toHaveLength(2);
  });

  it('keeps the request id after a lost answer so a retry is the same request (idempotent)', async () => {
    let n = 0;
    harness.answer = (c: BackendCall) =>
      c.event.action === 'annual.get'
        ? ok(staffView({ status: 'approved', statusLabel: '待办公室发布', allowed: ['publish', 'reject'] }))
        : ++n === 1
          ? refused('INTERNAL', '网络不畅，请检查网络后重试')
          : ok(
              staffView({
                status: 'published',
                statusLabel: '已公开',
                allowed: [],
                publishedAt: '2027-01-20T02:00:00.000Z',
              }),
            );
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    expect(await page.text()).toContain('退回重新统计');
    await page.invoke('onStep', tap({ step: 'publish' }));
    expect(await page.text()).toContain('网络不畅，请检查网络后重试');
    await page.invoke('onStep', tap({ step: 'publish' }));
    const ids = harness.calls.filter((c) => c.event.action === 'annual.step').map((c) => c.event.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    const text = await page.text();
    expect(text).toContain('已于2027年1月20日公开');
    expect(text).not.toContain('我的操作');
  });

  const REASON = '罚款金额合计与财务科台账不一致，请统计科核对后重新提交。';
  const reviewed = () =>
    staffView({ status: 'reviewed', statusLabel: '待主要领导审批', allowed: ['approve', 'reject'] });
  // Back with the statistics section (PUB-14): its 重新统计 form, the reason above it.
  const sentBack = () =>
    staffView({
      status: 'returned',
      statusLabel: '已退回，待信息统计科重新统计',
      allowed: ['redraft'],
      comments: [
        { step: 'reject', stepLabel: '退回', round: 1, text: REASON, at: '2027-01-05T02:00:00.000Z' },
      ],
    });

  it('sends back only with a reason; the backend’s words about it are shown at the field', async () => {
    let answers = 0;
    harness.answer = (c: BackendCall) =>
      c.event.action === 'annual.get'
        ? ok(reviewed())
        : ++answers === 1
          ? {
              ok: false,
              error: {
                code: 'INVALID_INPUT',
                message: '提交的内容有误',
                fields: { 'payload.comment': '意见（退回理由）不能超过 500 个字' },
              },
            }
          : ok(sentBack());
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    expect(await page.text()).toContain('退回理由（必填）');
    await page.invoke('onStep', tap({ step: 'reject' }));
    await page.invoke('onReason', { detail: { value: '   ' } });
    await page.invoke('onStep', tap({ step: 'reject' }));
    expect(await page.text()).toContain('请填写退回理由，说明需要重新核实或修改的内容');
    expect(actions()).not.toContain('annual.step');

    await page.invoke('onReason', { detail: { value: `${REASON} ` } });
    await page.invoke('onStep', tap({ step: 'reject' }));
    expect(await page.text()).toContain('意见（退回理由）不能超过 500 个字');
    await page.invoke('onStep', tap({ step: 'reject' }));
    const steps = harness.calls.filter((c) => c.event.action === 'annual.step');
    expect(steps.map((c) => c.event.payload)).toEqual([
      { year: 2026, step: 'reject', comment: REASON },
      { year: 2026, step: 'reject', comment: REASON },
    ]);
    const text = await page.text();
    expect(text).toContain('已退回信息统计科重新统计。');
    expect(text).toContain(`退回理由：${REASON}`);
    expect(text).toContain('2027-01-05 10:00 退回');
    expect(text).not.toContain('意见（退回理由）不能超过 500 个字');
  });

  it.each([
    ['normal', 17],
    ['largest', 28],
  ])(
    'shows the reason field and the earlier 退回 to the approver; the reason to the drafter (%s font)',
    async (label, px) => {
      const dir = path.join(__dirname, '../../preview');
      mkdirSync(dir, { recursive: true });
      harness.answer = () => ok({ ...reviewed(), comments: sentBack().comments });
      const approver = await harness.render(PAGE, { fontSizeSetting: px, query: { year: '2026' } });
      await approver.invoke('onStep', tap({ step: 'reject' }));
      expect(await checkRender(approver.page, ['退回理由（必填）', '请填写退回理由', '退回记录'])).toEqual(
        [],
      );
      await approver.page.screenshot({
        path: path.join(dir, `pubstaff-annual-reason-${label}.png`),
        fullPage: true,
      });

      harness.answer = () => ok(sentBack());
      const drafter = await harness.render(PAGE, { fontSizeSetting: px, query: { year: '2026' } });
      expect(
        await checkRender(drafter.page, ['已退回，待信息统计科重新统计', REASON, '重新统计说明（必填）']),
      ).toEqual([]);
      await drafter.page.screenshot({
        path: path.join(dir, `pubstaff-annual-sent-back-${label}.png`),
        fullPage: true,
      });
    },
  );

  it('marks a late year as overdue', async () => {
    harness.answer = () => ok(staffView({ daysLeft: -3, allowed: [] }));
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    expect(await page.text()).toContain('已逾期 3 天');
  });

  it('says a year not drafted yet, and tells other roles who may see it', async () => {
    harness.answer = () => refused('NOT_FOUND', '2026 年度数据尚未生成');
    let page = await harness.render(PAGE, { query: { year: '2026' } });
    expect(await page.text()).toContain('2026 年度数据尚未生成');
    expect(await page.text()).toContain('每年1月第一个工作日自动生成上一年度数据');
    await page.invoke('onYear', tap({ delta: '-1' }));
    expect(harness.calls.at(-1)!.event.payload).toEqual({ year: 2025 });

    harness.answer = () => refused('FORBIDDEN', '没有权限进行此操作');
    page = await harness.render(PAGE, { query: { year: '2026' } });
    expect(await page.text()).toContain('仅分管领导、主要领导、办公室、统计和审计人员可以查看');
  });
});

describe('links to the annual figures staff page', () => {
  it("opens from the staff home's annual countdown row", async () => {
    harness.answer = (c: BackendCall) =>
      c.event.action === 'staff.me'
        ? ok({
            name: '李明',
            unit: { name: '区卫生健康委' },
            roles: [{ role: 'principal', label: '主要领导' }],
          })
        : ok({
            generatedAt: '2027-01-04T01:00:00.000Z',
            totals: { overdue: 0, dueSoon: 1, total: 1 },
            providers: [
              {
                id: 'annual.publish',
                label: '年度执法数据公开期限',
                counts: { overdue: 0, dueSoon: 1, total: 1 },
                truncated: false,
              },
            ],
            sections: [],
          });
    const p = await harness.render('pages/staff/home/index');
    expect(await p.text()).toContain('年度执法数据公开期限');
    await tapNode(p, '#dash-0');
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toMatchObject({
      url: '/pages/pubstaff/annual/index',
    });
  });

  it('opens from the pubstaff list for the roles that read it, not for a preparer', async () => {
    const list = (roles: Array<{ role: string; label: string }>) => (c: BackendCall) =>
      c.event.action === 'staff.me'
        ? ok({ name: '王芳', unit: { name: '区卫生健康委' }, roles })
        : ok({ items: [], nextCursor: null });
    harness.answer = list([{ role: 'reviewer', label: '分管领导' }]);
    const p = await harness.render('pages/pubstaff/list/index');
    expect(await p.text()).toContain('年度执法数据');
    await tapNode(p, '#pub-annual');
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toMatchObject({
      url: '/pages/pubstaff/annual/index',
    });
    harness.answer = list([{ role: 'officer', label: '执法人员' }]);
    const q = await harness.render('pages/pubstaff/list/index');
    expect(await q.text()).not.toContain('年度执法数据');
  });
});
