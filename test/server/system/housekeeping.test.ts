/**
 * The scheduler removes expired technical records (stored idempotent answers, rate-limit windows) and keeps the
 * ones still in force; the records the regulations keep are untouched.
 */
import { allDocs, newOpenid, submission, useSeededEmulator } from '../complaint/helpers';

const t = useSeededEmulator();

it('removes expired idempotency and rate-limit records on the timer, and nothing else', async () => {
  const submitted = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  expect(submitted.ok).toBe(true);
  expect((await allDocs('sys_idempotency')).length).toBeGreaterThan(0);
  expect((await allDocs('sys_rate_limits')).length).toBeGreaterThan(0);
  const complaints = (await allDocs('complaints')).length;
  const ledger = (await allDocs('sys_ledger')).length;

  // Still in force an hour later.
  await t.emu.post('/_emulator/clock', { now: new Date(Date.now() + 3600_000).toISOString() });
  expect((await t.emu.post('/timer/scheduler')).body.ok).toBe(true);
  expect((await allDocs('sys_idempotency')).length).toBeGreaterThan(0);

  // Two days later both are gone; the complaint and the ledger are not.
  await t.emu.post('/_emulator/clock', { now: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  const fired = await t.emu.post('/timer/scheduler');
  expect(fired.body.ok).toBe(true);
  expect(fired.body.data['housekeeping.expire']).toMatchObject({ ok: true });
  expect(await allDocs('sys_idempotency')).toEqual([]);
  expect(await allDocs('sys_rate_limits')).toEqual([]);
  expect((await allDocs('complaints')).length).toBe(complaints);
  expect((await allDocs('sys_ledger')).length).toBeGreaterThanOrEqual(ledger);
});

it('refuses a client call of the housekeeping action', async () => {
  const res = await t.emu.call('scheduler', { action: 'housekeeping.expire', payload: {} }, 'someone');
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
