/**
 * The dashboard's cases with failing checks (`case.findings`; REC-4, REC-16; docs/cases.md): listed most recently
 * changed first, so years of closed cases that kept a failure fall to the end of the capped list (200) and the
 * cases being worked now stay on it; a case whose failures are put right leaves it. The emulator runs in strict
 * index mode, so every read here is index-served (deploy/database.json `unitId_failureKey`).
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { sdk } from '../../emulator/storage/helpers';
import { caseDeadlineProviders } from '../../../server/features/case';
import type { DashboardScope } from '../../../server/dashboard/registry';
import type { Database } from '../../../server/platform/cloudbase';
import { avRecord, CUSTODIAN, HEAD, OFFICER, openCase } from './helpers';
import { asFiles, manifest, penaltyStages } from './import-helpers';

const t = useSeededEmulator();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT = 'unit_enforcement';

const setClock = (at: number | null) =>
  t.emu.post('/_emulator/clock', { now: at === null ? null : new Date(at).toISOString() });

/** The findings provider read straight through the SDK, as the dashboard reads it for the unit. */
async function findings() {
  const provider = caseDeadlineProviders.find((p) => p.id === 'case.findings')!;
  const scope = { staff: {}, unitIds: [UNIT], reach: {} } as unknown as DashboardScope;
  return provider.list(sdk().database() as unknown as Database, scope, new Date());
}

const storedCase = async (id: string) => (await allDocs('cases')).find((c) => c._id === id);

/**
 * `n` closed penalty cases imported at `at`, each decided without a prior notice served (a failure, 行政处罚法
 * Art. 62) and closed with it; their case ids.
 */
async function closedFailing(n: number, at: number): Promise<string[]> {
  await setClock(at);
  const m = manifest(n, 90); // opened 90 days before `at` (the emulator's clock): the officers' certificates valid
  for (const c of m.cases as Record<string, any>[])
    c.stages = penaltyStages(c.openedAt, { investigation: 1, decision: 30, service: 31, closed: 60 });
  let res = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  for (let calls = 1; res.ok && !res.data.done && calls < 50; calls++)
    res = await t.call.staff(CUSTODIAN, 'case.import', { importId: res.data.importId });
  expect(res).toMatchObject({ ok: true, data: { done: true, errors: [] } });
  const sources = new Set(m.cases.map((c) => c.sourceId));
  const ids = (await allDocs('cases')).filter((c) => sources.has(c.source?.sourceId)).map((c) => c._id);
  expect(ids).toHaveLength(n);
  return ids;
}

/** A penalty case failing its checks, changed at `at`: an inquiry record without its recording (第十六条第（二）项). */
async function failingCase(at: number) {
  await setClock(at);
  const { id } = await openCase(t.call);
  const res = await t.call.staff(OFFICER, 'record.register', {
    caseId: id,
    type: 'document',
    title: '询问笔录',
    workEndedAt: new Date(at - HOUR).toISOString(),
    sha256: 'cd'.repeat(32),
    document: { docType: 'inquiryRecord', docTimes: [new Date(at - 2 * HOUR).toISOString()], signed: true },
  });
  expect(res).toMatchObject({ ok: true });
  return id;
}

it('keeps the case worked on today on the capped list ahead of more old closed failing cases than the cap', async () => {
  const now = Date.now();
  const [oldest] = await closedFailing(1, now - 500 * DAY);
  const older = await closedFailing(200, now - 400 * DAY);
  await setClock(null);
  const today = await failingCase(Date.now()); // after the seed's own failing case

  const dashboard = await t.call.staff(HEAD, 'dashboard', {});
  expect(dashboard).toMatchObject({ ok: true });
  expect(dashboard.data.providers).toContainEqual(
    expect.objectContaining({
      id: 'case.findings',
      truncated: true,
      counts: expect.objectContaining({ total: 200 }),
    }),
  );
  const refs: string[] = dashboard.data.sections.flatMap((s: any) =>
    s.people.flatMap((p: any) =>
      p.items.filter((i: any) => i.provider === 'case.findings').map((i: any) => i.ref),
    ),
  );
  expect(refs).toContain(`case:${today}`);
  // The cut falls on the oldest change: the case changed 500 days ago is the one left off, not today's.
  expect(refs).not.toContain(`case:${oldest}`);
  expect(refs.filter((r) => older.includes(r.slice('case:'.length))).length).toBeGreaterThan(190);

  // Newest change first: today's case leads, and no item was changed after the one before it.
  const listed = await findings();
  expect(listed.truncated).toBe(true);
  expect(listed.items[0]).toMatchObject({ ref: `case:${today}`, status: 'overdue' });
  const times = listed.items.map((i) => i.dueAt.getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
  // The emulator's clock runs on from where it was set: the last listed was changed 400 days ago.
  expect(Math.round((now - listed.items.at(-1)!.dueAt.getTime()) / DAY)).toBe(400);
}, 600_000);

it('moves a failing case up with its latest change, and drops it once its failures are put right', async () => {
  const now = Date.now();
  const a = await failingCase(now - 3 * HOUR);
  const b = await failingCase(now - 2 * HOUR);
  const order = async () =>
    (await findings()).items.map((i) => i.ref).filter((r) => r === `case:${a}` || r === `case:${b}`);
  expect(await order()).toEqual([`case:${b}`, `case:${a}`]);
  // Stored with the count, as the case's last change: `<updatedAt ISO>_<id>`.
  const stored = await storedCase(a);
  expect(stored.openFailures).toBeGreaterThan(0);
  expect(stored.failureKey).toBe(`${new Date(stored.updatedAt).toISOString()}_${a}`);

  // A later step on A (a piece of evidence filmed) leaves its failure and puts it first.
  await setClock(now - HOUR);
  const evidence = avRecord(a, 'evidence', new Date(now - 90 * 60_000), new Date(now - 80 * 60_000));
  expect(await t.call.staff(OFFICER, 'record.register', evidence)).toMatchObject({ ok: true });
  expect(await order()).toEqual([`case:${a}`, `case:${b}`]);

  // The questioning's recording registered: no failure left, no key, off the list.
  // (A's inquiry record says now − 5 h: failingCase dates it 2 hours before the step.)
  const questioning = avRecord(
    a,
    'questioning',
    new Date(now - 5 * HOUR - 120_000),
    new Date(now - 70 * 60_000),
  );
  expect(await t.call.staff(OFFICER, 'record.register', questioning)).toMatchObject({ ok: true });
  const cleared = await storedCase(a);
  expect(cleared.openFailures).toBe(0);
  expect(cleared).not.toHaveProperty('failureKey');
  expect(await order()).toEqual([`case:${b}`]);
});
