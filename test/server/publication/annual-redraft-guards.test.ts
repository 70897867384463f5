/**
 * 重新统计 of the annual figures (PUB-14; seed publicity Art. 26) refused where it must be, over the emulator:
 * only while the figures are sent back (PRECONDITION_FAILED otherwise), only by the statistics section (another
 * role is refused before its payload is read), and two at once end one ok and one CONFLICT (never INTERNAL, one
 * new version on the ledger).
 */
import { randomUUID } from 'node:crypto';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { annualActions, YEAR } from './annual-helpers';

const ctx = useSeededEmulator();
const { at, record, loadTable2027, redraft: redraftAs } = annualActions(ctx);
const redraft = (payload: Record<string, unknown>, who = 'demo-statistician') =>
  redraftAs(payload, randomUUID(), who);

beforeAll(async () => {
  await loadTable2027();
  await at('2027-01-04T09:00:00+08:00');
  await ctx.emu.post('/timer/scheduler', {});
});

it('is refused while the figures are not sent back', async () => {
  const res = await redraft({ revision: 1, note: '核对无误' });
  expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect((await record())._rev).toBe(1);
});

it('is refused to another role, before its payload is read', async () => {
  expect((await ctx.call.staff('demo-leader-1', 'annual.step', { year: YEAR, step: 'review' })).ok).toBe(
    true,
  );
  const sent = await ctx.call.staff('demo-principal', 'annual.step', {
    year: YEAR,
    step: 'reject',
    comment: '投诉举报数字与信访台账不一致',
  });
  expect(sent.data.status).toBe('returned');
  for (const who of ['demo-leader-1', 'demo-principal', 'demo-publisher', 'demo-officer-3']) {
    const res = await redraft({ revision: 1, note: '重新统计' }, who);
    expect({ who, code: res.error?.code }).toEqual({ who, code: 'FORBIDDEN' });
    // A malformed payload is refused the same way: the role is checked first.
    const bad = await redraft({ revision: 'x' }, who);
    expect({ who, code: bad.error?.code }).toEqual({ who, code: 'FORBIDDEN' });
  }
  // The 审核/审批/发布 steps wait for the statistics section.
  for (const [who, s] of [
    ['demo-leader-1', 'review'],
    ['demo-principal', 'approve'],
  ] as const) {
    const res = await ctx.call.staff(who, 'annual.step', { year: YEAR, step: s });
    expect(res.error.code).toBe('PRECONDITION_FAILED');
  }
  expect((await record()).status).toBe('returned');
});

it('two at once: one redrafts, the other is told CONFLICT; one new version', async () => {
  const answers = await Promise.all([
    redraft({ revision: 1, note: '补录两件信访转办的投诉后重新统计' }),
    redraft({ revision: 1, note: '核对投诉举报台账后重新统计' }),
  ]);
  const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code)).sort();
  expect(codes).toEqual(['CONFLICT', 'OK']);
  const lost = answers.find((a) => !a.ok)!;
  expect(lost.error.message).toMatch(/重新统计|他人/);
  const stored = await record();
  expect(stored).toMatchObject({ status: 'drafted', revision: 2 });
  expect(stored.revisions).toHaveLength(1);
  const events = (await allDocs('sys_events')).filter((e) => e.entity === `annualReports/annual_${YEAR}`);
  expect(events.filter((e) => e.action === 'annualReport.redraft')).toHaveLength(1);
  expect((await verifyAllVia(ctx.emu)).breaks).toEqual([]);

  // Sent with the version it saw, a late one is told it was redrafted meanwhile (not redrafted twice).
  const late = await redraft({ revision: 1, note: '再次重新统计' });
  expect(late.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('第 2 版') });
});
