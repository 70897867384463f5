/**
 * Invitation codes are secrets shown once: no stored answer, no document and no database file holds one, a replay
 * of the inviting request is refused instead of showing the code again, and a lost code is reissued (the old one
 * stops working). An account is what every access check starts from (REC-14).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, staffCaller, startSeededEmulator } from './helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
});
afterAll(() => emu.stop());

const inviteBody = { name: '新同事', unitId: 'unit_enforcement', roles: ['officer'] };

/** Every byte the emulator keeps on disk for its database (SQLite file, WAL and shared memory). */
function databaseBytes(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(readFileSync(p).toString('latin1'));
    }
  };
  walk(emu.dataDir);
  return out.join('\n');
}

it('keeps no invitation code anywhere in the database, stored answers included', async () => {
  const res = await staff('demo-admin-1', 'staff.invite', inviteBody);
  expect(res).toMatchObject({
    ok: true,
    data: { inviteCode: expect.any(String), staffId: expect.any(String) },
  });
  const code: string = res.data.inviteCode;
  const bytes = databaseBytes();
  expect(bytes).toContain(res.data.staffId); // the scan read the files the new account was written to
  expect(bytes).not.toContain(code);
  expect(bytes).not.toContain(code.replace(/-/g, ''));
});

it('refuses a replay of the inviting request instead of showing the code again', async () => {
  const requestId = `invite-${Date.now()}`;
  const first = await staff('demo-admin-1', 'staff.invite', inviteBody, requestId);
  expect(first.ok).toBe(true);
  const again = await staff('demo-admin-1', 'staff.invite', inviteBody, requestId);
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(again.error.message).toContain('重新生成邀请码');
  expect(again.error.message).toContain(first.data.staffId);
  expect(JSON.stringify(again)).not.toContain(first.data.inviteCode);
  // The first code still works: the replay changed nothing.
  expect(await staff(newOpenid(), 'staff.bind', { inviteCode: first.data.inviteCode })).toMatchObject({
    ok: true,
  });
});

describe('reissuing a lost code', () => {
  it('gives a new code and makes every earlier code of the account stop working', async () => {
    const first = await staff('demo-admin-1', 'staff.invite', inviteBody);
    const staffId = first.data.staffId;
    const second = await staff('demo-admin-2', 'staff.reinvite', { staffId });
    expect(second).toMatchObject({ ok: true, data: { staffId, inviteCode: expect.any(String) } });
    expect(second.data.inviteCode).not.toBe(first.data.inviteCode);
    expect(await staff(newOpenid(), 'staff.bind', { inviteCode: first.data.inviteCode })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: expect.stringContaining('作废') },
    });
    const alice = newOpenid();
    expect(await staff(alice, 'staff.bind', { inviteCode: second.data.inviteCode })).toMatchObject({
      ok: true,
      data: { staffId },
    });
    expect(await staff('demo-admin-1', 'staff.reinvite', { staffId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
  });

  it('is for administrators only', async () => {
    const first = await staff('demo-admin-1', 'staff.invite', inviteBody);
    expect(await staff('demo-officer-1', 'staff.reinvite', { staffId: first.data.staffId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('never hands an unbound account holding a sensitive role to whoever receives a new code', async () => {
    const first = await staff('demo-admin-1', 'staff.invite', inviteBody);
    const grant = await staff('demo-admin-1', 'staff.grantRole', {
      staffId: first.data.staffId,
      role: 'reviewer',
      unitId: 'unit_enforcement',
    });
    expect(grant).toMatchObject({ ok: true, data: { status: 'pending' } });
    const approved = await staff('demo-admin-2', 'staff.approveGrant', {
      grantRequestId: grant.data.grantRequestId,
    });
    expect(approved.ok).toBe(true);
    expect(await staff('demo-admin-2', 'staff.reinvite', { staffId: first.data.staffId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
