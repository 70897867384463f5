/**
 * The dashboard: a provider in the function's plugin list shows in the built dashboard, grouped per section
 * and person with counts; through the `staff` function the built-in outbox provider shows failed deliveries to
 * auditors, and the action is for leaders and audit only.
 */
import { buildDashboard, type DeadlineItem, type DeadlineProvider } from '../../../server/dashboard';
import { plugins } from '../../../server/router/plugins';
import { outboxRecord } from '../../../server/outbox';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, startWithSdk } from '../ledger/helpers';

const NOW = new Date('2026-03-02T09:00:00+08:00');

const testCases: DeadlineProvider = {
  id: 'test.cases',
  label: '测试期限',
  async list() {
    const items: DeadlineItem[] = [
      {
        unitId: 'u',
        section: 'sec_b',
        person: 'stf_1',
        item: '案件 A 调查终结',
        dueAt: new Date('2026-03-03T00:00:00Z'),
        status: 'dueSoon',
      },
      {
        unitId: 'u',
        section: 'sec_b',
        person: 'stf_1',
        item: '案件 B 决定',
        dueAt: new Date('2026-03-01T00:00:00Z'),
        status: 'overdue',
      },
      {
        unitId: 'u',
        section: 'sec_a',
        person: null,
        item: '公示撤回',
        dueAt: new Date('2026-02-27T00:00:00Z'),
        status: 'overdue',
      },
    ];
    return { items, truncated: false };
  },
};

let emu: TestEmulator;
let db: Database;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
});
afterAll(() => emu.stop());

it('shows a registered provider’s items per section and person, with counts', async () => {
  const scope = {
    staff: { staffId: 's', unitId: 'u', sectionId: null, roles: [], officerId: null },
    unitIds: ['u'],
    reach: { u: { wholeUnit: true, sectionIds: [] } },
  };
  const dashboard = await buildDashboard(db, [testCases], scope, NOW);
  const provider = dashboard.providers.find((p) => p.id === 'test.cases');
  expect(provider).toEqual({
    id: 'test.cases',
    label: '测试期限',
    counts: { overdue: 2, dueSoon: 1, total: 3 },
    truncated: false,
  });
  const sectionB = dashboard.sections.find((s) => s.section === 'sec_b')!;
  expect(sectionB.counts).toEqual({ overdue: 1, dueSoon: 1, total: 2 });
  expect(sectionB.people[0]!.items.map((i) => i.item)).toEqual(['案件 B 决定', '案件 A 调查终结']);
  expect(dashboard.sections.map((s) => s.section)).toEqual(['sec_a', 'sec_b']);
});

it('keeps only the sections a section-limited role reaches (REC-14)', async () => {
  const scope = {
    staff: { staffId: 's', unitId: 'u', sectionId: null, roles: [], officerId: null },
    unitIds: ['u'],
    reach: { u: { wholeUnit: false, sectionIds: ['sec_a'] } },
  };
  const dashboard = await buildDashboard(db, [testCases], scope, NOW);
  expect(dashboard.providers.find((p) => p.id === 'test.cases')!.counts.total).toBe(1);
  expect(dashboard.sections.map((s) => s.section)).not.toContain('sec_b');
  const nowhere = await buildDashboard(db, [testCases], { ...scope, reach: {} }, NOW);
  expect(nowhere.providers.find((p) => p.id === 'test.cases')!.counts.total).toBe(0);
});

it('refuses a function plugin list naming one provider twice (lists are fixed when the function loads)', () => {
  expect(() => plugins({ deadlineProviders: [testCases, testCases] })).toThrow(/test\.cases listed twice/);
});

it('serves the dashboard action to leaders and audit, with the outbox provider', async () => {
  const staff = caller(emu, 'staff');
  const failed = outboxRecord({
    kind: 'subscribeMessage',
    payload: { touser: 'o', templateId: 't', data: {} },
    at: new Date(),
  });
  await db.collection('sys_outbox').add({ ...failed, status: 'unknown', lastError: 'noAnswer:timeout' });
  const res = await staff('demo-auditor', 'dashboard');
  expect(res.ok).toBe(true);
  expect(res.data.providers).toContainEqual({
    id: 'system.outbox',
    label: '消息投递异常',
    counts: { overdue: 1, dueSoon: 0, total: 1 },
    truncated: false,
  });
  // The seed's cases put items under their sections too (emulator/seed/cases.ts); the outbox's are `system`'s.
  expect(res.data.sections.find((s: any) => s.section === 'system').people[0].items[0]).toMatchObject({
    provider: 'system.outbox',
    item: '订阅消息发送结果未知',
  });
  expect((await staff('demo-leader-1', 'dashboard')).ok).toBe(true);
  expect((await staff('demo-officer-1', 'dashboard')).error.code).toBe('FORBIDDEN');
});

it('names the complaint queue tab each complaint clock row opens (a dashboard row opens the filtered queue)', async () => {
  const res = await caller(emu, 'staff')('demo-unit-head', 'dashboard');
  const tabs = Object.fromEntries(
    res.data.providers.map((p: { id: string; queueTab?: string }) => [p.id, p.queueTab]),
  );
  expect(tabs).toMatchObject({
    'complaint.acceptance': 'submitted',
    'complaint.reporterFeedback': 'accepted',
    'complaint.handling': 'accepted',
  });
  expect(tabs['system.outbox']).toBeUndefined();
});
