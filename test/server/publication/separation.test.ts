/**
 * Separation of duty (PUB-11, seed Art. 22-23): within a round nobody passes an entry at two steps, and whoever
 * prepared it takes none of the later ones, even when they hold the later step's role. The demo preparer and
 * the demo reviewer are given the office's `publisher` role (not a sensitive role: granted at once) so the
 * refusal tested is the separation, not a missing role.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, OFFICE, PREPARER, PRINCIPAL, REVIEWER } from './helpers';

const ctx = useSeededEmulator();

beforeAll(async () => {
  for (const staffId of ['stf_officer_3', 'stf_leader_1']) {
    const res = await ctx.call.staff('demo-admin-1', 'staff.grantRole', {
      staffId,
      role: 'publisher',
      unitId: 'unit_commission',
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'granted' } });
  }
});

describe('separation of duty (PUB-11)', () => {
  it('refuses the preparer a later step although they hold its role', async () => {
    const id = await create(ctx.call, companyPenalty());
    expect((await ctx.call.staff(PREPARER, 'publication.submit', { id })).ok).toBe(true);
    expect((await ctx.call.staff(REVIEWER, 'publication.review', { id })).ok).toBe(true);
    const res = await ctx.call.staff(PREPARER, 'publication.forward', { id });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(res.error.message).toContain('不能报送本人制作的条目');
  });

  it('refuses the reviewer the office step in the same round', async () => {
    const id = await create(ctx.call, companyPenalty());
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    expect((await ctx.call.staff(REVIEWER, 'publication.review', { id })).ok).toBe(true);
    const res = await ctx.call.staff(REVIEWER, 'publication.forward', { id });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '同一人不能既审核又报送' } });
    expect((await ctx.call.staff(OFFICE, 'publication.forward', { id })).ok).toBe(true);
    expect((await ctx.call.staff(PRINCIPAL, 'publication.approve', { id })).ok).toBe(true);
  });

  it('keeps the separation in the new round after a rejection', async () => {
    const id = await create(ctx.call, companyPenalty());
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    await ctx.call.staff(REVIEWER, 'publication.review', { id });
    await ctx.call.staff(OFFICE, 'publication.reject', { id, comment: '违法事实表述不清，请补充' });
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    // New round: the same reviewer reviews again, and again may not forward.
    expect((await ctx.call.staff(REVIEWER, 'publication.review', { id })).ok).toBe(true);
    const res = await ctx.call.staff(REVIEWER, 'publication.forward', { id });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
