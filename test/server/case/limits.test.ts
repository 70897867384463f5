/**
 * The legal time limits of a case as kernel clocks (REC-1; 行政处罚法 Art. 56, 60; 行政强制法 Art. 25): the penalty
 * decision clock pauses for a hearing and resumes with the paused days added back, and is extended only by the unit
 * head; a seizure's clock is extended once; the evidence hold runs until its decision.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { HEAD, OFFICER, openCase } from './helpers';

const t = useSeededEmulator();
const DAY = 86_400_000;
const clockOf = (res: any, name: string) => res.data.clocks.find((c: any) => c.name === name);

it('pauses the decision clock for a hearing and resumes it later, the due date moved on', async () => {
  const { id } = await openCase(t.call);
  const before = clockOf(await t.call.staff(OFFICER, 'case.get', { id }), 'decision');
  const paused = await t.call.staff(OFFICER, 'case.clock', {
    id,
    op: 'pause',
    clock: 'decision',
    pauseReason: 'hearing',
    reason: '当事人申请听证',
  });
  expect(clockOf(paused, 'decision')).toMatchObject({ dueDate: null, pausedOn: expect.any(String) });
  expect(
    await t.call.staff(OFFICER, 'case.clock', {
      id,
      op: 'pause',
      clock: 'decision',
      pauseReason: 'hearing',
      reason: '再次中止',
    }),
  ).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  await t.emu.post('/_emulator/clock', { now: new Date(Date.now() + 10 * DAY).toISOString() });
  const resumed = await t.call.staff(OFFICER, 'case.clock', {
    id,
    op: 'resume',
    clock: 'decision',
    reason: '听证结束',
  });
  expect(clockOf(resumed, 'decision').pausedOn).toBeNull();
  expect(clockOf(resumed, 'decision').dueDate > before.dueDate).toBe(true);
});

it('extends the decision clock only by the unit head’s approval', async () => {
  const { id } = await openCase(t.call);
  const extend = { id, op: 'extend', clock: 'decision', days: 30, reason: '案情复杂，需要延长办案期限' };
  expect(await t.call.staff(OFFICER, 'case.clock', extend)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const done = await t.call.staff(HEAD, 'case.clock', extend);
  expect(clockOf(done, 'decision')).toMatchObject({ extendedDays: 30 });
});

it('extends a seizure’s 30 days once, by at most 30 days (行政强制法 Art. 25)', async () => {
  const { id } = await openCase(t.call, { kind: 'coercion', cause: '扣押涉嫌违法的药品' });
  await t.call.staff(HEAD, 'case.advance', { id, stage: 'approval' });
  await t.call.staff(OFFICER, 'case.advance', { id, stage: 'measure' });
  const extend = { id, op: 'extend', clock: 'coercion', reason: '需要检验鉴定' };
  expect(await t.call.staff(HEAD, 'case.clock', { ...extend, days: 31 })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.days': expect.any(String) } },
  });
  expect(await t.call.staff(HEAD, 'case.clock', { ...extend, days: 30 })).toMatchObject({ ok: true });
  expect(await t.call.staff(HEAD, 'case.clock', { ...extend, days: 10 })).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', message: '查封、扣押期限只能延长一次' },
  });
});

it('runs the evidence hold’s 7 working days until its decision (行政处罚法 Art. 56)', async () => {
  const { id } = await openCase(t.call);
  const held = await t.call.staff(OFFICER, 'case.clock', { id, op: 'holdEvidence', reason: '证据可能灭失' });
  expect(clockOf(held, 'evidenceHold')).toMatchObject({ stoppedOn: null, dueDate: expect.any(String) });
  const decided = await t.call.staff(OFFICER, 'case.clock', {
    id,
    op: 'decideHeldEvidence',
    reason: '解除先行登记保存',
  });
  expect(clockOf(decided, 'evidenceHold').stoppedOn).toEqual(expect.any(String));
});
