/**
 * The daily digest (PUB-9, seed publicity Art. 19, 22): prepared by the scheduler's timer at the
 * settings' time on a working day only, from newly published results' PUBLIC VIEWS (PUB-7; 法释〔2016〕19号
 * Art. 8-10: no natural person's full name), one result group per article, the ledger head in the footer; the
 * draft made once with the cover uploaded once; the Party committee office reads it, others cannot.
 */
import { docOf } from '../ledger/helpers';
import {
  deliver,
  nextDigestTime,
  performed,
  publishResults,
  setClock,
  staff,
  timer,
  useOfficialAccountEmulator,
} from './helpers';

const ctx = useOfficialAccountEmulator();

it('prepares nothing before the digest time, then one digest of the public views with its draft', async () => {
  await publishResults(ctx, 3, true);
  const at = nextDigestTime(Date.now(), 15 * 60_000); // 16:55 below is still ahead of now
  await setClock(ctx, new Date(at.getTime() - 10 * 60_000)); // 16:55
  expect((await timer(ctx)).data['officialAccount.prepare'].data).toEqual({ ran: false });

  await setClock(ctx, at);
  const prepared = (await timer(ctx)).data['officialAccount.prepare'].data;
  // The three and the demo seed's results published this week.
  expect(prepared.ran).toBe(true);
  expect(prepared.results).toBeGreaterThanOrEqual(3);
  // A second run the same day (overlapping or later) prepares nothing more.
  expect((await timer(ctx)).data['officialAccount.prepare'].data).toMatchObject({ ran: false });

  const digest = await docOf(ctx.db, 'oa_digests', prepared.digestId);
  expect(digest.articles.length).toBeLessThanOrEqual(8);
  const html = digest.articles.map((a: any) => a.content).join('');
  expect(html).toContain('校验值');
  expect(html).toContain(digest.ledgerHead.hash);
  expect(html).not.toMatch(/<script|张德明|13628391045/); // the person's name and phone never leave

  await deliver(ctx);
  await deliver(ctx);
  expect(await performed(ctx, '/cgi-bin/draft/add')).toHaveLength(1);
  expect(await performed(ctx, '/cgi-bin/material/add_material')).toHaveLength(1);

  const read = await staff(ctx, 'officialAccount.digest', { id: prepared.digestId });
  expect(read).toMatchObject({ ok: true, data: { status: 'ready', canPublish: true, canMassSend: true } });
  expect(read.data.articleList[0].content).toContain('决定文书号');
  const list = await staff(ctx, 'officialAccount.digests');
  expect(list.data.items[0]).toMatchObject({ id: prepared.digestId, results: prepared.results });
});

it('refuses the digest to staff without the role, before reading the payload', async () => {
  const res = await ctx.call.staff('demo-officer-3', 'officialAccount.digest', { id: 'nonsense' });
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const publish = await ctx.call.staff('demo-publisher', 'officialAccount.publish', { id: 'dg_2026-12-01' });
  expect(publish).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('prepares nothing on a rest day', async () => {
  await setClock(ctx, null);
  await publishResults(ctx, 1);
  // The next Sunday at 17:05 Shanghai (a rest day unless a make-up day: then the check is skipped).
  const now = Date.now();
  const sunday = new Date(now + ((7 - new Date(now + 8 * 3600_000).getUTCDay()) % 7 || 7) * 86_400_000);
  const date = new Date(sunday.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const { createCalendar } = await import('../../../core/calendar/calendar');
  if (createCalendar().isWorkingDay(date).value) return;
  await setClock(ctx, new Date(`${date}T17:05:00+08:00`));
  expect((await timer(ctx)).data['officialAccount.prepare'].data).toEqual({ ran: false });
});
