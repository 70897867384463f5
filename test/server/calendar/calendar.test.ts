/**
 * Administrator holiday tables through the staff function (docs/requirements.md "Rules used everywhere": a year without
 * official data is provisional until its table is loaded) and their effect on a real deadline.
 */
import { newOpenid, submission, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';

const t = useSeededEmulator();

const table2027 = {
  year: 2027,
  // Test data, not the real 2027 arrangement: three extra rest days in early March.
  holidays: ['2027-03-02', '2027-03-03', '2027-03-04'],
  makeUpWorkdays: ['2027-03-06'],
  source: '测试用放假安排',
};

it('shows which data answers for each year', async () => {
  await t.emu.post('/_emulator/clock', { now: '2026-12-01T09:00:00+08:00' });
  const res = await t.call.staff('demo-officer-1', 'calendar.years', {});
  expect(res.ok).toBe(true);
  const byYear = Object.fromEntries(res.data.items.map((i: any) => [i.year, i]));
  expect(byYear[2026]).toMatchObject({ kind: 'chinese-days', provisional: false });
  expect(byYear[2027]).toMatchObject({
    kind: 'statutory',
    provisional: true,
    label: '按放假办法推算（暂定）',
  });
});

it('counts the years from the Shanghai date: at 17:00 UTC on 31 December it is already the next year', async () => {
  // 2026-12-31T17:00Z is 2027-01-01 01:00 in Shanghai (docs/requirements.md: all dates are China Standard Time).
  await t.emu.post('/_emulator/clock', { now: '2026-12-31T17:00:00Z' });
  const res = await t.call.staff('demo-officer-1', 'calendar.years', {});
  expect(res.data.items.map((i: any) => i.year)).toEqual([2026, 2027, 2028, 2029]);
  // Just before midnight in Shanghai (15:59Z = 23:59 on 31 December) it is still 2026.
  await t.emu.post('/_emulator/clock', { now: '2026-12-31T15:59:00Z' });
  const before = await t.call.staff('demo-officer-1', 'calendar.years', {});
  expect(before.data.items.map((i: any) => i.year)).toEqual([2025, 2026, 2027, 2028]);
});

it('lets only an administrator load a year, and validates the table field by field', async () => {
  const notAdmin = await t.call.staff('demo-officer-1', 'calendar.loadYear', table2027);
  expect(notAdmin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const bad = await t.call.staff('demo-admin-1', 'calendar.loadYear', {
    ...table2027,
    makeUpWorkdays: ['2027-03-03'],
  });
  expect(bad.ok).toBe(false);
  expect(bad.error.code).toBe('INVALID_INPUT');
  expect(bad.error.fields['payload.makeUpWorkdays.0']).toMatch(/星期六或星期日|既是放假日/);
});

it('uses a loaded table for deadlines: the acceptance date moves, and is no longer provisional', async () => {
  await t.emu.post('/_emulator/clock', { now: '2027-03-01T10:00:00+08:00' }); // a Monday
  const before = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  expect(before.ok).toBe(true);
  // 7 working days after Mon 1 March on the statutory computation: 2,3,4,5,8,9,10 → Wed 10 March.
  expect(before.data.acceptanceDueDate).toBe('2027-03-10');

  const loaded = await t.call.staff('demo-admin-1', 'calendar.loadYear', table2027);
  expect(loaded).toMatchObject({ ok: true, data: { year: 2027, kind: 'admin', provisional: false } });

  const after = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  // 2-4 March are rest days now, Saturday 6 March is a working day: 5,6,8,9,10,11,12 → Fri 12 March.
  expect(after.data.acceptanceDueDate).toBe('2027-03-12');

  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
});
