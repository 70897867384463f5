/**
 * Reminders that keep reaching staff (REC-10: hand-over within 2 working days, 细则第二十一条; PUB-12 clocks):
 * once per working day at the settings' time (default 09:00 Shanghai) the scheduler's timer run sends each
 * person ONE reminder of their overdue and due-soon work, read from the dashboard's deadline providers, on the
 * channel that reaches them (here SMS to the work mobile, through the outbox to the fake provider). Nothing on a
 * weekend, nothing before the time, nothing twice the same day across runs, nothing for someone with nothing due.
 */
import { randomUUID } from 'node:crypto';
import type { DeadlineItem } from '../../../server/dashboard/registry';
import { reminderText } from '../../../server/features/official-account/daily-reminders';
import { allDocs, sdkApp, useSeededEmulator } from '../complaint/helpers';
import { avRecord, CUSTODIAN, OFFICER, openCase, organisation } from '../case/helpers';
import { fireTimer } from './helpers';

const t = useSeededEmulator();
const DAY = 86_400_000;
const OFFICER_ID = 'stf_officer_1';
const CUSTODIAN_ID = 'stf_custodian';
const OFFICER_PHONE = '13800001111';
const CUSTODIAN_PHONE = '13800002222';

const setClock = (iso: string) => t.emu.post('/_emulator/clock', { now: iso });
const smsTo = async (phone: string) =>
  ((await t.emu.get('/_emulator/sms')).body.items as any[]).filter((s) => s.phone === phone);
const dailyRecords = async (staffId: string) =>
  (await allDocs('sys_outbox')).filter((r) => /^rm_due-/.test(r._id) && r._id.endsWith(`_${staffId}`));

/** The civil date `days` after `date` (YYYY-MM-DD), and its weekday (0 Sunday). */
function plus(date: string, days: number): { date: string; weekday: number } {
  const d = new Date(Date.parse(`${date}T12:00:00+08:00`) + days * DAY);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
}

/** The first Saturday at least two days after `date`, and the Monday after it. */
function weekendThenMonday(date: string): { saturday: string; monday: string } {
  for (let i = 2; ; i++) {
    const d = plus(date, i);
    if (d.weekday === 6) return { saturday: d.date, monday: plus(d.date, 2).date };
  }
}

it('reminds an officer of an overdue hand-over once, on a working day at the set time only', async () => {
  for (const [who, phone] of [
    [OFFICER, OFFICER_PHONE],
    [CUSTODIAN, CUSTODIAN_PHONE],
  ] as const) {
    expect(await t.call.staff(who, 'reminders.setChannels', { phone })).toMatchObject({ ok: true });
  }
  const { id: caseId } = await openCase(t.call);
  const at = Date.now();
  const registered = await t.call.staff(
    OFFICER,
    'record.register',
    avRecord(caseId, 'evidence', new Date(at - 2 * 3_600_000), new Date(at - 3_600_000)),
  );
  expect(registered).toMatchObject({ ok: true });
  const { saturday, monday } = weekendThenMonday(registered.data.handoverDueDate);

  // A weekend: the hand-over is overdue, but no one is reminded.
  await setClock(`${saturday}T09:30:00+08:00`);
  expect(await fireTimer(t.emu)).toMatchObject({ ok: true, data: { 'reminders.daily': { ok: true } } });
  expect(await dailyRecords(OFFICER_ID)).toEqual([]);

  // A working day before the time: nothing yet.
  await setClock(`${monday}T08:55:00+08:00`);
  expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({ ok: true, data: { ran: false } });
  expect(await dailyRecords(OFFICER_ID)).toEqual([]);

  // At the time: one reminder, with counts (the first items go in the subscribe message, not the SMS).
  await setClock(`${monday}T09:01:00+08:00`);
  expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({
    ok: true,
    data: { ran: true, date: monday },
  });
  const [record] = await dailyRecords(OFFICER_ID);
  expect(record).toMatchObject({ _id: `rm_due-${monday}_${OFFICER_ID}`, kind: 'sms' });
  expect(record.payload.params[0]).toMatch(/^待办：逾期\d+项/);
  expect(JSON.stringify(record)).not.toContain(organisation().name);

  // Later runs the same day deliver it and queue nothing more; the SMS reaches the officer once.
  for (const time of ['09:02', '11:30', '16:45']) {
    await setClock(`${monday}T${time}:00+08:00`);
    expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({ data: { ran: false } });
  }
  expect(await dailyRecords(OFFICER_ID)).toHaveLength(1);
  const sent = await smsTo(OFFICER_PHONE);
  expect(sent).toHaveLength(1);
  expect(sent[0].params).toEqual([record.payload.params[0]]);

  // The custodian has nothing due: no reminder, no SMS.
  expect(await dailyRecords(CUSTODIAN_ID)).toEqual([]);
  expect(await smsTo(CUSTODIAN_PHONE)).toEqual([]);
});

it('follows the time set in the settings', async () => {
  const published = await t.call.staff('demo-admin-1', 'settings.publish', {
    values: { staffReminders: { time: '14:00' } },
  });
  expect(published).toMatchObject({ ok: true });
  // A Monday far enough on that the case above is still overdue and no reminder was sent for that day.
  const { monday } = weekendThenMonday(plus(new Date().toISOString().slice(0, 10), 21).date);
  await setClock(`${monday}T09:30:00+08:00`);
  expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({ data: { ran: false } });
  await setClock(`${monday}T14:05:00+08:00`);
  expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({ data: { ran: true } });
  expect((await dailyRecords(OFFICER_ID)).map((r) => r._id)).toContain(`rm_due-${monday}_${OFFICER_ID}`);
  await setClock(`${monday}T14:06:00+08:00`);
  await fireTimer(t.emu); // delivers it
});

it('sends one reminder across overlapping runs and a run resumed after its day marker was lost', async () => {
  const { monday } = weekendThenMonday(plus(new Date().toISOString().slice(0, 10), 42).date);
  const smsBefore = (await smsTo(OFFICER_PHONE)).length;
  await setClock(`${monday}T14:10:00+08:00`);
  await Promise.all([fireTimer(t.emu), fireTimer(t.emu)]);
  // As if the run had stopped after queuing but before writing its marker: the next run queues nobody again.
  await sdkApp().database().collection('staff_reminder_days').doc(monday).remove();
  await setClock(`${monday}T14:11:00+08:00`);
  expect((await fireTimer(t.emu)).data['reminders.daily']).toMatchObject({ data: { ran: true } });
  await setClock(`${monday}T14:12:00+08:00`);
  await fireTimer(t.emu);
  const ofDay = (await dailyRecords(OFFICER_ID)).filter((r) => r._id.includes(monday));
  expect(ofDay).toHaveLength(1);
  expect(ofDay[0].status).toBe('sent');
  expect(await smsTo(OFFICER_PHONE)).toHaveLength(smsBefore + 1);
});

describe('the reminder text', () => {
  const item = (status: 'overdue' | 'dueSoon', text: string, due: string): DeadlineItem => ({
    unitId: 'u',
    section: 's',
    person: 'p',
    item: text,
    dueAt: new Date(due),
    status,
  });

  it('counts overdue and due-soon work and names the earliest overdue first, within 20 characters', () => {
    const text = reminderText([
      item('dueSoon', '案B 待决定', '2026-12-09'),
      item('overdue', '案A 待移交', '2026-12-03'),
      item('overdue', '案C 待移交', '2026-12-01'),
    ]);
    expect(text.subject).toBe('待办：逾期2项，即将到期1项');
    expect(text.detail.startsWith('案C 待移交；案A 待移交')).toBe(true);
    expect(text.detail.length).toBeLessThanOrEqual(20);
    expect(reminderText([item('overdue', randomUUID(), '2026-12-01')]).detail).toHaveLength(20);
  });
});
