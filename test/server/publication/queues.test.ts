/**
 * The staff queues and detail (PUB-11): an entry moves from the preparer's list to the reviewer's, the office's
 * and the principal's queue as it passes; the detail offers the caller's allowed steps and the history; staff of
 * another unit do not learn it exists; rows show the party's public name only (PUB-7).
 */
import { useSeededEmulator } from '../complaint/helpers';
import { create, OFFICE, personPenalty, PREPARER, PRINCIPAL, REVIEWER } from './helpers';

const ctx = useSeededEmulator();

const queueIds = async (openid: string, queue: string) => {
  const res = await ctx.call.staff(openid, 'publication.queue', { queue, pageSize: 50 });
  expect(res.ok).toBe(true);
  return res.data.items.map((r: { id: string }) => r.id) as string[];
};

describe('publication queues (PUB-11)', () => {
  it('moves an entry through the queues of the four steps', async () => {
    const id = await create(ctx.call, personPenalty());
    expect(await queueIds(PREPARER, 'mine')).toContain(id);
    await ctx.call.staff(PREPARER, 'publication.submit', { id });
    expect(await queueIds(REVIEWER, 'review')).toContain(id);
    expect(await queueIds('demo-leader-2', 'review')).not.toContain(id);
    await ctx.call.staff(REVIEWER, 'publication.review', { id });
    expect(await queueIds(REVIEWER, 'review')).not.toContain(id);
    expect(await queueIds(OFFICE, 'office')).toContain(id);
    await ctx.call.staff(OFFICE, 'publication.forward', { id });
    expect(await queueIds(PRINCIPAL, 'approval')).toContain(id);

    const view = await ctx.call.staff(PRINCIPAL, 'publication.staffGet', { id });
    expect(view.ok).toBe(true);
    expect(view.data.allowedSteps).toEqual(expect.arrayContaining(['approve', 'reject']));
    expect(view.data.acts.map((a: any) => a.step)).toEqual(['submit', 'review', 'forward']);
    expect(view.data.publicPreview.partyName).toBe('张某');
    const officeView = await ctx.call.staff(OFFICE, 'publication.staffGet', { id });
    expect(officeView.data.allowedSteps).not.toContain('approve');
  });

  it('shows rows with the public name only, and hides the entry from another unit (PUB-7)', async () => {
    const id = await create(ctx.call, personPenalty());
    const res = await ctx.call.staff(PREPARER, 'publication.queue', { queue: 'mine', pageSize: 50 });
    const row = res.data.items.find((r: any) => r.id === id);
    expect(row.partyName).toBe('张某');
    expect(JSON.stringify(res.data)).not.toContain('张三丰');
    const other = await ctx.call.staff('demo-unit-head', 'publication.staffGet', { id });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await queueIds('demo-unit-head', 'section')).not.toContain(id);
  });
});
