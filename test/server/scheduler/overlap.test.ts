/**
 * Exactly once under overlap and cut-short runs (PUB-11): with the database as slow as a
 * deployment's (DB_LATENCY_MS 20, jitter 10, as bench/round-trips.ts), two timer runs fired together publish each
 * entry once (one holds the `scheduler` lease, the other does nothing); a run whose budget is spent stops
 * cleanly and the following runs go on until every entry is published, none twice, none skipped; a run that died
 * holding the lease keeps others off only until the lease lapses.
 */
import { allDocs, sdkApp, useSeededEmulator } from '../complaint/helpers';
import { approvedFor, fireTimer, publications, statuses } from './helpers';

jest.setTimeout(120_000);
const ctx = useSeededEmulator();
const HOUR = 3600_000;
const LATENCY = { ms: 20, jitterMs: 10, seed: 7 };

let T0 = 0;
const setClock = (ms: number) => ctx.emu.post('/_emulator/clock', { now: new Date(T0 + ms).toISOString() });
const withLatency = async <T>(work: () => Promise<T>): Promise<T> => {
  ctx.emu.ctx.options.dbLatency = LATENCY;
  try {
    return await work();
  } finally {
    ctx.emu.ctx.options.dbLatency = undefined;
  }
};

beforeEach(() => {
  T0 = Date.now();
});
afterEach(() => {
  delete process.env.SCHEDULER_RUN_BUDGET_MS;
});

it('two overlapping runs publish each entry once: one holds the lease, the other does nothing', async () => {
  const ids = await approvedFor(ctx.call, 12, new Date(T0 + HOUR).toISOString());
  await setClock(HOUR + 60_000);
  const [a, b] = await withLatency(() => Promise.all([fireTimer(ctx.emu), fireTimer(ctx.emu)]));
  expect([a.ok, b.ok]).toEqual([true, true]);
  expect([a.data.run.leased, b.data.run.leased].sort()).toEqual([false, true]);
  const winner = a.data.run.leased ? a : b;
  expect(winner.data['publication.publishDue'].data).toMatchObject({ published: 12, more: false });
  expect(await statuses(ids)).toEqual(ids.map(() => 'published'));
  const counts = await publications();
  expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
});

it('a run whose budget is spent stops cleanly; the next runs go on; each entry published once', async () => {
  const ids = await approvedFor(ctx.call, 16, new Date(T0 + HOUR).toISOString());
  await setClock(HOUR + 60_000);
  // A budget that lets a run publish only a few entries with the database this slow.
  process.env.SCHEDULER_RUN_BUDGET_MS = '1500';
  const runs: any[] = [];
  await withLatency(async () => {
    for (let i = 0; i < 40 && (await statuses(ids)).includes('approved'); i++)
      runs.push(await fireTimer(ctx.emu));
  });
  expect(runs.length).toBeGreaterThan(1);
  const first = runs[0];
  expect(first.ok).toBe(true);
  expect(first.data.run).toMatchObject({ leased: true, budgetMs: 1500 });
  // The first run stopped before the end: entries left, or actions it did not reach.
  expect(
    first.data['publication.publishDue']?.data?.more === true || first.data.run.notReached.length > 0,
  ).toBe(true);
  expect(await statuses(ids)).toEqual(ids.map(() => 'published'));
  const counts = await publications();
  expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
  // Each run gave its lease back: the next one did not wait for it to lapse.
  expect(runs.every((r) => r.data.run.leased)).toBe(true);
});

it('a run that died holding the lease keeps the others off until the lease lapses', async () => {
  const ids = await approvedFor(ctx.call, 2, new Date(T0 + HOUR).toISOString());
  await setClock(HOUR + 60_000);
  // A crashed run's lease: taken a moment ago, never given back.
  const taken = new Date(T0 + HOUR + 60_000);
  await sdkApp()
    .database()
    .collection('sys_leases')
    .doc('scheduler')
    .set({ holder: 'run_dead', until: new Date(taken.getTime() + 65_000), token: 41, takenAt: taken });

  const held = await fireTimer(ctx.emu);
  expect(held.ok).toBe(true);
  expect(held.data.run.leased).toBe(false);
  expect(held.data['publication.publishDue']).toBeUndefined();
  expect(await statuses(ids)).toEqual(['approved', 'approved']);

  // The function's time limit (60 s) and the slack have passed: the lease lapsed, the next run takes it.
  await setClock(HOUR + 60_000 + 70_000);
  const next = await fireTimer(ctx.emu);
  expect(next.data.run.leased).toBe(true);
  expect(await statuses(ids)).toEqual(['published', 'published']);
  const lease = (await allDocs('sys_leases')).find((d) => d._id === 'scheduler');
  expect(lease).toMatchObject({ token: 42 });
});
