/**
 * The display period (公示期限; per channel, the legal section's setting per kind and tier,
 * carried by a penalty as its 公示截止期 CF_GSJZQ): a published penalty leaves the public list and
 * `publication.get` the day after its display end, through the scheduler's timer (`publication.delistDue`, read
 * by the indexed `listed, displayUntil` in strict index mode); staff still see the entry. An indefinite end
 * (2099-12-31) keeps it listed.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, passAll, PREPARER, publicIds } from './helpers';

const ctx = useSeededEmulator();
const DAY = 86_400_000;
// Taken once: setting the emulator's clock moves this process's clock too (the emulator runs in it).
const T0 = Date.now();
const dateIn = (days: number) => new Date(T0 + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
const setClock = (days: number) =>
  ctx.emu.post('/_emulator/clock', { now: new Date(T0 + days * DAY).toISOString() });

describe('display end (公示截止期)', () => {
  it('drops a penalty from the public list after its display end; staff still see it', async () => {
    const ending = await create(ctx.call, companyPenalty({ publicityUntil: dateIn(10) }));
    const lasting = await create(ctx.call, companyPenalty({ publicityUntil: '2099-12-31' }));
    for (const id of [ending, lasting]) await passAll(ctx.call, id);
    await ctx.emu.post('/timer/scheduler', {});
    expect(await publicIds(ctx.call)).toEqual(expect.arrayContaining([ending, lasting]));

    // On the display end itself it is still shown.
    await setClock(10);
    await ctx.emu.post('/timer/scheduler', {});
    expect(await publicIds(ctx.call, { kind: 'penalty' })).toContain(ending);

    // The day after, the timer takes it off: not listed, not found; the indefinite one stays.
    await setClock(11);
    await ctx.emu.post('/timer/scheduler', {});
    const ids = await publicIds(ctx.call, { kind: 'penalty' });
    expect(ids).not.toContain(ending);
    expect(ids).toContain(lasting);
    expect(await ctx.call.publicCall('publication.get', { id: ending })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const staff = await ctx.call.staff(PREPARER, 'publication.staffGet', { id: ending });
    expect(staff.data).toMatchObject({
      status: 'published',
      displayUntil: dateIn(10),
      delistedOn: dateIn(11),
    });
    expect((await ctx.call.staff(PREPARER, 'publication.staffGet', { id: lasting })).data).toMatchObject({
      displayUntil: null,
      delistedOn: null,
    });
  });
});
