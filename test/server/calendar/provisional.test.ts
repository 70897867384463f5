/**
 * Provisional deadlines over the emulator (docs/requirements.md "Calendar rules used everywhere": a deadline in a
 * year without official data is flagged provisional; administrators load the year's table). A complaint received
 * in such a year is told a provisional acceptance date; loading the official table recomputes it through the
 * kernel: later, never earlier than told (PUB-3: the complainant follows the date they were given), with an event
 * on the complaint's own chain (REC-11, REC-16).
 */
import { randomUUID } from 'node:crypto';
import { newOpenid, sdkApp, storedComplaint, submission, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';

const t = useSeededEmulator();

// Test data, not the real 2027 arrangement: 1/4 is an extra rest day, and 国庆 is one day only (no 补假 10/4-10/5).
const table2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-04', '2027-10-01'],
  makeUpWorkdays: [],
  source: '测试用放假安排',
};

async function eventsOf(id: string): Promise<any[]> {
  const res = await sdkApp()
    .database()
    .collection('sys_events')
    .where({ entity: `complaints/${id}` })
    .limit(100)
    .get();
  return (res.data as any[]).sort((a, b) => a.rev - b.rev);
}

it('a provisional acceptance date moves later, or is kept as told, when the official table is loaded', async () => {
  // Mon 2026-12-28: 12/29, 12/30, 12/31, (1/1 元旦), 1/4, 1/5, 1/6, 1/7 → 2027-01-07, reaching into 2027.
  await t.emu.post('/_emulator/clock', { now: '2026-12-28T10:00:00+08:00' });
  const winterOwner = newOpenid();
  const requestId = randomUUID();
  const winter = await t.call.citizen(winterOwner, 'complaint.submit', submission(), requestId);
  expect(winter.data).toMatchObject({ acceptanceDueDate: '2027-01-07', acceptanceDueProvisional: true });
  // Every place the complainant is told the date says it is provisional: a retried submission's answer, the view.
  const retried = await t.call.citizen(winterOwner, 'complaint.submit', submission(), requestId);
  expect(retried.data).toMatchObject({ trackingNo: winter.data.trackingNo, acceptanceDueProvisional: true });
  const winterView = await t.call.citizen(winterOwner, 'complaint.get', {
    trackingNo: winter.data.trackingNo,
  });
  expect(winterView.data).toMatchObject({ acceptanceDueDate: '2027-01-07', acceptanceDueProvisional: true });
  const mine = await t.call.citizen(winterOwner, 'complaint.mine', {});
  expect(mine.data.items).toEqual([expect.objectContaining({ acceptanceDueProvisional: true })]);
  // A hotline complaint recorded by staff: the date they read out to the reporter is flagged too.
  const hotline = await t.call.staff('demo-unit-head', 'complaint.record', {
    ...submission(),
    source: 'hotline12345',
  });
  expect(hotline.data).toMatchObject({ acceptanceDueDate: '2027-01-07', acceptanceDueProvisional: true });

  // Fri 2027-09-24: 9/27-9/30, then 10/1 国庆, 10/2-10/3 weekend, 10/4-10/5 补假 (放假办法 Art. 6), 10/6-10/8.
  await t.emu.post('/_emulator/clock', { now: '2027-09-24T10:00:00+08:00' });
  const autumnOwner = newOpenid();
  const autumn = await t.call.citizen(autumnOwner, 'complaint.submit', submission());
  expect(autumn.data).toMatchObject({ acceptanceDueDate: '2027-10-08', acceptanceDueProvisional: true });
  const before = await storedComplaint(autumn.data.trackingNo);
  expect(before._wf).toMatchObject({ provisionalDue: true, clocks: { acceptance: { provisional: true } } });

  const loaded = await t.call.staff('demo-admin-1', 'calendar.loadYear', table2027);
  expect(loaded).toMatchObject({
    ok: true,
    data: {
      year: 2027,
      kind: 'admin',
      provisional: false,
      recomputed: { records: 3, movedLater: 2, keptAsTold: 1, more: false },
    },
  });

  // Winter: 1/4 is a rest day now → 12/29, 12/30, 12/31, 1/5, 1/6, 1/7, 1/8: later, and official.
  const w = await storedComplaint(winter.data.trackingNo);
  expect(w.acceptanceDueDate).toBe('2027-01-08');
  expect(w._wf.clocks.acceptance).toMatchObject({ dueDate: '2027-01-08', provisional: false });
  expect(w._wf.provisionalDue).toBe(false);
  expect(w._wf.nextDue).toBe('2027-01-08');

  // Autumn: the table would give 10/6 (no 补假); the complainant was told 10/8, which is kept.
  const a = await storedComplaint(autumn.data.trackingNo);
  expect(a.acceptanceDueDate).toBe('2027-10-08');
  expect(a._wf.clocks.acceptance).toMatchObject({
    dueDate: '2027-10-08',
    keptDueDate: '2027-10-08',
    provisional: false,
  });
  expect(a._wf.dueDateChanges).toEqual([
    expect.objectContaining({
      clock: 'acceptance',
      told: '2027-10-08',
      recomputed: '2027-10-06',
      dueDate: '2027-10-08',
      provisional: false,
      reason: expect.stringContaining('2027'),
    }),
  ]);
  const view = await t.call.citizen(autumnOwner, 'complaint.get', { trackingNo: autumn.data.trackingNo });
  expect(view.data).toMatchObject({ acceptanceDueDate: '2027-10-08', acceptanceDueProvisional: false });
  const winterAfter = await t.call.citizen(winterOwner, 'complaint.get', {
    trackingNo: winter.data.trackingNo,
  });
  expect(winterAfter.data).toMatchObject({
    acceptanceDueDate: '2027-01-08',
    acceptanceDueProvisional: false,
  });
  const hotlineAfter = await storedComplaint(hotline.data.trackingNo);
  expect(hotlineAfter.acceptanceDueDate).toBe('2027-01-08');

  // Not a silent update: the recomputation is the complaint's next event, by the administrator.
  const events = await eventsOf(a._id);
  expect(events.map((e) => e.action)).toEqual(['complaint.submit', 'complaint.recomputeDeadlines']);
  expect(events[1].rev).toBe(a._rev);
  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
});

it('loading the table again changes nothing: no provisional date is left', async () => {
  await t.emu.post('/_emulator/clock', { now: '2027-09-25T10:00:00+08:00' });
  const again = await t.call.staff('demo-admin-1', 'calendar.loadYear', table2027);
  expect(again.data.recomputed).toEqual({ records: 0, movedLater: 0, keptAsTold: 0, more: false });
});

it('a complaint received after the table is loaded is not provisional', async () => {
  await t.emu.post('/_emulator/clock', { now: '2027-09-24T10:00:00+08:00' });
  const res = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  // 9/27-9/30, 10/1 off, 10/2-10/3 weekend, 10/4-10/6: the loaded table, official.
  expect(res.data).toMatchObject({ acceptanceDueDate: '2027-10-06', acceptanceDueProvisional: false });
});
