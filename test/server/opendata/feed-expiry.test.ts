/**
 * The end of a display period reaches the district portal (PUB-9, PUB-12): once an entry's 公示截止期 has passed,
 * the scheduler's timer (`publication.delistDue`) takes it off the public lists, and a portal pulling the open-data
 * feed from its last cursor receives it as an `expired` tombstone with no content; the CSV no longer lists it as
 * shown (公示中). The record itself stays (staff see it). 国办发〔2018〕118号 (display periods per channel).
 */
import { parseCsv } from '../../../core/publication/csv';
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, passAll } from '../publication/helpers';

const ctx = useSeededEmulator();
const DAY = 86_400_000;
// Taken once: setting the emulator's clock moves this process's clock too (the emulator runs in it).
const T0 = Date.now();
const dateIn = (days: number) => new Date(T0 + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
const setClock = (days: number) =>
  ctx.emu.post('/_emulator/clock', { now: new Date(T0 + days * DAY).toISOString() });

let client = 0;
/** A GET as the portal sends it, each from its own address (the rate limit counts per client). */
async function get(path: string) {
  const res = await fetch(`${ctx.emu.url}/http/opendata${path}`, {
    headers: { 'x-forwarded-for': `10.1.0.${++client}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer()).toString('utf8');
}

/** The CSV's rows as [编号, 状态, 行政相对人名称]. */
async function csvRows(): Promise<string[][]> {
  const csv = parseCsv(await get('/publications.csv?pageSize=1000'));
  if (!csv.ok) throw new Error(csv.message);
  return csv.records.slice(1).map((r) => [r.fields[0]!, r.fields[1]!, r.fields[6]!]);
}

describe('an entry whose display period ends, on the open-data feed', () => {
  it('reaches a portal after its last cursor as an expired tombstone and leaves the CSV listing', async () => {
    const id = await create(ctx.call, companyPenalty({ publicityUntil: dateIn(5) }));
    await passAll(ctx.call, id);
    const start = JSON.parse(await get('/publications.json?pageSize=1000'));
    expect(start.items.find((i: any) => i.id === id)).toMatchObject({ status: 'published' });
    expect((await csvRows()).find(([rid]) => rid === id)?.[1]).toBe('公示中');
    const cursor = start.resumeCursor as string;

    // On its display end it is still shown: nothing new for the portal.
    await setClock(5);
    await ctx.emu.post('/timer/scheduler', {});
    const same = JSON.parse(await get(`/publications.json?cursor=${encodeURIComponent(cursor)}`));
    expect(same.items).toEqual([]);

    // The day after, the timer delists it: one tombstone after the portal's cursor, with no content.
    await setClock(6);
    await ctx.emu.post('/timer/scheduler', {});
    const next = JSON.parse(await get(`/publications.json?cursor=${encodeURIComponent(cursor)}`));
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ id, status: 'expired' });
    expect(next.items[0].view).toBeUndefined();

    // The CSV no longer lists it as shown: its one row is the tombstone, with the content cells empty.
    const rows = await csvRows();
    expect(rows.filter(([rid]) => rid === id)).toEqual([[id, '已到期撤下', '']]);
    expect(rows.filter(([, status]) => status === '公示中').map(([rid]) => rid)).not.toContain(id);
  });
});
