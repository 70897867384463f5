/**
 * 重新统计 of the annual figures after a 退回 (PUB-14; seed publicity Art. 26), over the emulator with its clock:
 * the 分管领导 sends the scheduler's draft back ("罚款金额不一致"), the source record is corrected (a correction of
 * the published penalty, PUB-13), the statistics section recomputes the figures with its required 说明, the
 * reviewer sees what changed figure by figure (old -> new) and the 说明, and the figures go on through review,
 * approval and publication. The version sent back stays readable with its reason; every step is on the ledger; a
 * retried request redrafts once; the dashboard keeps counting down to 31 January while the figures are back.
 */
import { randomUUID } from 'node:crypto';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { annualActions, YEAR } from './annual-helpers';
import { companyPenalty, create, passAll, PREPARER } from './helpers';

const ctx = useSeededEmulator();
const { at, step, redraft, record, loadTable2027 } = annualActions(ctx);

const REASON = '罚款金额不一致：万卫公罚一案罚款应为0.6万元，请核对后重新统计。';
const NOTE = '执法人员已更正该案公示信息（罚款0.6万元），按更正后的数据重新统计。';

beforeAll(async () => {
  await loadTable2027();
});

it('sent back, a source record corrected, redrafted: the figures change, the diff lists it, published', async () => {
  // A penalty decided in 2026 (罚款0.5万元), published in late December (after the demo org chart's start).
  await at('2026-12-21T10:00:00+08:00');
  const wrong = companyPenalty();
  const id = await create(ctx.call, wrong);
  await passAll(ctx.call, id);

  await at('2027-01-04T09:00:00+08:00');
  await ctx.emu.post('/timer/scheduler', {});
  const first = await ctx.call.staff('demo-leader-1', 'annual.get', { year: YEAR });
  expect(first.data).toMatchObject({ revision: 1, draftedBy: '系统自动生成', note: null, changes: [] });
  // The 分管领导 may send back the draft they are asked to review; the statistics section may not redraft yet.
  expect(first.data.allowed).toEqual(['review', 'reject']);
  const sent = await step('demo-leader-1', { step: 'reject', comment: REASON });
  expect(sent.data).toMatchObject({ status: 'returned', statusLabel: '已退回，待信息统计科重新统计' });
  expect(sent.data.allowed).toEqual([]);

  // While back with the statistics section the dashboard still counts down to 31 January.
  const dash = await ctx.call.staff('demo-principal', 'dashboard', {});
  expect(JSON.stringify(dash.data.sections)).toContain(
    '2026 年度执法数据（已退回，待信息统计科重新统计），须于 2027-01-31 前公开，还剩 27 天',
  );

  // The drafter sees the reason and may redraft; nothing else may be done with the figures meanwhile.
  const drafter = await ctx.call.staff('demo-statistician', 'annual.get', { year: YEAR });
  expect(drafter.data.allowed).toEqual(['redraft']);
  expect(drafter.data.comments.at(-1)).toMatchObject({ step: 'reject', text: REASON });
  expect((await step('demo-leader-1', { step: 'review' })).error.code).toBe('PRECONDITION_FAILED');

  // The 说明 is required, named in Chinese; nothing is written.
  const before = await record();
  for (const note of [undefined, '   ', '说'.repeat(501)]) {
    const refused = await redraft({ revision: 1, ...(note === undefined ? {} : { note }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(refused.error.fields['payload.note']).toMatch(/重新统计说明/);
    expect(JSON.stringify(refused)).not.toContain('说说说');
  }
  expect((await record())._rev).toBe(before._rev);

  // The source record corrected (PUB-13): the correction published replaces the 0.5 万元 version.
  await at('2027-01-05T10:00:00+08:00');
  const fixed = { ...wrong, content: '警告，罚款0.6万元', fine: '0.6' };
  const correction = await ctx.call.staff(PREPARER, 'publication.correct', { id, entry: fixed });
  expect(correction.ok).toBe(true);
  await passAll(ctx.call, correction.data.correctionId);

  await at('2027-01-06T10:00:00+08:00');
  const requestId = randomUUID();
  const payload = { revision: 1, note: `  ${NOTE} ` };
  const done = await redraft(payload, requestId);
  expect(done.ok).toBe(true);
  const oldFines = first.data.figures.fines as string;
  const newFines = done.data.figures.fines as string;
  expect(Math.round((Number(newFines) - Number(oldFines)) * 10)).toBe(1);
  expect(done.data).toMatchObject({
    status: 'drafted',
    statusLabel: '待分管领导审核',
    revision: 2,
    draftedBy: '信息统计员',
    note: NOTE,
  });
  expect(done.data.changes).toContainEqual({
    key: 'fines',
    label: '罚款金额',
    from: `${oldFines} 万元`,
    to: `${newFines} 万元`,
  });
  // Only what changed is listed: the counts of decisions stay (the correction counts once, as its newest
  // version), and the on-time share keeps the first version's publication (PUB-12: a correction published after
  // the deadline does not make the decision's on-time publication late).
  expect(done.data.changes.map((c: any) => c.key)).toEqual(['fines']);
  // The version sent back stays readable: its figures, who drafted it, when, the reason it was sent back.
  expect(done.data.revisions).toEqual([
    {
      revision: 1,
      figures: first.data.figures,
      draftedBy: '系统自动生成',
      draftedAt: expect.stringMatching(/^2027-01-04T01:00/),
      note: null,
      sentBack: { reason: REASON, at: expect.stringMatching(/^2027-01-04T01:00/) },
    },
  ]);
  // A retried request (lost answer) answers the same and redrafts once.
  expect(await redraft(payload, requestId)).toEqual(done);
  const stored = await record();
  expect(stored).toMatchObject({ revision: 2, note: NOTE, draftedBy: expect.stringMatching(/./) });
  expect(stored.revisions).toHaveLength(1);
  const events = (await allDocs('sys_events')).filter((e) => e.entity === `annualReports/annual_${YEAR}`);
  expect(events.map((e) => e.action)).toEqual([
    'annual.draft',
    'annualReport.reject',
    'annualReport.redraft',
  ]);
  expect((await verifyAllVia(ctx.emu)).breaks).toEqual([]);

  // The reviewer sees the diff and the 说明, then the figures go through as usual and are published.
  const seen = await ctx.call.staff('demo-leader-1', 'annual.get', { year: YEAR });
  expect(seen.data).toMatchObject({ note: NOTE, allowed: ['review', 'reject'] });
  expect(seen.data.changes).toEqual(done.data.changes);
  expect((await step('demo-leader-1', { step: 'review' })).ok).toBe(true);
  expect((await step('demo-principal', { step: 'approve' })).ok).toBe(true);
  expect((await step('demo-publisher', { step: 'publish' })).data.status).toBe('published');
  const pub = await ctx.call.publicCall('stats.annual', { year: YEAR });
  expect(pub.data.figures.fines).toBe(newFines);
  // Neither the 说明 nor the earlier version is public.
  expect(JSON.stringify(pub.data)).not.toMatch(/重新统计|退回|revision/);
});
