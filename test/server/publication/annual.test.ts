/**
 * Annual enforcement data (PUB-14; seed publicity Art. 26) over the emulator with its clock: the
 * scheduler drafts the 2026 figures on the first working day of January 2027 (the administrator's 2027 table:
 * 1 January is a holiday, 2-3 January a weekend, so 4 January) and not before, once however often the timer fires;
 * review (分管领导), approval (主要领导) and publication (办公室) through the kernel, each by another person; the
 * figures are public only once published; the report to the justice bureau is filled from the template; the
 * staff view counts down to 31 January.
 */
import { allDocs, submission, useSeededEmulator } from '../complaint/helpers';
import { annualActions } from './annual-helpers';

const ctx = useSeededEmulator();
const { at, loadTable2027 } = annualActions(ctx);
const fire = () => ctx.emu.post('/timer/scheduler', {});

describe('annual data (PUB-14)', () => {
  it('drafts 2026 on 4 January 2027, once; public only after review, approval and publication', async () => {
    expect((await loadTable2027()).ok).toBe(true);
    // A complaint received in 2026 (Beijing time) and one in 2027: only the first counts.
    await at('2026-12-31T23:30:00+08:00');
    expect((await ctx.call.citizen('o-annual-1', 'complaint.submit', submission())).ok).toBe(true);
    await at('2027-01-01T00:30:00+08:00');
    expect((await ctx.call.citizen('o-annual-2', 'complaint.submit', submission())).ok).toBe(true);
    for (const day of [
      '2026-12-31T10:00:00+08:00',
      '2027-01-01T10:00:00+08:00',
      '2027-01-03T10:00:00+08:00',
    ]) {
      await at(day);
      await fire();
      const none = await ctx.call.staff('demo-principal', 'annual.get', { year: 2026 });
      expect({ day, code: none.error?.code }).toEqual({ day, code: 'NOT_FOUND' });
    }
    await at('2027-01-04T09:00:00+08:00');
    await fire();
    await fire();
    expect((await allDocs('annualReports')).map((r) => r._id)).toEqual(['annual_2026']);

    const drafted = await ctx.call.staff('demo-leader-1', 'annual.get', { year: 2026 });
    expect(drafted.ok).toBe(true);
    expect(drafted.data).toMatchObject({
      year: 2026,
      status: 'drafted',
      publishBy: '2027-01-31',
      daysLeft: 27,
    });
    // 审核, or 退回 to the statistics section (test/server/publication/annual-redraft.test.ts).
    expect(drafted.data.allowed).toEqual(['review', 'reject']);
    // The dashboard counts down to 31 January while the figures are not public.
    const dash = await ctx.call.staff('demo-principal', 'dashboard', {});
    const row = dash.data.providers.find((p: any) => p.id === 'annual.publish');
    expect(row.counts).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect(JSON.stringify(dash.data.sections)).toContain(
      '2026 年度执法数据（待分管领导审核），须于 2027-01-31 前公开，还剩 27 天',
    );

    // The figures count the entries decided in 2026 (corrections once, drafts not).
    const entries = (await allDocs('publicationEntries')).filter(
      (e) => e.decisionDate.startsWith('2026-') && !['superseded', 'draft'].includes(e.status),
    );
    const byKind = Object.fromEntries(drafted.data.figures.byKind.map((b: any) => [b.kind, b.count]));
    expect(byKind.penalty).toBe(entries.filter((e) => e.kind === 'penalty').length);
    expect(byKind.penalty).toBeGreaterThan(0);
    expect(drafted.data.figures.withdrawals).toBe(entries.filter((e) => e.status === 'withdrawn').length);
    expect(drafted.data.figures.complaints).toEqual({ received: 1, accepted: 0, closed: 0 });
    expect(drafted.data.justiceReport).toContain('2026年度行政执法数据');
    expect(drafted.data.justiceReport).toContain(`行政处罚${byKind.penalty}件`);
    expect(JSON.stringify(drafted.data.figures)).not.toMatch(/张德明|\d{17}[\dX]/);

    expect((await ctx.call.publicCall('stats.annual', {})).data).toEqual({
      years: [],
      figures: null,
      publishedAt: null,
    });
    expect(
      (await ctx.call.staff('demo-publisher', 'annual.step', { year: 2026, step: 'publish' })).error.code,
    ).toBe('PRECONDITION_FAILED');
    expect((await ctx.call.staff('demo-leader-1', 'annual.step', { year: 2026, step: 'review' })).ok).toBe(
      true,
    );
    expect(
      (await ctx.call.staff('demo-publisher', 'annual.step', { year: 2026, step: 'approve' })).error.code,
    ).toBe('FORBIDDEN');
    expect((await ctx.call.staff('demo-principal', 'annual.step', { year: 2026, step: 'approve' })).ok).toBe(
      true,
    );
    await at('2027-01-20T10:00:00+08:00');
    const done = await ctx.call.staff('demo-publisher', 'annual.step', { year: 2026, step: 'publish' });
    expect(done.data).toMatchObject({ status: 'published', daysLeft: 11 });

    const after = await ctx.call.staff('demo-principal', 'dashboard', {});
    expect(after.data.providers.find((p: any) => p.id === 'annual.publish').counts).toMatchObject({
      dueSoon: 0,
    });
    const pub = await ctx.call.publicCall('stats.annual', {});
    expect(pub.data).toEqual({
      years: [2026],
      figures: drafted.data.figures,
      publishedAt: expect.any(String),
    });
    expect((await ctx.call.publicCall('stats.annual', { year: 2025 })).error.code).toBe('NOT_FOUND');
  });
});
