/**
 * The scheduler's safety net for provisional deadlines (docs/requirements.md "Calendar rules used everywhere"):
 * when the calendar's official data changed but the due dates were not recomputed (a load cut off after the table
 * was saved, or a chinese-days upgrade adding a year), `calendar.recompute` recomputes them on the next timer run,
 * later and never earlier, with an event on each record's chain (REC-11, REC-16). Nothing runs when nothing changed.
 */
import { saveYearTable } from '../../../server/calendar';
import type { Database } from '../../../server/platform/cloudbase';
import { newOpenid, sdkApp, storedComplaint, submission, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';

const t = useSeededEmulator();

async function fireTimer(): Promise<any> {
  const fired = await t.emu.post('/timer/scheduler');
  expect(fired.body.data['calendar.recompute']).toMatchObject({ ok: true });
  return fired.body.data['calendar.recompute'].data;
}

it('recomputes on the first run after the official data changed, and only then', async () => {
  // Tue 2027-12-28: 12/29-12/31, then 2028 computed: 1/1 元旦 on Saturday → 1/3 补假; 1/4-1/7 → 2028-01-07.
  await t.emu.post('/_emulator/clock', { now: '2027-12-28T10:00:00+08:00' });
  const res = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  expect(res.data).toMatchObject({ acceptanceDueDate: '2028-01-07', acceptanceDueProvisional: true });

  await fireTimer(); // the first run records the fingerprint (and finds nothing to change)
  expect(await fireTimer()).toEqual({ ran: false });

  // A 2028 table saved, but its load cut off before the recomputation (test data, not the real arrangement).
  const db = sdkApp().database() as unknown as Database;
  await saveYearTable(
    db,
    { actor: 'test:admin', action: 'calendar.loadYear', at: new Date('2027-12-28T02:00:00Z') },
    { year: 2028, holidays: ['2028-01-03', '2028-01-04'], makeUpWorkdays: [], source: '测试用放假安排' },
  );
  expect(await fireTimer()).toMatchObject({
    ran: true,
    records: 1,
    movedLater: 1,
    keptAsTold: 0,
    more: false,
  });

  // 1/1-1/2 weekend, 1/3-1/4 rest days: 12/29, 12/30, 12/31, 1/5, 1/6, 1/7, 1/10. Still provisional: the last
  // days of 2027 are computed too (this emulator has no 2027 table), so a 2027 table may still move it.
  const stored = await storedComplaint(res.data.trackingNo);
  expect(stored.acceptanceDueDate).toBe('2028-01-10');
  expect(stored._wf).toMatchObject({
    provisionalDue: true,
    clocks: { acceptance: { dueDate: '2028-01-10', provisional: true } },
    dueDateChanges: [expect.objectContaining({ told: '2028-01-07', dueDate: '2028-01-10' })],
  });
  expect(await fireTimer()).toEqual({ ran: false });
  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
});
