/**
 * The credit-platform export (PUB-9; 信用重庆; the national 双公示 data standard) through the
 * staff function on the seeded emulator: only the `creditReporter` role may export; the file holds the full
 * 双公示 records with the natural person's ID number (CF_XDR_ZJHM) but the answer and the list never hold a row;
 * the download is a short-lived link; the export and each download are ledger events; exported entries are marked
 * delivered in their channel state and not exported twice; a retry of the same request answers the same export.
 * And the statistics section reads the portal channel's state (`portal.state`).
 */
import { randomUUID } from 'node:crypto';
import { parseCsv } from '../../../core/publication/csv';
import { creditExportHeader } from '../../../core/publication/sgs-export';
import { allDocs, useSeededEmulator } from '../complaint/helpers';

const ctx = useSeededEmulator();
const CREDIT = 'demo-statistician';

describe('creditExport (信用重庆)', () => {
  it('refuses staff without the credit role before reading the payload', async () => {
    for (const who of ['demo-officer-3', 'demo-publisher', 'demo-principal']) {
      const res = await ctx.call.staff(who, 'creditExport.create', { kind: 'penalty' });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('names a bad kind in Chinese', async () => {
    const res = await ctx.call.staff(CREDIT, 'creditExport.create', { kind: 'levy' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.kind']).toMatch(/报送类别/);
  });

  it('exports the published penalties once, marks them delivered, and hands out the file as a link', async () => {
    const requestId = randomUUID();
    const made = await ctx.call.staff(CREDIT, 'creditExport.create', { kind: 'penalty' }, requestId);
    expect(made.ok).toBe(true);
    expect(made.data).toMatchObject({ kind: 'penalty', complete: true, downloads: 0 });
    expect(made.data.rows).toBeGreaterThan(0);
    const id = made.data.id as string;

    // The answer names no party: counts only.
    const entries = await allDocs('publicationEntries');
    const exported = entries.filter((e) => e.creditExportId === id);
    expect(exported).toHaveLength(made.data.rows);
    expect(exported.every((e) => e.channels.creditExport === 'published' && e.kind === 'penalty')).toBe(true);
    const answerText = JSON.stringify(made);
    for (const e of exported) expect(answerText).not.toContain(e.entry.party.name);

    // A retry of the same request answers the same export; a new request finds nothing left to deliver.
    const again = await ctx.call.staff(CREDIT, 'creditExport.create', { kind: 'penalty' }, requestId);
    expect(again.data.id).toBe(id);
    const none = await ctx.call.staff(CREDIT, 'creditExport.create', { kind: 'penalty' });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '没有待报送的行政处罚信息' },
    });

    const link = await ctx.call.staff(CREDIT, 'creditExport.download', { id });
    expect(link.ok).toBe(true);
    expect(link.data.fileName).toMatch(/^双公示_行政处罚_\d{4}-\d{2}-\d{2}_[0-9a-f]{8}\.csv$/);
    const minutes = (Date.parse(link.data.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(3);
    expect(minutes).toBeLessThanOrEqual(5.5);
    const file = Buffer.from(await (await fetch(link.data.url)).arrayBuffer()).toString('utf8');
    const csv = parseCsv(file);
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.records[0]!.fields).toEqual(creditExportHeader('penalty'));
    expect(csv.records).toHaveLength(made.data.rows + 1);
    // The full record: the seeded natural person's name and ID number (sealed at rest, opened for the file only)
    // are in it, as the standard asks (CF_XDR_ZJHM).
    expect(exported.some((e) => e.entry.party.name === '张德明')).toBe(true);
    expect(file).toContain('张德明');
    expect(file).toMatch(/50010119790823451[\dX]/);

    const list = await ctx.call.staff(CREDIT, 'creditExport.list', {});
    expect(list.data.items[0]).toEqual({ ...made.data, downloads: 1 });

    // On the ledger: the export, each entry's delivery, and the download.
    const events = (await allDocs('sys_events')).filter((e) => String(e.entity ?? e._id).includes(id));
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['creditExport.create', 'creditExport.download']));
    const delivered = (await allDocs('sys_events')).filter((e) => e.action === 'creditExport.deliver');
    expect(delivered.length).toBe(made.data.rows);
  });

  it('does not let another role download an export', async () => {
    const list = await ctx.call.staff(CREDIT, 'creditExport.list', {});
    const id = list.data.items[0]?.id ?? 'cex_0000000000';
    const res = await ctx.call.staff('demo-auditor', 'creditExport.download', { id });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('portal.state (信息统计科)', () => {
  it('counts what the feed lists and its tombstones', async () => {
    const res = await ctx.call.staff(CREDIT, 'portal.state', {});
    expect(res.ok).toBe(true);
    expect(res.data.published).toBeGreaterThan(3);
    expect(res.data.tombstones).toBeGreaterThanOrEqual(1);
    expect(res.data.lastChangeAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await ctx.call.staff('demo-officer-3', 'portal.state', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
