/**
 * 重新统计 on the annual figures' staff page rendered in Chromium (PUB-14; seed publicity Art. 26), `annual.get`
 * and `annual.redraft` answered here: the statistics section sees the reason of the 退回 and the form, is told to
 * write the 说明 (the backend's field message shown at the field), a lost answer is retried as the same request, a
 * redraft made meanwhile (CONFLICT) is said and the page reloaded; the reviewer then sees what changed, figure by
 * figure (old -> new), with the 说明 and the earlier version with its reason. Both font sizes are checked and
 * written to preview/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BackendCall } from '../../scripts/miniprogram/render';
import { checkRender } from '../../scripts/miniprogram/checks';
import { figures2026 } from './annual-fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const PAGE = 'pages/pubstaff/annual/index';
const REASON = '罚款金额不一致：万卫公罚一案罚款应为0.6万元。';
const NOTE = '执法人员已更正该案公示信息，按更正后的数据重新统计。';

const base = {
  year: 2026,
  figures: figures2026,
  justiceReport: '区司法局：……',
  publishBy: '2027-01-31',
  daysLeft: 25,
  publishedAt: null,
  draftedBy: '系统自动生成',
  draftedAt: '2027-01-04T01:00:00.000Z',
  note: null,
  changes: [],
  revisions: [],
};
const rejectComment = {
  step: 'reject',
  stepLabel: '退回',
  round: 1,
  text: REASON,
  at: '2027-01-05T02:00:00.000Z',
};
const returned = () => ({
  ...base,
  status: 'returned',
  statusLabel: '已退回，待信息统计科重新统计',
  allowed: ['redraft'],
  revision: 1,
  comments: [rejectComment],
});
const redrafted = (allowed: string[]) => ({
  ...base,
  status: 'drafted',
  statusLabel: '待分管领导审核',
  allowed,
  revision: 2,
  draftedBy: '信息统计员',
  draftedAt: '2027-01-06T02:00:00.000Z',
  note: NOTE,
  figures: { ...figures2026, fines: '86.45' },
  changes: [
    { key: 'fines', label: '罚款金额', from: '86.35 万元', to: '86.45 万元' },
    { key: 'onTime:percent', label: '按期公示率', from: '98.8%', to: '98.7%' },
  ],
  revisions: [
    {
      revision: 1,
      figures: figures2026,
      draftedBy: '系统自动生成',
      draftedAt: '2027-01-04T01:00:00.000Z',
      note: null,
      sentBack: { reason: REASON, at: '2027-01-05T02:00:00.000Z' },
    },
  ],
  comments: [rejectComment],
});
const ok = (data: unknown) => ({ ok: true, data });
const redrafts = () => harness.calls.filter((c) => c.event.action === 'annual.redraft');

describe('重新统计 on the annual figures staff page', () => {
  it('asks for the 说明, shows the backend’s words at the field, retries a lost answer as the same request', async () => {
    const answers = [
      {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '提交的内容有误',
          fields: { 'payload.note': '重新统计说明不能超过 500 个字' },
        },
      },
      { ok: false, error: { code: 'INTERNAL', message: '网络不畅，请检查网络后重试' } },
      ok(redrafted([])),
    ];
    harness.answer = (c: BackendCall) => (c.event.action === 'annual.get' ? ok(returned()) : answers.shift());
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    let text = await page.text();
    expect(text).toContain(`退回理由：${REASON}`);
    expect(text).toContain('重新统计说明（必填）');

    await page.invoke('onRedraft');
    await page.invoke('onNote', { detail: { value: '  ' } });
    await page.invoke('onRedraft');
    expect(await page.text()).toContain('请填写重新统计说明，写明更正了哪些数据或源记录');
    expect(redrafts()).toEqual([]);

    await page.invoke('onNote', { detail: { value: ` ${NOTE}` } });
    await page.invoke('onRedraft');
    expect(await page.text()).toContain('重新统计说明不能超过 500 个字');
    await page.invoke('onRedraft');
    expect(await page.text()).toContain('网络不畅，请检查网络后重试');
    await page.invoke('onRedraft');
    const sent = redrafts();
    expect(sent.map((c) => c.event.payload)).toEqual(Array(3).fill({ year: 2026, revision: 1, note: NOTE }));
    // The field error ends that request; the lost answer's retry is the same request.
    expect(sent[1]!.event.requestId).not.toBe(sent[0]!.event.requestId);
    expect(sent[2]!.event.requestId).toBe(sent[1]!.event.requestId);
    text = await page.text();
    expect(text).toContain('已重新统计为第2版，当前状态：待分管领导审核。');
    expect(text).not.toContain('重新统计说明（必填）');
    expect(text).toContain('原 86.35 万元 → 现 86.45 万元');
  });

  it('says a redraft made meanwhile and shows the figures as they are now', async () => {
    let gets = 0;
    harness.answer = (c: BackendCall) =>
      c.event.action === 'annual.get'
        ? ok(++gets === 1 ? returned() : redrafted([]))
        : { ok: false, error: { code: 'CONFLICT', message: '年度数据已重新统计为第 2 版，请刷新后查看' } };
    const page = await harness.render(PAGE, { query: { year: '2026' } });
    await page.invoke('onNote', { detail: { value: NOTE } });
    await page.invoke('onRedraft');
    const text = await page.text();
    expect(text).toContain('年度数据已重新统计为第 2 版，请刷新后查看');
    expect(text).toContain('本版重新统计的变化');
    expect(text).not.toContain('重新统计说明（必填）');
  });

  it.each([
    ['normal', 17],
    ['largest', 28],
  ])('shows the reviewer the changes, the 说明 and the version sent back (%s font)', async (label, px) => {
    harness.answer = () => ok(redrafted(['review', 'reject']));
    const page = await harness.render(PAGE, { fontSizeSetting: px, query: { year: '2026' } });
    const text = await page.text();
    for (const s of [
      '本版重新统计的变化',
      '第2版 · 信息统计员 · 2027-01-06 10:00 重新统计',
      `说明：${NOTE}`,
      '罚款金额',
      '原 86.35 万元 → 现 86.45 万元',
      '原 98.8% → 现 98.7%',
      '历次版本',
      '第1版 · 系统自动生成 · 2027-01-04 09:00',
      `2027-01-05 10:00 退回：${REASON}`,
      '审核通过',
    ])
      expect(text).toContain(s);
    expect(await checkRender(page.page, ['本版重新统计的变化', '原 86.35 万元', '历次版本'])).toEqual([]);
    const dir = path.join(__dirname, '../../preview');
    mkdirSync(dir, { recursive: true });
    await page.page.screenshot({
      path: path.join(dir, `pubstaff-annual-changes-${label}.png`),
      fullPage: true,
    });
  });
});
