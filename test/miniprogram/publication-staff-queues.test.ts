/**
 * The staff publication queues rendered in Chromium (pages/pubstaff/list; PUB-11, PUB-12): the tabs of the caller's
 * roles, rows with status and due date (the overdue marked), the preparer's 新建, and the principal's batch approval
 * with a result per entry, including a separation-of-duty refusal worded by the backend.
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { tap } from './fixtures';
import { pageHarness } from './harness';
import { me, ok, queuePage, queueRow, refused } from './publication-staff-fixtures';

const harness = pageHarness();
const { calls } = harness;
const LIST = 'pages/pubstaff/list/index';
const A = 'pub_aaaaaaaa0001';
const B = 'pub_bbbbbbbb0002';
const SOD = '只有主要领导（或经登记的委托人）可以批准公开，且不能批准本人制作的条目';

const queueOf = (c: BackendCall) => (c.event.payload as { queue?: string }).queue;

function backend(roles: string[]) {
  return (c: BackendCall) => {
    switch (c.event.action) {
      case 'staff.me':
        return me(roles);
      case 'publication.queue':
        return queueOf(c) === 'approval'
          ? queuePage([
              queueRow({ id: A }),
              queueRow({ id: B, docNo: '万卫公罚〔2026〕15号', partyName: '重庆嘉禾酒店管理有限公司' }),
            ])
          : queuePage([
              queueRow({ status: 'draft', statusLabel: '待提交', round: 2, dueDate: '2020-01-02' }),
            ]);
      case 'publication.batchApprove':
        return ok({
          approved: 1,
          results: [
            { id: A, ok: true },
            { id: B, ok: false, code: 'FORBIDDEN', message: SOD },
          ],
          remaining: [],
        });
      default:
        return refused('INTERNAL', '未设置');
    }
  };
}

describe('publication queues', () => {
  it("opens the first tab of the caller's roles; the preparer's rows show status, the return and the overdue date", async () => {
    harness.answer = backend(['officer', 'principal']);
    const p = await harness.render(LIST);
    expect(calls.map((c) => c.event.action)).toEqual(['staff.me', 'publication.queue']);
    expect(calls[1]!.event.payload).toEqual({ queue: 'mine', pageSize: 20 });
    const text = await p.text();
    expect(text).toContain('我制作的');
    expect(text).toContain('待审批');
    expect(text).toContain('新建公示条目');
    expect(text).toContain('行政处罚 · 万卫医罚〔2026〕21号');
    expect(text).toContain('已退回修改（第 2 轮）');
    expect(text).toContain('应于 2020年1月2日 前公示，已逾期');
    expect(await p.page.$$eval('[class*="row-overdue"]', (els) => els.length)).toBe(1);
    await p.invoke('onCreate');
    await p.invoke('onOpen', tap({ id: A }));
    expect((await p.effects()).filter((e) => e.api === 'navigateTo').map((e) => e.args)).toEqual([
      { url: '/pages/pubstaff/form/index' },
      { url: `/pages/pubstaff/entry/index?id=${A}` },
    ]);
  });

  it('the principal selects entries and approves them as a batch, seeing each result (ok / refused with reason)', async () => {
    harness.answer = backend(['principal']);
    const p = await harness.render(LIST);
    let text = await p.text();
    expect(text).not.toContain('我制作的'); // one tab only: no tab bar
    expect(text).not.toContain('新建公示条目');
    expect(text).toContain('已选 0 条');
    await p.invoke('onSelect', tap({ id: A }));
    await p.invoke('onSelect', tap({ id: B }));
    expect(await p.text()).toContain('已选 2 条');
    expect(await p.page.$$eval('[class*="select-box-on"]', (els) => els.map((e) => e.textContent))).toEqual([
      '✓',
      '✓',
    ]);
    await p.invoke('onBatch');
    await p.invoke('onTiming', tap({ timing: 'later' }));
    await p.invoke('onBatchConfirm');
    expect(await p.text()).toContain('请选择发布日期');
    expect(calls.some((c) => c.event.action === 'publication.batchApprove')).toBe(false);
    await p.invoke('onPublishDate', { detail: { value: '2026-12-02' } });
    await p.invoke('onBatchConfirm');
    const batch = calls.find((c) => c.event.action === 'publication.batchApprove')!;
    expect(batch.event.payload).toEqual({ ids: [A, B], publishAt: '2026-12-02T09:00:00+08:00' });
    text = await p.text();
    expect(text).toContain('批量审批结果');
    expect(text).not.toContain('确认批准'); // the popup closed
    expect(text).toContain('已批准 1 条，1 条未批准');
    expect(text).toMatch(/万卫医罚〔2026〕21号\s*已批准/);
    expect(text).toMatch(new RegExp(`万卫公罚〔2026〕15号\\s*未批准：${SOD.replace(/[()（）]/g, '.')}`));
    expect(await p.page.$$eval('[class*="result-refused"]', (els) => els.length)).toBe(1);
  });

  it('switches tabs, and refuses a person with no publication role plainly', async () => {
    harness.answer = backend(['officer', 'reviewer']);
    const p = await harness.render(LIST, { query: { tab: 'review' } });
    expect(calls[1]!.event.payload).toEqual({ queue: 'review', pageSize: 20 });
    await p.invoke('onTab', tap({ queue: 'mine' }));
    expect(calls.at(-1)!.event.payload).toEqual({ queue: 'mine', pageSize: 20 });
    harness.answer = backend(['custodian']);
    const q = await harness.render(LIST);
    expect(await q.text()).toContain('无权查看执法公示条目');
    expect(await q.text()).toContain('您当前的角色不参与执法公示。');
  });

  it('shows a failed load with 重试, and an empty queue', async () => {
    harness.answer = (c) =>
      c.event.action === 'staff.me' ? me(['reviewer']) : refused('INTERNAL', '服务暂时不可用，请稍后重试');
    const p = await harness.render(LIST);
    expect(await p.text()).toContain('服务暂时不可用，请稍后重试');
    harness.answer = (c) => (c.event.action === 'staff.me' ? me(['reviewer']) : queuePage([]));
    await p.invoke('load');
    expect(await p.text()).toContain('暂无待您审核的条目。');
  });

  it('the staff home shows the 执法公示 card to the roles with a queue only', async () => {
    harness.answer = (c) =>
      c.event.action === 'staff.me' ? me(['publisher']) : refused('FORBIDDEN', '无权');
    const p = await harness.render('pages/staff/home/index');
    expect(await p.text()).toContain('执法公示');
    await p.invoke('gotoPublication');
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toEqual({
      url: '/pages/pubstaff/list/index',
    });
    harness.answer = () => me(['custodian']);
    const q = await harness.render('pages/staff/home/index');
    expect(await q.text()).not.toContain('执法公示');
  });
});
