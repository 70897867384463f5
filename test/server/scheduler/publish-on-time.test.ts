/**
 * Publishing at the set time (PUB-11): entries approved for a time are published by the first
 * timer run after it, not before, each once; the scheduler's actions refuse anything not fired by the timer.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { allDocs } from '../complaint/helpers';
import { approvedFor, fireTimer, publications, statuses } from './helpers';

const ctx = useSeededEmulator();
const HOUR = 3600_000;

it('publishes approved entries by the first timer run after their time, and not before', async () => {
  const T0 = Date.now();
  const at = new Date(T0 + 2 * HOUR).toISOString();
  const ids = await approvedFor(ctx.call, 3, at);

  await ctx.emu.post('/_emulator/clock', { now: new Date(T0 + 2 * HOUR - 60_000).toISOString() });
  const early = await fireTimer(ctx.emu);
  expect(early.ok).toBe(true);
  expect(early.data['publication.publishDue'].data).toMatchObject({ published: 0, more: false });
  expect(await statuses(ids)).toEqual(['approved', 'approved', 'approved']);

  await ctx.emu.post('/_emulator/clock', { now: new Date(T0 + 2 * HOUR + 60_000).toISOString() });
  const due = await fireTimer(ctx.emu);
  expect(due.data['publication.publishDue'].data).toMatchObject({ published: 3, refused: 0, more: false });
  expect(due.data.run).toMatchObject({ leased: true, notReached: [] });
  expect(await statuses(ids)).toEqual(['published', 'published', 'published']);

  // The next run finds nothing left: each entry was published once.
  await fireTimer(ctx.emu);
  const counts = await publications();
  expect(ids.map((id) => counts.get(id))).toEqual([1, 1, 1]);
});

it('refuses the publishing and display-end actions (both channels), and a timer-shaped event, from a client; takes no lease', async () => {
  const before = (await allDocs('sys_leases')).find((d) => d._id === 'scheduler');
  for (const action of ['publication.publishDue', 'publication.delistDue', 'publication.creditEndDue']) {
    const res = await ctx.emu.call('scheduler', { action, payload: {} }, 'someone');
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  const shaped = await ctx.emu.call('scheduler', { Type: 'Timer', TriggerName: 'everyMinute' }, 'someone');
  expect(shaped).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await allDocs('sys_leases')).find((d) => d._id === 'scheduler')).toEqual(before);
});
