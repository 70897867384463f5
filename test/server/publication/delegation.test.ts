/**
 * A principal's absence covered by a recorded delegation (PUB-11, seed Art. 23): before the delegation is in
 * force the leader may not approve; once the principal's delegation is approved by an administrator, the
 * delegate approves and the entry is published.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, OFFICE, PREPARER, publicIds, REVIEWER } from './helpers';

const ctx = useSeededEmulator();
const DELEGATE = 'demo-leader-2';

describe('approval by a recorded delegate of the principal (PUB-11)', () => {
  it('refuses the leader before the delegation is in force and accepts them after', async () => {
    const id = await create(ctx.call, companyPenalty());
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    await ctx.call.staff(REVIEWER, 'publication.review', { id });
    await ctx.call.staff(OFFICE, 'publication.forward', { id });
    const before = await ctx.call.staff(DELEGATE, 'publication.approve', { id });
    expect(before).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const d = await ctx.call.staff('demo-principal', 'org.delegate', {
      toStaffId: 'stf_leader_2',
      role: 'principal',
      unitId: 'unit_commission',
      validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      reason: '出差期间由其代为审批公示事项',
    });
    expect(d.ok).toBe(true);
    const approved = await ctx.call.staff('demo-admin-2', 'org.approveDelegation', {
      delegationId: d.data.id,
    });
    expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } });

    const after = await ctx.call.staff(DELEGATE, 'publication.approve', { id });
    expect(after).toMatchObject({ ok: true, data: { status: 'published' } });
    expect(await publicIds(ctx.call)).toContain(id);
  });
});
