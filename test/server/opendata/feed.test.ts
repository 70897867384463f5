/**
 * The open-data feed for the district portal (PUB-9) over the emulator's HTTP access
 * (`/http/opendata/...`): the CSV opens in Excel with the right columns (UTF-8 BOM), no party's personal data of the
 * register appears in it or in the JSON (PUB-7; 法释〔2016〕19号 Art. 8-10), a withdrawal reaches a portal pulling
 * from its last cursor as a tombstone (PUB-13; 国办发〔2018〕118号), ETag / If-None-Match, the kind and date
 * filters (index-served: strict index mode), bad parameters named in Chinese, and the per-client rate limit.
 */
import { parseCsv } from '../../../core/publication/csv';
import { FEED_CSV_COLUMNS } from '../../../core/publication/feed';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { create, passAll, personPenalty, PREPARER } from '../publication/helpers';

const ctx = useSeededEmulator();

let client = 0;
/** A GET as the portal sends it; each test has its own client address (the rate limit counts per client). */
async function get(path: string, headers: Record<string, string> = {}, ip = `10.0.0.${++client}`) {
  const res = await fetch(`${ctx.emu.url}/http/opendata${path}`, {
    headers: { 'x-forwarded-for': ip, ...headers },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  // fetch's text() would drop a BOM: decode by hand so the test sees what Excel gets.
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

async function everyJsonPage(query = '') {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const q: string = [query, cursor ? `cursor=${encodeURIComponent(cursor)}` : '', 'pageSize=3']
      .filter(Boolean)
      .join('&');
    const res = await get(`/publications.json?${q}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

describe('publications.csv', () => {
  it('opens with a BOM and the header row, one row per public document, same order as the JSON', async () => {
    const res = await get('/publications.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(res.text);
    if (!csv.ok) throw new Error(csv.message);
    const [header, ...rows] = csv.records;
    expect(header!.fields).toEqual(FEED_CSV_COLUMNS.map(([h]) => h));
    expect(header!.fields.slice(0, 7)).toEqual([
      '编号',
      '状态',
      '更新时间',
      '公示类别',
      '决定书文号',
      '决定机关',
      '行政相对人名称',
    ]);
    const json = await everyJsonPage();
    expect(rows.map((r) => r.fields[0])).toEqual(json.map((i) => i.id));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.fields).toHaveLength(header!.fields.length);
    // The seed's withdrawn penalty is a tombstone row: its number and reason, no content.
    const withdrawn = rows.find((r) => r.fields[1] === '已撤回')!;
    expect(withdrawn.fields[4]).toMatch(/卫公罚〔2026〕9号$/);
    expect(withdrawn.fields[6]).toBe('');
  });

  it('holds no personal data of any party in the register, in the CSV or the JSON of any kind (PUB-7)', async () => {
    await passAll(ctx.call, await create(ctx.call, personPenalty()));
    const secrets = new Set<string>();
    for (const r of await allDocs('publicationEntries')) {
      const p = r.entry.party;
      if (p.category === 'person') secrets.add(p.name);
      if (p.legalRep) secrets.add(p.legalRep);
      for (const id of [p.personId, p.legalRepId]) if (id) secrets.add(id.number);
      if (p.phone) secrets.add(p.phone);
      if (p.address && !(p.category === 'individualBusiness' && p.premisesConfirmed)) secrets.add(p.address);
    }
    expect(secrets.size).toBeGreaterThan(5);
    const texts: string[] = [(await get('/publications.csv')).text];
    for (const kind of ['penalty', 'permit', 'coercion', 'inspection', 'levy']) {
      texts.push((await get(`/publications.csv?kind=${kind}`)).text);
      texts.push(JSON.stringify(await everyJsonPage(`kind=${kind}`)));
    }
    const all = texts.join('\n');
    expect(all).toContain('张某');
    for (const s of secrets)
      expect({ secret: s, found: all.includes(s) }).toEqual({ secret: s, found: false });
  });
});

describe('publications.json', () => {
  it('gives a portal pulling from its last cursor a withdrawal as a tombstone (PUB-13)', async () => {
    const start = JSON.parse((await get('/publications.json?pageSize=1000')).text);
    const cursor = start.resumeCursor as string;
    const id = await create(ctx.call, personPenalty({ docNo: '渝中卫医罚〔2026〕881号' }));
    await passAll(ctx.call, id);
    const added = JSON.parse((await get(`/publications.json?cursor=${encodeURIComponent(cursor)}`)).text);
    expect(added.items.map((i: any) => [i.id, i.status])).toEqual([[id, 'published']]);
    expect(added.items[0].view.docNo).toBe('渝中卫医罚〔2026〕881号');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await ctx.call.staff(PREPARER, 'publication.noteChange', {
      id,
      change: 'revoked',
      effectiveOn: today,
      receivedOn: today,
    });
    expect(
      (await ctx.call.staff(PREPARER, 'publication.withdraw', { id, reason: '原决定已被撤销' })).ok,
    ).toBe(true);
    const next = JSON.parse(
      (await get(`/publications.json?cursor=${encodeURIComponent(added.resumeCursor)}`)).text,
    );
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({
      id,
      status: 'withdrawn',
      deleted: true,
      notice: { docNo: '渝中卫医罚〔2026〕881号' },
    });
    expect(next.items[0].view).toBeUndefined();
    // Nothing new since: an empty page that keeps the cursor.
    const none = JSON.parse(
      (await get(`/publications.json?cursor=${encodeURIComponent(next.resumeCursor)}`)).text,
    );
    expect(none).toEqual({ items: [], nextCursor: null, resumeCursor: next.resumeCursor });
  });

  it('answers 304 to If-None-Match with the current ETag, 200 once something changed', async () => {
    const first = await get('/publications.json?kind=permit');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const same = await get('/publications.json?kind=permit', { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect((await get('/publications.json?kind=penalty', { 'if-none-match': etag })).status).toBe(200);
  });

  it('filters by kind and by the day of the change (Beijing time)', async () => {
    const permits = await everyJsonPage('kind=permit');
    expect(permits.length).toBeGreaterThan(0);
    expect(permits.every((i) => i.view?.kind === 'permit' || i.kind === 'permit')).toBe(true);
    expect(await everyJsonPage('from=2099-01-01')).toEqual([]);
    expect(await everyJsonPage('to=2000-01-01')).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await everyJsonPage(`from=${today}&to=${today}`)).length).toBeGreaterThan(0);
  });

  it('names a bad parameter in Chinese without echoing it, and refuses other paths and methods', async () => {
    const bad = await get('/publications.json?kind=<script>&from=1.1.2026');
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.text);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.fields['query.kind']).toMatch(/类别/);
    expect(body.error.fields['query.from']).toMatch(/起始日期/);
    expect(bad.text).not.toContain('<script>');
    expect((await get('/publications.xml')).status).toBe(404);
    const post = await fetch(`${ctx.emu.url}/http/opendata/publications.json`, {
      method: 'POST',
      body: '{}',
    });
    expect(post.status).toBe(405);
  });

  it('limits each client to 60 requests a minute (429 with Retry-After), others unaffected', async () => {
    await ctx.emu.post('/_emulator/clock', { now: '2026-12-01T10:00:05+08:00' });
    const answers: number[] = [];
    for (let i = 0; i < 61; i++)
      answers.push((await get('/publications.json?pageSize=1', {}, '10.9.9.9')).status);
    expect(answers.slice(0, 60).every((s) => s === 200)).toBe(true);
    const refused = await get('/publications.json?pageSize=1', {}, '10.9.9.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('/publications.json?pageSize=1', {}, '10.9.9.10')).status).toBe(200);
    await ctx.emu.post('/_emulator/clock', { now: '2026-12-01T10:01:05+08:00' });
    expect((await get('/publications.json?pageSize=1', {}, '10.9.9.9')).status).toBe(200);
  });
});
