/**
 * The four-step approval through the functions (PUB-11, seed Art. 22-23): preparer → 分管领导 → office →
 * principal, four accounts, then the public list; a rejected entry corrected and passed again; a batch approval
 * with a result per item; publishing at a set time. Separation of duty: separation.test.ts.
 */
import { useSeededEmulator } from '../complaint/helpers';
import {
  businessPermit,
  companyPenalty,
  create,
  OFFICE,
  passAll,
  PREPARER,
  PRINCIPAL,
  publicIds,
  REVIEWER,
} from './helpers';

const ctx = useSeededEmulator();

describe('publication workflow (PUB-11)', () => {
  it('passes preparer → reviewer → office → principal and appears in publication.list (PUB-11)', async () => {
    const id = await create(ctx.call, companyPenalty());
    expect(await publicIds(ctx.call)).not.toContain(id);
    await passAll(ctx.call, id);
    expect(await publicIds(ctx.call)).toContain(id);
    const got = await ctx.call.publicCall('publication.get', { id });
    expect(got.data).toMatchObject({ withdrawn: false, view: { partyName: '重庆某某酒店管理有限公司' } });
  });

  it('returns a rejected entry to the preparer; corrected, it passes again (PUB-11)', async () => {
    const id = await create(ctx.call, businessPermit());
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    await ctx.call.staff(REVIEWER, 'publication.review', { id });
    await ctx.call.staff(OFFICE, 'publication.forward', { id });
    const rejected = await ctx.call.staff(PRINCIPAL, 'publication.reject', {
      id,
      comment: '许可内容表述不完整，请补充',
    });
    expect(rejected).toMatchObject({ ok: true, data: { status: 'draft' } });
    const noComment = await ctx.call.staff(REVIEWER, 'publication.reject', { id });
    expect(noComment).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const corrected = businessPermit({
      content: '公共场所卫生许可：住宿（含客房 30 间），经营面积 1200 平方米',
    });
    const edit = await ctx.call.staff(PREPARER, 'publication.edit', { id, entry: corrected });
    expect(edit).toMatchObject({ ok: true, data: { status: 'draft' } });
    // The same reviewer may review the new round.
    await passAll(ctx.call, id);
    expect(await publicIds(ctx.call)).toContain(id);
  });

  it('approves a batch item by item with a result per item (PUB-11)', async () => {
    const ready: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await create(ctx.call, companyPenalty());
      await ctx.call.staff(PREPARER, 'publication.submit', { id });
      await ctx.call.staff(REVIEWER, 'publication.review', { id });
      await ctx.call.staff(OFFICE, 'publication.forward', { id });
      ready.push(id);
    }
    const notForwarded = await create(ctx.call, companyPenalty());
    const res = await ctx.call.staff(PRINCIPAL, 'publication.batchApprove', {
      ids: [...ready, notForwarded],
    });
    expect(res.ok).toBe(true);
    expect(res.data.approved).toBe(3);
    expect(res.data.remaining).toEqual([]);
    expect(res.data.results).toHaveLength(4);
    expect(res.data.results.find((r: any) => r.id === notForwarded)).toMatchObject({
      ok: false,
      code: 'PRECONDITION_FAILED',
    });
    const listed = await publicIds(ctx.call);
    for (const id of ready) expect(listed).toContain(id);
  });

  it('publishes at the set time through the scheduler timer (PUB-11)', async () => {
    const id = await create(ctx.call, companyPenalty());
    const publishAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    await passAll(ctx.call, id, { publishAt });
    expect(await publicIds(ctx.call)).not.toContain(id);
    await ctx.emu.post('/_emulator/clock', { now: new Date(Date.now() + 4 * 3600_000).toISOString() });
    await ctx.emu.post('/timer/scheduler', {});
    expect(await publicIds(ctx.call)).toContain(id);
  });

  it('refuses an entry of another section or unit than the preparer’s own (PUB-10)', async () => {
    const res = await ctx.call.staff('demo-officer-1', 'publication.create', { entry: companyPenalty() });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
