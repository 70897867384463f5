/**
 * Lists and the dashboard at scale, through the functions: a page answers `nextCursor` from one extra item and
 * counts only on the first page, at most PAGE_TOTAL_CAP (core/contract/envelope.ts); the queue's tabs count
 * their own filter; the dashboard reads stored due dates by index, so an item far down the collection still
 * shows, items not yet due are never read, and a list cut at its cap says so.
 */
import { PAGE_TOTAL_CAP } from '../../../core/contract/envelope';
import { databaseOf } from '../../../emulator/db';
import type { Doc } from '../../../emulator/db/ejson';
import { MAX_DASHBOARD_ITEMS } from '../../../server/features/complaint/deadline-providers';
import { newOpenid, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const HEAD = 'demo-unit-head';
const HEAD_STAFF_ID = 'stf_unit_head';
const DAY = 86_400_000;
const shanghaiToday = () => Date.parse(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
const plainDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let template: Doc;
let serial = 0;

/** A stored complaint cloned from a submitted one, received `serial` minutes after 2025-01-01. */
function complaint(fields: Doc): Doc {
  serial += 1;
  const id = `cmp_${serial.toString(16).padStart(24, '0')}`;
  const receivedAt = new Date(Date.parse('2025-01-01T00:00:00Z') + serial * 60_000);
  return {
    ...template,
    _id: id,
    trackingNo: `TS20250101-${serial.toString(16).padStart(6, '0').toUpperCase()}`,
    ownerRef: `other-${serial}`,
    receivedAt,
    sortKey: `${receivedAt.toISOString()}_${id}`,
    acceptanceDueDate: plainDate(shanghaiToday() + 30 * DAY),
    ...fields,
  };
}

function insert(docs: Doc[]): void {
  const store = databaseOf(t.emu.ctx);
  for (let i = 0; i < docs.length; i += 1000) store.insert('complaints', docs.slice(i, i + 1000));
}

beforeAll(async () => {
  const openid = newOpenid();
  const res = await t.call.citizen(openid, 'complaint.submit', submission());
  template = databaseOf(t.emu.ctx).find('complaints', { trackingNo: res.data.trackingNo })[0]!;
  // 130 closed (more than the count's cap), 7 new, 3 assigned to the unit head.
  insert([
    ...Array.from({ length: 130 }, () => complaint({ status: 'closed', sectionIds: ['sec_dept_1'] })),
    ...Array.from({ length: 7 }, () => complaint({ status: 'submitted' })),
    ...Array.from({ length: 3 }, () =>
      complaint({ status: 'accepted', sectionIds: ['sec_dept_1'], handlerIds: [HEAD_STAFF_ID] }),
    ),
  ]);
});

describe('cursor pages', () => {
  it('count on the first page only, capped, and page to the end by nextCursor', async () => {
    const first = await t.call.staff(HEAD, 'complaint.queue', { pageSize: 50 });
    expect(first.data).toMatchObject({ total: PAGE_TOTAL_CAP, totalCapped: true });
    expect(first.data.items).toHaveLength(50);
    const seen = first.data.items.map((i: { id: string }) => i.id);
    let cursor = first.data.nextCursor;
    while (cursor) {
      const store = databaseOf(t.emu.ctx);
      const before = store.scannedDocuments();
      const next = await t.call.staff(HEAD, 'complaint.queue', { pageSize: 50, cursor });
      // No count on later pages: what is read is the page and the one item that tells whether more follow.
      expect(store.scannedDocuments() - before).toBeLessThan(51 + 20);
      expect(next.data).toMatchObject({ total: null, totalCapped: false });
      seen.push(...next.data.items.map((i: { id: string }) => i.id));
      cursor = next.data.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(130 + 7 + 3 + 1);
  });

  it('answers no next page when the last page is exactly full', async () => {
    const first = await t.call.staff(HEAD, 'complaint.queue', { status: 'submitted', pageSize: 4 });
    const last = await t.call.staff(HEAD, 'complaint.queue', {
      status: 'submitted',
      pageSize: 4,
      cursor: first.data.nextCursor,
    });
    expect(last.data.items).toHaveLength(4); // the 7 inserted and the one submitted
    expect(last.data.nextCursor).toBeNull();
  });

  it('count each queue tab by its own filter, exactly below the cap', async () => {
    const tab = async (payload: Record<string, unknown>) =>
      (await t.call.staff(HEAD, 'complaint.queue', payload)).data;
    expect(await tab({ status: 'submitted' })).toMatchObject({ total: 8, totalCapped: false });
    expect(await tab({ status: 'accepted' })).toMatchObject({ total: 3, totalCapped: false });
    expect(await tab({ mine: true })).toMatchObject({ total: 3, totalCapped: false });
    expect(await tab({ mine: true, status: 'closed' })).toMatchObject({ total: 0, nextCursor: null });
    expect(await tab({ status: 'closed' })).toMatchObject({ total: PAGE_TOTAL_CAP, totalCapped: true });
  });

  it('refuses a malformed cursor in Chinese', async () => {
    const res = await t.call.staff(HEAD, 'complaint.queue', { cursor: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.cursor']).toMatch(/分页标记无效/);
  });
});

describe('the dashboard reads due dates by index', () => {
  const acceptance = (data: any) =>
    data.providers.find((p: { id: string }) => p.id === 'complaint.acceptance');
  const handling = (data: any) => data.providers.find((p: { id: string }) => p.id === 'complaint.handling');

  it('shows an item inserted after 1200 not yet due, and reads none of those', async () => {
    const overdue = complaint({
      status: 'submitted',
      acceptanceDueDate: plainDate(shanghaiToday() - 5 * DAY),
    });
    insert([...Array.from({ length: 1200 }, () => complaint({ status: 'submitted' })), overdue]);
    const store = databaseOf(t.emu.ctx);
    const before = store.scannedDocuments();
    const res = await t.call.staff(HEAD, 'dashboard', {});
    expect(store.scannedDocuments() - before).toBeLessThan(100);
    expect(acceptance(res.data)).toMatchObject({ counts: { overdue: 1, total: 1 }, truncated: false });
    const items = res.data.sections.flatMap((s: any) => s.people.flatMap((p: any) => p.items));
    expect(items).toContainEqual(
      expect.objectContaining({ ref: `complaint:${overdue._id}`, status: 'overdue' }),
    );
  });

  it('reads at most its cap per provider, earliest due first, and says the list was cut', async () => {
    const today = shanghaiToday();
    insert(
      Array.from({ length: MAX_DASHBOARD_ITEMS + 5 }, (_x, i) =>
        complaint({
          status: 'accepted',
          sectionIds: ['sec_dept_2'],
          handlerIds: ['stf_officer_2'],
          handlingDueDate: plainDate(today - (i + 1) * DAY),
        }),
      ),
    );
    const res = await t.call.staff(HEAD, 'dashboard', {});
    expect(handling(res.data)).toMatchObject({
      counts: { overdue: MAX_DASHBOARD_ITEMS, total: MAX_DASHBOARD_ITEMS },
      truncated: true,
    });
    const dueAts = res.data.sections
      .flatMap((s: any) => s.people.flatMap((p: any) => p.items))
      .filter((i: { provider: string }) => i.provider === 'complaint.handling')
      .map((i: { dueAt: string }) => i.dueAt);
    // The 5 latest-due are the ones left out.
    expect(dueAts.sort()[dueAts.length - 1]! < new Date(today - 5 * DAY).toISOString()).toBe(true);
    expect(acceptance(res.data).truncated).toBe(false);
  });
});
