/**
 * The public surface (PUB-7, PUB-13, item 6): only the public projection is answered; withdrawal takes the
 * content off the list at once and leaves a notice with the reason; a natural person's full name finds nothing;
 * kind filter and cursor paging, newest decision first. The scan of every public answer for the personal data of
 * every party (case register and entries, sealed identifiers opened) is public-scan.test.ts.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { create, passAll, personPenalty, PREPARER, publicIds, REVIEWER } from './helpers';

const ctx = useSeededEmulator();

/** Every page of the public list, with `payload`'s filters. */
async function everyPage(payload: Record<string, unknown> = {}) {
  const items: any[] = [];
  const answers: unknown[] = [];
  let cursor: string | undefined;
  do {
    const res = await ctx.call.publicCall('publication.list', { pageSize: 2, ...payload, cursor });
    expect(res.ok).toBe(true);
    answers.push(res);
    items.push(...res.data.items);
    cursor = res.data.nextCursor ?? undefined;
  } while (cursor);
  return { items, answers };
}

describe('publication.list and publication.get (PUB-7)', () => {
  it('lists the seeded results newest decision first, with a withdrawal notice and no levy', async () => {
    const { items } = await everyPage();
    const dates = items.filter((i) => !i.withdrawn).map((i) => i.view.decisionDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const kinds = new Set(items.filter((i) => !i.withdrawn).map((i) => i.view.kind));
    expect([...kinds].sort()).toEqual(['coercion', 'inspection', 'penalty', 'permit']);
    const notice = items.find((i) => i.withdrawn);
    expect(notice.notice).toEqual({
      docNo: '万卫公罚〔2026〕9号',
      withdrawnOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reason: '该行政处罚决定已被行政复议机关撤销，依法撤回公示',
    });
    expect(Object.keys(notice).sort()).toEqual(['id', 'notice', 'withdrawn']);
  });

  it('filters by kind and finds by keyword through the index (strict index mode)', async () => {
    const permits = await everyPage({ kind: 'permit' });
    expect(permits.items.map((i) => i.view.partyName)).toEqual(['万州区丽影美发店']);
    const byName = await everyPage({ keyword: '嘉禾酒店' });
    expect(byName.items.map((i) => i.view.docNo)).toEqual(['万卫公罚〔2026〕15号']);
    const byDocNo = await everyPage({ keyword: '万卫医强[2026]3号' });
    expect(byDocNo.items).toHaveLength(1);
    const byKindAndWord = await everyPage({ kind: 'penalty', keyword: '张某' });
    expect(byKindAndWord.items.map((i) => i.view.partyName)).toEqual(['张某']);
  });

  it('finds nothing for a natural person’s full name, ID number or phone (PUB-7)', async () => {
    for (const keyword of ['张德明', '德明', '13628391045']) {
      const res = await ctx.call.publicCall('publication.list', { keyword });
      expect(res).toMatchObject({ ok: true, data: { items: [] } });
    }
  });

  it('takes a withdrawn entry’s content off the list at once and shows its notice (PUB-13)', async () => {
    const id = await create(ctx.call, personPenalty({ docNo: '万卫医罚〔2026〕777号' }));
    await passAll(ctx.call, id);
    expect((await ctx.call.publicCall('publication.get', { id })).data.withdrawn).toBe(false);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await ctx.call.staff(PREPARER, 'publication.noteChange', {
      id,
      change: 'changed',
      effectiveOn: today,
      receivedOn: today,
    });
    const reason = '原处罚决定经复议变更，依法撤回原公示信息';
    expect((await ctx.call.staff(PREPARER, 'publication.withdraw', { id, reason })).ok).toBe(true);
    const now = await ctx.call.publicCall('publication.get', { id });
    expect(now.data).toMatchObject({ withdrawn: true, notice: { docNo: '万卫医罚〔2026〕777号' } });
    expect(now.data.view).toBeUndefined();
    expect(await publicIds(ctx.call, { keyword: '非医师行医' })).not.toContain(id);
    expect((await ctx.call.staff(REVIEWER, 'publication.publishWithdrawalReason', { id })).ok).toBe(true);
    const after = await ctx.call.publicCall('publication.get', { id });
    expect(after.data.notice.reason).toBe(reason);

    // The changed decision's new entry links to the old one's notice.
    const changed = await ctx.call.staff(PREPARER, 'publication.create', {
      entry: personPenalty({ docNo: '万卫医罚〔2026〕778号' }),
      replaces: id,
    });
    expect(changed.ok).toBe(true);
    await passAll(ctx.call, changed.data.id);
    const linked = await ctx.call.publicCall('publication.get', { id: changed.data.id });
    expect(linked.data.replaces).toEqual({ id, docNo: '万卫医罚〔2026〕777号' });
    // ... and the old one's notice names the new one (PUB-13; 行政处罚法 Art. 48), in the list as in get.
    const back = { id: changed.data.id, docNo: '万卫医罚〔2026〕778号' };
    expect((await ctx.call.publicCall('publication.get', { id })).data.replacedBy).toEqual(back);
    const listed = (await everyPage()).items.find((i: any) => i.id === id);
    expect(listed.replacedBy).toEqual(back);
    expect((await ctx.call.staff(PREPARER, 'publication.staffGet', { id })).data.replacedBy).toEqual(back);
  });

  it('refuses a malformed cursor and answers NOT_FOUND for an unpublished entry', async () => {
    const bad = await ctx.call.publicCall('publication.list', { cursor: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const draft = await create(ctx.call, personPenalty());
    expect(await ctx.call.publicCall('publication.get', { id: draft })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
