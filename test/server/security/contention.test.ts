/**
 * Many callers at once end ok, CONFLICT or RATE_LIMITED, never INTERNAL, and every limit holds exactly: the
 * shared paths every write goes through (idempotency records, rate-limit windows, invitation attempts), and
 * the audit trail keeps every acknowledged change (REC-11).
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

describe('writes under contention (per-record chains: no global document to fight over)', () => {
  const submission = (i: number) => ({
    kind: 'complaint',
    category: '公共场所',
    subject: { name: `某某游泳馆${i}`, address: '北山大道 1 号' },
    description: '游泳池水浑浊有异味，没有消毒记录。',
    contact: { anonymous: false, name: '张三丰', phone: '13987654321' },
  });

  it('takes 50 submissions from 50 citizens at once, with conflicts injected into half the commits', async () => {
    await emu.post('/_emulator/db-faults', { transactionConflict: 25 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        emu.call(
          'citizen',
          { action: 'complaint.submit', payload: submission(i), requestId: `sub-${i}-${Date.now()}` },
          newOpenid(),
        ),
      ),
    );
    expect(tally(answers)).toEqual({ OK: 50 });
    await emu.post('/_emulator/db-faults', { transactionConflict: 0 });
  });

  it('lets exactly one of 20 racing transitions of one complaint win; the rest are refused, never INTERNAL', async () => {
    const submitted = await emu.call(
      'citizen',
      { action: 'complaint.submit', payload: submission(99), requestId: `race-sub-${Date.now()}` },
      newOpenid(),
    );
    const queue = await staff('demo-unit-head', 'complaint.queue', { status: 'submitted', pageSize: 50 });
    const id = queue.data.items.find(
      (i: { trackingNo: string }) => i.trackingNo === submitted.data.trackingNo,
    ).id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => staff('demo-unit-head', 'complaint.accept', { id })),
    );
    const t = tally(answers);
    expect(t.OK).toBe(1);
    expect(t.INTERNAL).toBeUndefined();
    // The losers either collided with the winner's revision (CONFLICT) or read the complaint already accepted.
    expect((t.CONFLICT ?? 0) + (t.PRECONDITION_FAILED ?? 0)).toBe(19);
  });
});
