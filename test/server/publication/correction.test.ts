/**
 * Corrections of a published entry (PUB-13, PUB-11): a new version through the same four steps while the current
 * version stays public; publishing it replaces the current one in the same transaction (the public sees one
 * entry, the current version); the old version is kept for staff as `superseded`; one open correction at a time.
 */
import { sdkApp, useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, passAll, PREPARER, publicIds } from './helpers';

const ctx = useSeededEmulator();

const stored = async (id: string) =>
  (await sdkApp().database().collection('publicationEntries').doc(id).get()).data[0];

describe('correcting a published entry (PUB-13)', () => {
  it('keeps the current version public until the correction is published, then shows only the new one', async () => {
    const first = companyPenalty();
    const id = await create(ctx.call, first);
    await passAll(ctx.call, id);
    const fixed = { ...first, content: '警告，并处罚款0.6万元', fine: '0.6' };
    const started = await ctx.call.staff(PREPARER, 'publication.correct', { id, entry: fixed });
    expect(started.ok).toBe(true);
    const v2 = started.data.correctionId as string;

    const twice = await ctx.call.staff(PREPARER, 'publication.correct', { id, entry: fixed });
    expect(twice).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect((await ctx.call.publicCall('publication.get', { id })).data.view.fine).toBe('0.5');

    await passAll(ctx.call, v2);
    const now = await ctx.call.publicCall('publication.get', { id });
    expect(now.data.view).toMatchObject({ fine: '0.6', decision: '警告，并处罚款0.6万元' });
    const listed = await publicIds(ctx.call, { keyword: first.docNo });
    expect(listed).toEqual([id]);
    expect(await stored(id)).toMatchObject({ status: 'superseded' });
    expect(await stored(v2)).toMatchObject({ status: 'published', version: 2, supersedes: id });
    const staffView = await ctx.call.staff(PREPARER, 'publication.staffGet', { id: v2 });
    expect(staffView.data).toMatchObject({ version: 2, supersedes: id, publicId: id });
  });
});
