/**
 * Decisions without an entry and the dashboard's publication rows, rendered in Chromium (PUB-6, PUB-11, PUB-12, PUB-15):
 * the preparer's 待生成条目 tab lists `publication.decisionQueue` and 生成公示条目 makes the draft
 * (`publication.fromDecision`) and opens the form to complete it; each publication row of the staff home's
 * dashboard opens its queue tab.
 */
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { tap } from './fixtures';
import { pageHarness } from './harness';
import { me, ok, queuePage, refused } from './publication-staff-fixtures';

const harness = pageHarness();
const { calls } = harness;
const LIST = 'pages/pubstaff/list/index';
const navigations = async (p: Rendered) =>
  (await p.effects()).filter((e) => e.api === 'navigateTo').map((e) => (e.args as { url: string }).url);

const pending = (over: Record<string, unknown> = {}) => ({
  caseId: 'case_0001',
  caseNo: 'WZ-2026-0031',
  unitId: 'unit_enforcement',
  sectionId: 'sec_dept_1',
  docNo: '万卫罚〔2026〕31号',
  decisionDate: '2026-11-02',
  kind: 'penalty',
  dueDate: '2026-11-11',
  status: 'overdue',
  ...over,
});

function backend(roles: string[], missing = [{ path: 'facts', message: '请填写违法事实' }]) {
  return (c: BackendCall) => {
    switch (c.event.action) {
      case 'staff.me':
        return me(roles);
      case 'publication.queue':
        return queuePage([]);
      case 'publication.decisionQueue':
        return ok({
          items: [
            pending(),
            pending({
              caseId: 'case_0002',
              docNo: '万卫强〔2026〕4号',
              kind: 'coercion',
              status: 'ok',
              dueDate: '2026-12-20',
            }),
          ],
          truncated: true,
        });
      case 'publication.fromDecision':
        return ok({ id: 'pub_made00000001', status: 'draft', withheld: [], missing });
      default:
        return refused('INTERNAL', '未设置');
    }
  };
}

describe('the preparer’s decisions without an entry (PUB-6, PUB-12)', () => {
  it('lists them after 我制作的, earliest due first, with the overdue marked', async () => {
    harness.answer = backend(['officer']);
    const p = await harness.render(LIST, { query: { tab: 'decisions' } });
    expect(calls.map((c) => c.event.action)).toEqual(['staff.me', 'publication.decisionQueue']);
    const text = await p.text();
    expect(text).toContain('待生成条目');
    expect(text).toContain('行政处罚 · 万卫罚〔2026〕31号');
    expect(text).toContain('案件编号 WZ-2026-0031');
    expect(text).toContain('应于 2026年11月11日 前公示，已逾期');
    expect(text).toContain('行政强制 · 万卫强〔2026〕4号');
    expect(text).toContain('先列出最早到期的部分');
    expect(await p.page.$$eval('[class*="row-overdue"]', (els) => els.length)).toBe(1);
  });

  it('生成公示条目 makes the draft from the decision and opens the form to complete what it lacks', async () => {
    harness.answer = backend(['officer']);
    const p = await harness.render(LIST, { query: { tab: 'decisions' } });
    await p.invoke('onMake', tap({ key: 'case_0001|万卫罚〔2026〕31号' }));
    const made = calls.filter((c) => c.event.action === 'publication.fromDecision');
    expect(made.map((c) => c.event.payload)).toEqual([{ caseId: 'case_0001', docNo: '万卫罚〔2026〕31号' }]);
    expect(await navigations(p)).toEqual(['/pages/pubstaff/form/index?id=pub_made00000001']);
  });

  it('offers the CSV import from 我制作的', async () => {
    harness.answer = backend(['officer']);
    const p = await harness.render(LIST);
    expect(await p.text()).toContain('导入双公示 CSV 文件');
    await p.invoke('onImport');
    expect(await navigations(p)).toEqual(['/pages/pubstaff/import/index']);
  });

  it('opens 全部条目 for a leader sent there by a withdrawal deadline', async () => {
    harness.answer = backend(['reviewer']);
    const p = await harness.render(LIST, { query: { tab: 'section' } });
    expect(calls.filter((c) => c.event.action === 'publication.queue').map((c) => c.event.payload)).toEqual([
      { queue: 'section', pageSize: 20 },
    ]);
    expect(await p.text()).toContain('全部条目');
  });
});

describe('the staff home’s publication rows (PUB-12, PUB-13, PUB-15)', () => {
  it('open the publication queues: waiting entries, the section’s entries, the decisions worklist', async () => {
    const row = (id: string, label: string) => ({
      id,
      label,
      counts: { overdue: 1, dueSoon: 0, total: 1 },
      truncated: false,
    });
    harness.answer = (c: BackendCall) =>
      c.event.action === 'staff.me'
        ? {
            ok: true,
            data: {
              name: '王建国',
              unit: { name: '区卫生健康委员会' },
              roles: [{ role: 'principal', label: '主要领导' }],
            },
          }
        : ok({
            generatedAt: '2026-11-30T01:00:00.000Z',
            totals: { overdue: 3, dueSoon: 0, total: 3 },
            providers: [
              row('publication.publish', '执法结果公示期限'),
              row('publication.withdrawal', '撤下变更信息、公布撤回理由期限'),
              row('publication.unpublishedDecisions', '已作出决定尚未生成公示条目'),
            ],
            sections: [],
          });
    const p = await harness.render('pages/staff/home/index');
    expect(await p.text()).toContain('查看办理列表');
    for (const i of [0, 1, 2]) {
      await p.page.evaluate((sel) => {
        const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
        comp.querySelector(sel).dispatchEvent('tap');
      }, `#dash-${i}`);
      await p.settle();
    }
    expect(await navigations(p)).toEqual([
      '/pages/pubstaff/list/index',
      '/pages/pubstaff/list/index?tab=section',
      '/pages/pubstaff/list/index?tab=decisions',
    ]);
  });
});
