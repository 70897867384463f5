/**
 * The staff complaint queue rendered in Chromium (REC-14): tabs with counts, the
 * nearest deadline in working days with the overdue marked, search by tracking number, a dashboard row opening
 * the filtered queue, and a failed "load more" shown with 重试.
 */
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

function item(n: number, due: Record<string, unknown> | null, overrides: Record<string, unknown> = {}) {
  return {
    id: `cmp_${n.toString(16).padStart(24, '0')}`,
    trackingNo: `TS20261127-7KQ4M${'ABCDEFGH'[n]}`,
    kind: 'report',
    category: '公共场所',
    subjectName: `某某游泳馆 ${n}`,
    status: 'submitted',
    statusLabel: '待受理',
    source: 'miniprogram',
    receivedAt: '2026-11-27T02:00:00.000Z',
    acceptanceDueDate: '2026-12-08',
    handlingDueDate: null,
    feedbackDueDate: null,
    handlerIds: [],
    anonymous: true,
    contact: null,
    due,
    ...overrides,
  };
}

const OVERDUE = {
  clock: 'acceptance',
  label: '受理期限',
  date: '2026-11-25',
  workingDaysLeft: -3,
  overdue: true,
};
const SOON = {
  clock: 'acceptance',
  label: '受理期限',
  date: '2026-12-02',
  workingDaysLeft: 2,
  overdue: false,
};
const TODAY = {
  clock: 'acceptance',
  label: '受理期限',
  date: '2026-11-30',
  workingDaysLeft: 0,
  overdue: false,
};
const COUNTS = {
  submitted: { total: 8, capped: false },
  accepted: { total: 99, capped: true },
  overdue: { total: 3, capped: false },
  mine: { total: 2, capped: false },
};

const page = (items: unknown[], nextCursor: string | null = null, counts: unknown = COUNTS) => ({
  ok: true,
  data: { items, total: items.length, totalCapped: false, nextCursor, counts },
});

/** A tap on a rendered node, through miniprogram-simulate's own event dispatch (the wxml's bind:tap and data-*). */
async function tapNode(p: Rendered, selector: string) {
  await p.page.evaluate((sel) => {
    const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
    comp.querySelector(sel).dispatchEvent('tap');
  }, selector);
  await p.settle();
}

/** The text of the rendered nodes matching a selector (miniprogram-simulate's scoped class names). */
const nodeTexts = (p: Rendered, selector: string) =>
  p.page.evaluate((sel) => {
    const comp = (globalThis as unknown as { __comp: { querySelectorAll(s: string): any[] } }).__comp;
    return comp.querySelectorAll(sel).map((n) => (n.dom as { innerText: string }).innerText);
  }, selector);

const payloads = () => calls.filter((c) => c.event.action === 'complaint.queue').map((c) => c.event.payload);

describe('staff complaint queue', () => {
  it('shows the tabs with their counts and the nearest deadline in working days, overdue marked', async () => {
    harness.answer = () => page([item(1, OVERDUE), item(2, TODAY), item(3, SOON)]);
    const p = await harness.render('pages/staff/complaint-queue/index');
    const text = await p.text();
    expect(payloads()).toEqual([{ tab: 'submitted', pageSize: 20 }]);
    for (const label of [/待受理\s*8/, /办理中\s*99\+/, /已逾期\s*3/, /我的\s*2/])
      expect(text).toMatch(label);
    expect(text).toContain('受理期限 2026年11月25日 · 已逾期 3 个工作日');
    expect(text).toContain('今天到期');
    expect(text).toContain('剩 2 个工作日');
    // One date format per card: the receipt too reads 2026年11月27日.
    expect(text).toContain('收到 2026年11月27日');
    expect(text).not.toMatch(/2026-11-27/);
    expect(await nodeTexts(p, '.queue-overdue')).toEqual([expect.stringContaining('某某游泳馆 1')]);
  });

  it('opens the tab a dashboard row names, and switches tabs', async () => {
    harness.answer = () => page([]);
    const p = await harness.render('pages/staff/complaint-queue/index', { query: { tab: 'overdue' } });
    expect(payloads()[0]).toEqual({ tab: 'overdue', pageSize: 20 });
    await p.invoke('onTab', tap({ key: 'mine' }));
    expect(payloads()[1]).toEqual({ tab: 'mine', pageSize: 20 });
    expect(await nodeTexts(p, '.chip-on')).toEqual([expect.stringMatching(/^我的/)]);
  });

  it('searches by a whole tracking number and checks it first', async () => {
    harness.answer = () => page([item(4, SOON)], null, null);
    const p = await harness.render('pages/staff/complaint-queue/index');
    await p.invoke('onSearchInput', typed('ts2026'));
    await p.invoke('onSearch');
    expect(await p.text()).toContain('请输入完整的受理编号');
    expect(payloads()).toHaveLength(1);
    await p.invoke('onSearchInput', typed(' ts20261127-7kq4me '));
    await p.invoke('onSearch');
    expect(payloads()[1]).toEqual({ trackingNo: 'TS20261127-7KQ4ME' });
    expect(await p.text()).toContain('TS20261127-7KQ4ME 的查找结果');
    await p.invoke('onClearSearch');
    expect(payloads()[2]).toEqual({ tab: 'submitted', pageSize: 20 });
  });

  it('shows a failed "load more" with its error and 重试, and retries the same page', async () => {
    let fail = true;
    harness.answer = (c: BackendCall) => {
      const payload = c.event.payload as { cursor?: string };
      if (!payload.cursor) return page([item(1, SOON)], 'c1');
      if (fail) return { ok: false, error: { code: 'INTERNAL', message: '网络不稳定，请稍后再试' } };
      return page([item(2, SOON)], null, null);
    };
    const p = await harness.render('pages/staff/complaint-queue/index');
    await p.invoke('loadMore');
    const text = await p.text();
    expect(text).toContain('加载更多失败：网络不稳定，请稍后再试');
    expect(text).toContain('重试');
    expect(text).toContain('某某游泳馆 1'); // what was loaded stays
    fail = false;
    await p.invoke('loadMore');
    expect(payloads().slice(1)).toEqual([
      { tab: 'submitted', pageSize: 20, cursor: 'c1' },
      { tab: 'submitted', pageSize: 20, cursor: 'c1' },
    ]);
    expect(await p.text()).toContain('某某游泳馆 2');
    expect(await p.text()).not.toContain('加载更多失败');
  });
});

describe('staff home dashboard', () => {
  it('opens the queue filtered to a complaint clock row', async () => {
    harness.answer = (c: BackendCall) => {
      if (c.event.action === 'staff.me')
        return {
          ok: true,
          data: {
            name: '赵志刚',
            unit: { name: '执法支队' },
            roles: [{ role: 'principal', label: '主要领导' }],
          },
        };
      return {
        ok: true,
        data: {
          generatedAt: '2026-11-30T01:00:00.000Z',
          totals: { overdue: 1, dueSoon: 0, total: 1 },
          providers: [
            {
              id: 'complaint.acceptance',
              label: '投诉举报受理',
              counts: { overdue: 1, dueSoon: 0, total: 1 },
              truncated: false,
              queueTab: 'submitted',
            },
          ],
          sections: [],
        },
      };
    };
    const p = await harness.render('pages/staff/home/index');
    expect(await p.text()).toContain('查看办理列表');
    await tapNode(p, '#dash-0');
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toMatchObject({
      url: '/pages/staff/complaint-queue/index?tab=submitted',
    });
  });
});
