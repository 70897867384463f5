/**
 * The records custodian's intake queue, `record.intake` (REC-10; 全过程记录制度第二十一条): the unit's records
 * registered and not yet received, oldest hand-over due date first (the late ones lead, marked overdue once the
 * emulator clock passes their due date), cursor paged and index-served (the emulator runs in strict index mode);
 * a received record leaves the queue; only the custodian may read it.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { avRecord, CUSTODIAN, HEAD, OFFICER, openCase } from './helpers';

const t = useSeededEmulator();
const DAY = 86_400_000;
const setClock = (at: number) => t.emu.post('/_emulator/clock', { now: new Date(at).toISOString() });

interface Item {
  id: string;
  caseNo: string;
  handoverDueDate: string;
  overdue: boolean;
}

async function register(caseId: string, endedAt: number) {
  const res = await t.call.staff(
    OFFICER,
    'record.register',
    avRecord(caseId, 'evidence', new Date(endedAt - 3_600_000), new Date(endedAt)),
  );
  expect(res).toMatchObject({ ok: true });
  return res.data as { id: string; handoverDueDate: string };
}

/** The whole queue, page by page (pageSize 2, so several pages). */
async function wholeQueue(): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await t.call.staff(CUSTODIAN, 'record.intake', {
      pageSize: 2,
      ...(cursor ? { cursor } : {}),
    });
    expect(res).toMatchObject({ ok: true });
    items.push(...(res.data.items as Item[]));
    cursor = res.data.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return items;
}

afterEach(() => setClock(Date.now()));

it('lists the unit’s unreceived records oldest due date first, across pages, each once (REC-10)', async () => {
  const { id, caseNo } = await openCase(t.call);
  const now = Date.now();
  const recent = await register(id, now - 3_600_000);
  const older = await register(id, now - 6 * DAY);
  const queue = await wholeQueue();
  const ids = queue.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(recent.id));
  const dues = queue.map((i) => i.handoverDueDate);
  expect([...dues].sort()).toEqual(dues);
  expect(queue.find((i) => i.id === older.id)).toMatchObject({ caseNo, overdue: true });
  expect(queue.find((i) => i.id === recent.id)).toMatchObject({ caseNo, overdue: false });
});

it('marks a record overdue once the clock passes its due date, and drops it once received', async () => {
  const { id } = await openCase(t.call);
  const rec = await register(id, Date.now() - 3_600_000);
  await setClock(Date.parse(`${rec.handoverDueDate}T12:00:00+08:00`) + 2 * DAY);
  expect((await wholeQueue()).find((i) => i.id === rec.id)).toMatchObject({ overdue: true });
  expect(await t.call.staff(CUSTODIAN, 'record.receive', { recordId: rec.id })).toMatchObject({
    ok: true,
    data: { late: true },
  });
  expect((await wholeQueue()).map((i) => i.id)).not.toContain(rec.id);
});

it('refuses the queue to anyone but the custodian, and a cursor it did not give', async () => {
  for (const who of [OFFICER, HEAD])
    expect(await t.call.staff(who, 'record.intake', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  expect(await t.call.staff(CUSTODIAN, 'record.intake', { cursor: 'x' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.cursor': expect.any(String) } },
  });
});

it('lists to a custodian delegated for one section only that section’s records (REC-14)', async () => {
  const { staff } = t.call;
  const openid = `intake-${Date.now()}`;
  const inv = await staff('demo-admin-1', 'staff.invite', {
    name: '二大队档案员',
    unitId: 'unit_enforcement',
    sectionId: 'sec_dept_2',
    roles: ['officer'],
  });
  const bound = await staff(openid, 'staff.bind', { inviteCode: inv.data.inviteCode });
  expect(bound).toMatchObject({ ok: true });
  // The unit's custodian delegates the role for department 2 only (REC-14: a section-limited grant).
  const d = await staff(CUSTODIAN, 'org.delegate', {
    toStaffId: bound.data.staffId,
    role: 'custodian',
    unitId: 'unit_enforcement',
    sectionId: 'sec_dept_2',
    validUntil: new Date(Date.now() + 40 * DAY).toISOString(),
    reason: '休假期间由其代为接收执法二大队的执法记录',
  });
  // Not a sensitive role: in force at once, no second administrator's approval.
  expect(d).toMatchObject({ ok: true });
  expect(d.data.status).not.toBe('pending');
  const dept1 = await openCase(t.call);
  const dept2 = await openCase(t.call, { sectionId: 'sec_dept_2' }, HEAD);
  const own = await register(dept2.id, Date.now() - 3_600_000);
  const other = await register(dept1.id, Date.now() - 3_600_000);
  const res = await staff(openid, 'record.intake', { pageSize: 50 });
  expect(res).toMatchObject({ ok: true });
  const ids = res.data.items.map((i: Item) => i.id);
  expect(ids).toContain(own.id);
  expect(ids).not.toContain(other.id);
});
