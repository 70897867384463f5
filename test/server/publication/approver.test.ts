/**
 * Who approves publication (PUB-11; seed publicity Art. 22-23): the commission's 主要领导 approves the enforcement
 * unit's entries as well as the commission's, resolved through the organisation model (the entry's unit's
 * commission), without holding any role in the enforcement unit; the unit head (principal there for recording
 * matters only) approves no publication; a recorded delegation of the commission principal still covers both.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, PRINCIPAL, publicIds } from './helpers';

const ctx = useSeededEmulator();

const UNIT_PREPARER = 'demo-officer-1';
const UNIT_HEAD = 'demo-unit-head';
const UNIT_OFFICE = 'demo-publisher-2';
const unitEntry = () =>
  companyPenalty({
    unitId: 'unit_enforcement',
    sectionId: 'sec_dept_1',
    docNo: `万卫执罚〔2026〕${Date.now() % 1e6}号`,
  });

async function forwardedUnitEntry(): Promise<string> {
  const id = await create(ctx.call, unitEntry(), UNIT_PREPARER);
  for (const [who, action] of [
    [UNIT_PREPARER, 'publication.submit'],
    [UNIT_HEAD, 'publication.review'],
    [UNIT_OFFICE, 'publication.forward'],
  ] as const) {
    const res = await ctx.call.staff(who, action, { id });
    expect(res).toMatchObject({ ok: true });
  }
  return id;
}

const approvalQueue = async (openid: string): Promise<string[]> => {
  const res = await ctx.call.staff(openid, 'publication.queue', { queue: 'approval', pageSize: 50 });
  expect(res.ok).toBe(true);
  return res.data.items.map((i: { id: string }) => i.id);
};

describe('the commission principal approves the enforcement unit’s publication (PUB-11)', () => {
  it('lists a forwarded unit entry in the commission principal’s approval queue, who approves and publishes it', async () => {
    const id = await forwardedUnitEntry();
    expect(await approvalQueue(PRINCIPAL)).toContain(id);
    const seen = await ctx.call.staff(PRINCIPAL, 'publication.staffGet', { id });
    expect(seen).toMatchObject({ ok: true, data: { allowedSteps: expect.arrayContaining(['approve']) } });
    const res = await ctx.call.staff(PRINCIPAL, 'publication.approve', { id });
    expect(res).toMatchObject({ ok: true, data: { status: 'published' } });
    expect(await publicIds(ctx.call)).toContain(id);
  });

  it('refuses the unit head, one by one and in a batch, and keeps the entry out of their approval queue', async () => {
    const id = await forwardedUnitEntry();
    expect(await approvalQueue(UNIT_HEAD)).not.toContain(id);
    const one = await ctx.call.staff(UNIT_HEAD, 'publication.approve', { id });
    expect(one).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const batch = await ctx.call.staff(UNIT_HEAD, 'publication.batchApprove', { ids: [id] });
    expect(batch).toMatchObject({ ok: true, data: { approved: 0, results: [{ id, ok: false }] } });
    const still = await ctx.call.staff(PRINCIPAL, 'publication.staffGet', { id });
    expect(still).toMatchObject({ ok: true, data: { status: 'forwarded' } });
  });

  it('lets a delegate of the commission principal approve a unit entry once the delegation is in force', async () => {
    const id = await forwardedUnitEntry();
    const delegate = 'demo-leader-1';
    const before = await ctx.call.staff(delegate, 'publication.approve', { id });
    expect(before.ok).toBe(false);
    const d = await ctx.call.staff(PRINCIPAL, 'org.delegate', {
      toStaffId: 'stf_leader_1',
      role: 'principal',
      unitId: 'unit_commission',
      validUntil: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      reason: '外出学习期间由其代为审批公示事项',
    });
    expect(d.ok).toBe(true);
    const ok = await ctx.call.staff('demo-admin-2', 'org.approveDelegation', { delegationId: d.data.id });
    expect(ok).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect(await approvalQueue(delegate)).toContain(id);
    const after = await ctx.call.staff(delegate, 'publication.batchApprove', { ids: [id] });
    expect(after).toMatchObject({ ok: true, data: { approved: 1, results: [{ id, ok: true }] } });
    expect(await publicIds(ctx.call)).toContain(id);
  });
});
