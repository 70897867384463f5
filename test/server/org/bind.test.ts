/**
 * Staff invitations and binding through the `staff` function: unbound identities are
 * refused, identity in the event is ignored, a code binds once, expires, and attempts are limited per
 * identity across fresh function instances.
 */
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, staffCaller, startSeededEmulator } from './helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

async function invite(roles = ['officer'], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await staff('demo-admin-1', 'staff.invite', {
    name: '新同事',
    unitId: 'unit_enforcement',
    roles,
    ...extra,
  });
  expect(res).toMatchObject({ ok: true });
  return res.data.inviteCode;
}

describe('unbound identities', () => {
  it('refuses a staff action from an identity with no account', async () => {
    const res = await staff(newOpenid(), 'staff.me');
    expect(res.ok).toBe(false);
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(res.error.code);
  });

  it('refuses a call without any identity as UNAUTHENTICATED', async () => {
    const res = await staff(undefined, 'staff.me');
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('ignores an identity written into the event', async () => {
    const event = {
      action: 'staff.me',
      payload: {},
      requestId: 'req-identity-1',
      userInfo: { openId: 'demo-admin-1' },
    };
    const spoofed = await emu.call(
      'staff',
      { ...event, openid: 'demo-admin-1', WX_OPENID: 'demo-admin-1' },
      newOpenid(),
    );
    expect(spoofed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const real = await staff('demo-admin-1', 'staff.me');
    expect(real).toMatchObject({ ok: true, data: { staffId: 'stf_admin_1' } });
  });
});

describe('invitations', () => {
  it('are 100-bit codes in typeable groups', async () => {
    const code = await invite();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/);
  });

  it('bind once: the second use and other identities are refused', async () => {
    const code = await invite(['officer', 'custodian']);
    const alice = newOpenid();
    const bound = await staff(alice, 'staff.bind', { inviteCode: code.toLowerCase().replace(/-/g, ' ') });
    expect(bound).toMatchObject({ ok: true, data: { name: '新同事', bound: true } });
    const me = await staff(alice, 'staff.me');
    expect(me.data.roles.map((r: { role: string }) => r.role).sort()).toEqual(['custodian', 'officer']);
    expect(me.data.unit).toMatchObject({ id: 'unit_enforcement', name: '区卫生健康综合行政执法支队' });

    expect(await staff(newOpenid(), 'staff.bind', { inviteCode: code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The bound identity cannot bind again, not even with a new invitation.
    const again = await staff(alice, 'staff.bind', { inviteCode: await invite() });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已绑定') },
    });
  });

  it('expire after 7 days by default', async () => {
    const code = await invite();
    await emu.post('/_emulator/clock', { now: new Date(Date.now() + 7 * 86_400_000 + 60_000).toISOString() });
    expect(await staff(newOpenid(), 'staff.bind', { inviteCode: code })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: expect.stringContaining('过期') },
    });
  });

  it('bind within their validity', async () => {
    const code = await invite();
    await emu.post('/_emulator/clock', { now: new Date(Date.now() + 6 * 86_400_000).toISOString() });
    expect(await staff(newOpenid(), 'staff.bind', { inviteCode: code })).toMatchObject({ ok: true });
  });

  it('limit attempts per identity (5 an hour), counted in the database across instances', async () => {
    const mallory = newOpenid();
    for (let i = 0; i < 5; i++) {
      const res = await staff(mallory, 'staff.bind', { inviteCode: 'AAAA-BBBB-CCCC-DDDD-EEE' + (i + 2) });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'payload.inviteCode': expect.stringContaining('邀请码') } },
      });
    }
    const good = await invite();
    const limited = await staff(mallory, 'staff.bind', { inviteCode: good });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const retryAfter = Date.parse(limited.error.retryAfter);
    expect(retryAfter).toBeGreaterThan(Date.now());
    expect(retryAfter - Date.now()).toBeLessThanOrEqual(3600_000);
    // Another identity is not affected; after the window the limited one may try again.
    expect(await staff(newOpenid(), 'staff.bind', { inviteCode: 'AAAA-BBBB-CCCC-DDDD-EEE2' })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    await emu.post('/_emulator/clock', { now: new Date(retryAfter + 1000).toISOString() });
    expect(await staff(mallory, 'staff.bind', { inviteCode: good })).toMatchObject({ ok: true });
  });

  it('cannot carry sensitive roles when an administrator invites', async () => {
    const res = await staff('demo-admin-1', 'staff.invite', {
      name: '甲',
      unitId: 'unit_commission',
      roles: ['admin'],
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('can only be created by administrators', async () => {
    const res = await staff('demo-officer-1', 'staff.invite', {
      name: '乙',
      unitId: 'unit_enforcement',
      roles: ['officer'],
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
