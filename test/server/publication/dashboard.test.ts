/**
 * The dashboard's publication clocks (PUB-12, PUB-13, PUB-15), per section: an entry not published 7 working
 * days after a penalty decision shows overdue; a changed decision whose entry is not taken down within 3 working
 * days shows the take-down late. Both are read by the stored, indexed due date (strict index mode).
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, passAll, PREPARER, REVIEWER } from './helpers';

const ctx = useSeededEmulator();

const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

async function dashboardItems(openid: string) {
  const res = await ctx.call.staff(openid, 'dashboard');
  expect(res.ok).toBe(true);
  expect(res.data.providers.map((p: any) => p.id)).toEqual(
    expect.arrayContaining(['publication.publish', 'publication.withdrawal']),
  );
  return res.data.sections.flatMap((s: any) =>
    s.people.flatMap((p: any) => p.items.map((i: any) => ({ section: s.section, ...i }))),
  );
}

describe('publication deadlines on the dashboard (PUB-12, PUB-13)', () => {
  it('shows an entry overdue for publication under its section', async () => {
    const docNo = '万卫医罚〔2026〕901号';
    await create(ctx.call, companyPenalty({ docNo, decisionDate: daysAgo(25), validUntil: '2099-12-31' }));
    const items = await dashboardItems(REVIEWER);
    const mine = items.find((i: any) => i.item.startsWith(docNo));
    expect(mine).toMatchObject({ section: 'sec_medical', status: 'overdue' });
    expect(mine.item).toContain('许可、处罚决定公示期限');

    // Corrected to the real (recent) decision date, the clock starts again from it.
    const id = mine.ref.replace('publication:', '');
    const edited = await ctx.call.staff(PREPARER, 'publication.edit', {
      id,
      entry: companyPenalty({ docNo, decisionDate: daysAgo(0), validUntil: '2099-12-31' }),
    });
    expect(edited.ok).toBe(true);
    const after = await dashboardItems(REVIEWER);
    expect(after.find((i: any) => i.item.startsWith(docNo))).toBeUndefined();
  });

  it('shows a changed decision’s take-down late, and no longer once withdrawn', async () => {
    const docNo = '万卫医罚〔2026〕902号';
    const id = await create(ctx.call, companyPenalty({ docNo }));
    await passAll(ctx.call, id);
    const noted = await ctx.call.staff(PREPARER, 'publication.noteChange', {
      id,
      change: 'revoked',
      effectiveOn: daysAgo(12),
      receivedOn: daysAgo(10),
    });
    expect(noted.ok).toBe(true);
    const late = (await dashboardItems(REVIEWER)).find((i: any) => i.item.startsWith(docNo));
    expect(late).toMatchObject({ status: 'overdue' });
    expect(late.item).toContain('撤下已变更的公示信息');
    await ctx.call.staff(PREPARER, 'publication.withdraw', { id, reason: '原处罚决定已被撤销，依法撤回' });
    const after = (await dashboardItems(REVIEWER)).find((i: any) => i.item.startsWith(docNo));
    // Taken down; the public reason is still late.
    expect(after.item).toContain('公布撤回理由');
  });
});
