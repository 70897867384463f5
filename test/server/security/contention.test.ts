/**
 * Many callers at once end ok, CONFLICT or RATE_LIMITED, never INTERNAL, and every limit holds exactly: the
 * shared paths every write goes through (idempotency records, rate-limit windows, invitation attempts).
 */
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, staffCaller, startSeededEmulator } from '../org/helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
});
afterAll(() => emu.stop());

const codes = (answers: any[]) => answers.map((a) => (a.ok ? 'OK' : a.error.code));
const tally = (answers: any[]) =>
  codes(answers).reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

const wrongCode = (i: number) => `AAAA-BBBB-CCCC-DDDD-${String(i).padStart(4, '2').replace(/[01]/g, 'Z')}`;

it('evaluates at most 5 of 30 concurrent wrong invitation codes from one identity', async () => {
  const mallory = newOpenid();
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) => staff(mallory, 'staff.bind', { inviteCode: wrongCode(i) })),
  );
  expect(tally(answers)).toEqual({ INVALID_INPUT: 5, RATE_LIMITED: 25 });
});

it('binds one of 20 identities racing for the same code; the others get CONFLICT', async () => {
  const invited = await staff('demo-admin-1', 'staff.invite', {
    name: '新同事',
    unitId: 'unit_enforcement',
    roles: ['officer'],
  });
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      staff(newOpenid(), 'staff.bind', { inviteCode: invited.data.inviteCode }),
    ),
  );
  expect(tally(answers)).toEqual({ OK: 1, CONFLICT: 19 });
});

it('runs a request once when 20 copies of it arrive at the same moment', async () => {
  const requestId = `race-${Date.now()}`;
  const body = { name: '同一请求', unitId: 'unit_enforcement', roles: ['officer'] };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => staff('demo-admin-1', 'staff.invite', body, requestId)),
  );
  const t = tally(answers);
  expect(t.OK).toBe(1);
  expect(t.CONFLICT).toBe(19);
  const accounts = await staff('demo-admin-1', 'staff.list', { unitId: 'unit_enforcement' });
  expect(accounts.data.items.filter((a: { name: string }) => a.name === '同一请求')).toHaveLength(1);
});
