/**
 * 退回 of the annual figures with its reason (PUB-14; seed publicity Art. 26), over the emulator: the reason is
 * required (a Chinese message naming the field, nothing written), kept with the step in the record's state that
 * the step's ledger event seals, shown to everyone who reads the figures (the statistics section, which must
 * redraft them before anyone reviews them again: test/server/publication/annual-redraft.test.ts), and a retried
 * request does not send back twice. After the 重新统计 the next round is reviewed and approved as usual.
 */
import { randomUUID } from 'node:crypto';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { annualActions, YEAR } from './annual-helpers';

const ctx = useSeededEmulator();
const { at, step, record, loadTable2027 } = annualActions(ctx);

beforeAll(async () => {
  await loadTable2027();
});

it('requires the reason, records it on the ledger and shows it; the next round goes on', async () => {
  await at('2027-01-04T09:00:00+08:00');
  await ctx.emu.post('/timer/scheduler', {});
  expect((await step('demo-leader-1', { step: 'review' })).ok).toBe(true);
  const before = await record();

  // No reason, an empty one, one too long: refused naming the field, nothing written.
  for (const comment of [undefined, '   ', '理'.repeat(501)]) {
    const refused = await step('demo-principal', {
      step: 'reject',
      ...(comment === undefined ? {} : { comment }),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(refused.error.fields['payload.comment']).toMatch(
      comment === undefined || !comment.trim() ? /^请填写退回理由$/ : /退回理由.*不能超过 500 个字/,
    );
    expect(JSON.stringify(refused)).not.toContain('理理理');
  }
  expect((await record())._rev).toBe(before._rev);

  const reason = '罚款金额合计与财务科台账不一致，请统计科核对后重新提交。';
  const requestId = randomUUID();
  const payload = { step: 'reject', comment: `  ${reason} ` };
  const sent = await step('demo-principal', payload, requestId);
  expect(sent.ok).toBe(true);
  expect(sent.data).toMatchObject({ status: 'returned', statusLabel: '已退回，待信息统计科重新统计' });
  expect(sent.data.comments).toEqual([
    { step: 'reject', stepLabel: '退回', round: 1, text: reason, at: expect.any(String) },
  ]);
  // The same request again (a lost answer retried): the same answer, sent back once.
  const retried = await step('demo-principal', payload, requestId);
  expect(retried).toEqual(sent);

  // Kept in the record's state, which the step's event on the ledger seals.
  const stored = await record();
  expect(stored.comments).toEqual([expect.objectContaining({ step: 'reject', text: reason })]);
  const events = (await allDocs('sys_events')).filter((e) => e.entity === `annualReports/annual_${YEAR}`);
  expect(events.find((e) => e.rev === stored._rev)).toMatchObject({ action: 'annualReport.reject' });
  expect((await verifyAllVia(ctx.emu)).breaks).toEqual([]);

  // Whoever reads the figures sees why: the statistics section that redrafts them, the 分管领导.
  for (const who of ['demo-leader-1', 'demo-statistician']) {
    const seen = await ctx.call.staff(who, 'annual.get', { year: YEAR });
    expect(seen.data.comments.map((c: any) => c.text)).toEqual([reason]);
  }

  // Not reviewed again as it stands: the statistics section redrafts it first (重新统计, with its 说明).
  expect((await step('demo-leader-1', { step: 'review' })).error.code).toBe('PRECONDITION_FAILED');
  const redrafted = await ctx.call.staff('demo-statistician', 'annual.redraft', {
    year: YEAR,
    revision: 1,
    note: '已与财务科台账核对，数据无误，重新提交审核。',
  });
  expect(redrafted.data).toMatchObject({ status: 'drafted', revision: 2, changes: [] });

  // A new round: the same people review and approve it again.
  expect((await step('demo-leader-1', { step: 'review' })).ok).toBe(true);
  const approved = await step('demo-principal', { step: 'approve' });
  expect(approved.data).toMatchObject({ status: 'approved' });
  expect(approved.data.comments.map((c: any) => c.step)).toEqual(['reject', 'redraft']);
});
