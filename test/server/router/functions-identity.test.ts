/**
 * The security baseline of every deployed function through the emulator's runner (`POST /fn/<name>`, identity in
 * headers → SCF context → router), not only through `main()`: a wrong app id is refused by public, citizen,
 * staff, scheduler and opendata; the scheduler refuses every action from anything but the timer; an identity
 * written into the event changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { SCHEDULER_API } from '../../../core/contract/api';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
});
afterAll(() => emu.stop());

const FOREIGN_APP = 'wx_some_other_app';
const event = (action: string, payload: unknown = {}, extra: Record<string, unknown> = {}) => ({
  action,
  payload,
  requestId: randomUUID(),
  ...extra,
});
/** Every way a client could try to claim an identity or a trigger in the event body. */
const FORGED = {
  WX_OPENID: 'demo-admin-1',
  openid: 'demo-admin-1',
  userInfo: { openId: 'demo-admin-1', appId: 'wx_emulator_app' },
  TRIGGER_SRC: 'timer',
  Type: 'Timer',
};
const SCHEDULER_ACTIONS = Object.keys(SCHEDULER_API);

describe('a wrong app id is refused by every function', () => {
  it.each([
    ['public', 'ledger.head'],
    ['citizen', 'complaint.mine'],
    ['staff', 'staff.me'],
    ['scheduler', 'outbox.deliver'],
  ])('%s %s', async (fn, action) => {
    // The same call with the configured app id is not refused for its app id (control).
    const own = await emu.call(fn, event(action), 'demo-admin-1');
    expect(own.ok === true || own.error.message !== '调用来源不是本小程序').toBe(true);
    const foreign = await emu.call(fn, event(action), 'demo-admin-1', FOREIGN_APP);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opendata (HTTP access function)', async () => {
    const own = await emu.call('opendata', {}, 'o-someone');
    expect(own.statusCode).toBe(404);
    const foreign = await emu.call('opendata', {}, 'o-someone', FOREIGN_APP);
    expect(foreign.statusCode).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the scheduler answers only its timer', () => {
  it('has timer actions to guard', () => {
    expect(SCHEDULER_ACTIONS).toEqual(expect.arrayContaining(['ledger.anchor', 'outbox.deliver']));
  });

  it.each(SCHEDULER_ACTIONS)('refuses %s from a client, even with a timer-shaped event', async (action) => {
    for (const openid of ['demo-admin-1', undefined]) {
      const res = await emu.call('scheduler', event(action, {}, FORGED), openid);
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses a client sending the timer event itself', async () => {
    const res = await emu.call('scheduler', { Type: 'Timer', TriggerName: 'everyMinute' }, 'demo-admin-1');
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('runs every timer action when the timer fires', async () => {
    const res = await emu.post('/timer/scheduler', {});
    expect(res.body).toMatchObject({ ok: true });
    // Each action's answer, and the run's own report (lease, budget, actions not reached: the channels).
    expect(Object.keys(res.body.data).sort()).toEqual([...SCHEDULER_ACTIONS, 'run'].sort());
    expect(res.body.data.run).toMatchObject({ leased: true, notReached: [] });
  });
});

describe('an identity written into the event changes nothing', () => {
  it('citizen with no identity in the context is UNAUTHENTICATED', async () => {
    const res = await emu.call('citizen', event('complaint.mine', {}, FORGED));
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('staff from an unbound identity stays unbound, whatever the event claims', async () => {
    const res = await emu.call('staff', event('staff.me', {}, FORGED), 'o-not-staff');
    expect(res).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/) },
    });
    const none = await emu.call('staff', event('staff.me', {}, FORGED));
    expect(none).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('staff acts as the context identity, not the one in the event', async () => {
    const officer = await emu.call('staff', event('staff.me'), 'demo-officer-1');
    const forged = await emu.call('staff', event('staff.me', {}, FORGED), 'demo-officer-1');
    expect(forged).toEqual(officer);
    expect(forged.data.roles.map((g: { role: string }) => g.role)).not.toContain('admin');
  });
});
