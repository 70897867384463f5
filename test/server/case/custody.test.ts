/**
 * Hand-over within 2 working days and tamper evidence (REC-10, REC-11, REC-16; 细则第二十一条): a record not
 * handed over shows on the dashboard, per officer and section, once the emulator clock passes its due date, and
 * is marked late when received; a later hand-over with a written reason approved before the deadline is not late;
 * a record edited directly in the database is named by `ledger.verify`.
 */
import { sdkApp, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { avRecord, CUSTODIAN, HEAD, OFFICER, openCase } from './helpers';

const t = useSeededEmulator();
const DAY = 86_400_000;

const setClock = (at: number) => t.emu.post('/_emulator/clock', { now: new Date(at).toISOString() });

async function registered(caseId: string, at = Date.now()) {
  const res = await t.call.staff(
    OFFICER,
    'record.register',
    avRecord(caseId, 'evidence', new Date(at - 2 * 3_600_000), new Date(at - 3_600_000)),
  );
  expect(res).toMatchObject({ ok: true });
  return res.data as { id: string; handoverDueDate: string };
}

function dashboardItem(dashboard: any, recordId: string) {
  for (const section of dashboard.sections)
    for (const person of section.people)
      for (const item of person.items)
        if (item.ref === `record:${recordId}`)
          return { section: section.section, person: person.person, ...item };
  return null;
}

it('shows a late hand-over on the dashboard per officer and section once the clock passes it', async () => {
  const { id } = await openCase(t.call);
  const record = await registered(id);
  const before = await t.call.staff(HEAD, 'dashboard', {});
  expect(dashboardItem(before.data, record.id)?.status).not.toBe('overdue');

  await setClock(Date.parse(`${record.handoverDueDate}T12:00:00+08:00`) + 2 * DAY);
  const after = await t.call.staff(HEAD, 'dashboard', {});
  expect(after).toMatchObject({ ok: true });
  expect(dashboardItem(after.data, record.id)).toMatchObject({
    provider: 'case.handover',
    section: 'sec_dept_1',
    person: 'stf_officer_1',
    status: 'overdue',
  });
  expect(after.data.providers).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: 'case.handover' })]),
  );

  // Received now: late, and off the dashboard.
  const received = await t.call.staff(CUSTODIAN, 'record.receive', { recordId: record.id });
  expect(received).toMatchObject({ ok: true, data: { late: true } });
  expect(dashboardItem((await t.call.staff(HEAD, 'dashboard', {})).data, record.id)).toBeNull();
});

it('accepts a later hand-over whose written reason a leader approved before the deadline', async () => {
  const { id } = await openCase(t.call);
  const record = await registered(id);
  // The approval needs the reason first, and not from the one who approves.
  expect(await t.call.staff(HEAD, 'record.approveLate', { recordId: record.id, days: 3 })).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED' },
  });
  expect(
    await t.call.staff(OFFICER, 'record.explainLate', {
      recordId: record.id,
      reason: '录像文件较大，需在执法记录仪管理平台完成转存后移交',
    }),
  ).toMatchObject({ ok: true, data: { lateReason: expect.any(String) } });
  expect(await t.call.staff(OFFICER, 'record.approveLate', { recordId: record.id, days: 3 })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const approved = await t.call.staff(HEAD, 'record.approveLate', { recordId: record.id, days: 3 });
  expect(approved).toMatchObject({ ok: true, data: { lateApproved: true } });
  expect(approved.data.handoverDueDate > record.handoverDueDate).toBe(true);

  await setClock(Date.parse(`${record.handoverDueDate}T12:00:00+08:00`) + DAY);
  expect(await t.call.staff(CUSTODIAN, 'record.receive', { recordId: record.id })).toMatchObject({
    ok: true,
    data: { late: false },
  });
});

it('refuses to approve a later hand-over once the deadline has passed', async () => {
  const { id } = await openCase(t.call);
  const record = await registered(id);
  await setClock(Date.parse(`${record.handoverDueDate}T12:00:00+08:00`) + 2 * DAY);
  expect(
    await t.call.staff(OFFICER, 'record.explainLate', {
      recordId: record.id,
      reason: '事后补充的理由不符合要求',
    }),
  ).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
});

it('names a record edited directly in the database in ledger.verify (REC-16)', async () => {
  const { id } = await openCase(t.call);
  const record = await registered(id);
  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
  await sdkApp()
    .database()
    .collection('case_records')
    .doc(record.id)
    .update({ sha256: 'cd'.repeat(32) });
  const res = await verifyAllVia(t.emu);
  expect(res.ok).toBe(false);
  expect(res.breaks.map((b) => b.ref)).toContain(`case_records/${record.id}`);
});
