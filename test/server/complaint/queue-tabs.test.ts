/**
 * The handling queue's tabs (REC-14), through the staff function over the emulator in strict
 * index mode (every query must be fully served by an index of deploy/database.json): 待受理 / 办理中 nearest
 * deadline first with the overdue on top, "剩 N 个工作日" from the calendar, 已逾期 across the clocks, 我的 (my
 * to-do list), the tabs' counts, and search by tracking number.
 */
import { createCalendar } from '../../../core/calendar';
import { databaseOf } from '../../../emulator/db';
import type { Doc } from '../../../emulator/db/ejson';
import { newOpenid, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const HEAD = 'demo-unit-head';
const OFFICER = 'demo-officer-1';
const OFFICER_ID = 'stf_officer_1';
const DAY = 86_400_000;
const todayMs = () => Date.parse(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
const day = (offset: number) => new Date(todayMs() + offset * DAY).toISOString().slice(0, 10);
const today = () => day(0);

let template: Doc;
let serial = 0;

function complaint(fields: Doc): Doc {
  serial += 1;
  const id = `cmp_${(0xabc000 + serial).toString(16).padStart(24, '0')}`;
  const receivedAt = new Date(Date.parse('2025-03-01T00:00:00Z') + serial * 60_000);
  return {
    ...template,
    _id: id,
    trackingNo: `TS20250301-Q${serial.toString().padStart(5, '0').replace(/[01]/g, 'Z')}`,
    ownerRef: `queue-${serial}`,
    receivedAt,
    sortKey: `${receivedAt.toISOString()}_${id}`,
    ...fields,
  };
}

const tab = async (payload: Record<string, unknown>, who = HEAD) => {
  const res = await t.call.staff(who, 'complaint.queue', payload);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data;
};

const inserted: Record<string, Doc> = {};

beforeAll(async () => {
  const res = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  template = databaseOf(t.emu.ctx).find('complaints', { trackingNo: res.data.trackingNo })[0]!;
  // The one submitted through the function stays (acceptance due in 7 working days).
  const docs = {
    lateAccept: complaint({ status: 'submitted', acceptanceDueDate: day(-3) }),
    soonAccept: complaint({ status: 'submitted', acceptanceDueDate: day(1) }),
    laterAccept: complaint({ status: 'submitted', acceptanceDueDate: day(20) }),
    lateHandling: complaint({
      status: 'accepted',
      handlingDueDate: day(-1),
      sectionIds: ['sec_dept_1'],
      handlerIds: [OFFICER_ID],
    }),
    lateFeedback: complaint({
      status: 'accepted',
      handlingDueDate: day(40),
      feedbackState: 'due',
      feedbackDueDate: day(-2),
      sectionIds: ['sec_dept_1'],
    }),
    onTime: complaint({
      status: 'accepted',
      handlingDueDate: day(30),
      sectionIds: ['sec_dept_1'],
      handlerIds: [OFFICER_ID],
    }),
    closedMine: complaint({ status: 'closed', handlerIds: [OFFICER_ID], sectionIds: ['sec_dept_1'] }),
  };
  Object.assign(inserted, docs);
  databaseOf(t.emu.ctx).insert('complaints', Object.values(docs));
});

describe('待受理 and 办理中: nearest deadline first', () => {
  it('puts the overdue first and pages along the due date by cursor', async () => {
    const seen: any[] = [];
    let page = await tab({ tab: 'submitted', pageSize: 2 });
    seen.push(...page.items);
    while (page.nextCursor) {
      const store = databaseOf(t.emu.ctx);
      const before = store.scannedDocuments();
      page = await tab({ tab: 'submitted', pageSize: 2, cursor: page.nextCursor });
      // A later page reads its rows and the one that tells whether more follow (no counts); the rest is the
      // caller's staff record, settings and calendar, as on every call (list-scale.test.ts).
      expect(store.scannedDocuments() - before).toBeLessThan(3 + 20);
      expect(page.counts).toBeNull();
      seen.push(...page.items);
    }
    const dates = seen.map((i) => i.acceptanceDueDate);
    expect(dates).toEqual([...dates].sort());
    expect(seen[0].id).toBe(inserted.lateAccept!._id);
    expect(seen[0].due).toMatchObject({ clock: 'acceptance', label: '受理期限', overdue: true });
    expect(new Set(seen.map((i) => i.id)).size).toBe(4);
  });

  it('counts working days left with the calendar (0 on the due day, negative when overdue)', async () => {
    const calendar = createCalendar();
    const items = (await tab({ tab: 'submitted' })).items;
    for (const item of items) {
      expect(item.due.workingDaysLeft).toBe(calendar.countWorkingDays(today(), item.acceptanceDueDate).value);
    }
    expect(items[0].due.workingDaysLeft).toBeLessThan(0);
  });

  it('shows for an accepted record the nearer of its handling and feedback deadlines', async () => {
    const items = (await tab({ tab: 'accepted' })).items;
    expect(items.map((i: any) => i.id)).toEqual(
      [inserted.lateHandling, inserted.onTime, inserted.lateFeedback].map((d) => d!._id),
    );
    const feedback = items.find((i: any) => i.id === inserted.lateFeedback!._id);
    expect(feedback.due).toMatchObject({
      clock: 'feedback',
      label: '反馈期限',
      date: day(-2),
      overdue: true,
    });
  });

  it('refuses a malformed cursor in Chinese', async () => {
    const res = await t.call.staff(HEAD, 'complaint.queue', { tab: 'accepted', cursor: 'x|y' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.cursor']).toMatch(/分页标记无效/);
  });
});

describe('已逾期 and 我的', () => {
  it('lists every open record past a clock, nearest first, and nothing on time', async () => {
    const page = await tab({ tab: 'overdue' });
    expect(page.items.map((i: any) => i.id)).toEqual(
      [inserted.lateAccept, inserted.lateFeedback, inserted.lateHandling].map((d) => d!._id),
    );
    expect(page.items.every((i: any) => i.due.overdue)).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it('gives a handler their own open records (the closed one is not a to-do)', async () => {
    const page = await tab({ tab: 'mine' }, OFFICER);
    expect(page.items.map((i: any) => i.id)).toEqual([inserted.lateHandling!._id, inserted.onTime!._id]);
  });
});

describe('counts and search', () => {
  it('answers every counted tab on a first page', async () => {
    const page = await tab({ tab: 'submitted' });
    expect(page.counts).toEqual({
      submitted: { total: 4, capped: false },
      accepted: { total: 3, capped: false },
      overdue: { total: 3, capped: false },
      mine: { total: 0, capped: false },
    });
    expect((await tab({ tab: 'all' }, OFFICER)).counts.mine).toEqual({ total: 2, capped: false });
  });

  it('finds a record by its tracking number in any case, and nothing for an unknown one', async () => {
    const no = inserted.onTime!.trackingNo as string;
    const found = await tab({ trackingNo: ` ${no.toLowerCase()} ` });
    expect(found.items.map((i: any) => i.trackingNo)).toEqual([no]);
    expect(found.counts).toBeNull();
    const none = await tab({ trackingNo: 'TS20990101-AAAAAA' });
    expect(none.items).toEqual([]);
  });

  it('refuses a malformed tracking number and a tab mixed with the old filter, naming the field', async () => {
    const bad = await t.call.staff(HEAD, 'complaint.queue', { trackingNo: '12345' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(bad.error)).toMatch(/受理编号/);
    const mixed = await t.call.staff(HEAD, 'complaint.queue', { tab: 'mine', status: 'closed' });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(mixed.error.fields['payload.tab']).toMatch(/不能同时/);
  });
});
