/**
 * Entries from decisions in the case register (PUB-6, PUB-10) and decisions without an entry on the dashboard
 * (PUB-12, PUB-15; seed publicity Art. 24; publication "a decision without an entry shows on the dashboard after its
 * due date"): a penalty decision recorded at the `decision` stage is due for publication 7 working days later; past
 * that day (the emulator's clock moved on) the dashboard lists it under the case's section, read by index in strict
 * mode; `publication.fromDecision` makes a draft filled from the register, linked both ways, which takes it off.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { HEAD, OFFICER, openCase } from '../case/helpers';
import { DEMO_UNIT_CREDIT_CODES } from '../../../emulator/seed/org';

const ctx = useSeededEmulator();

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** A penalty case taken to its decision (行政处罚法 Art. 57: the unit head decides). */
async function decidedCase(docNo: string, amounts: Record<string, number> = { fine: 25000 }) {
  const kase = await openCase(ctx.call);
  const steps: Array<[string, string, Record<string, unknown>]> = [
    [OFFICER, 'investigation', {}],
    [OFFICER, 'priorNotice', {}],
    [OFFICER, 'statement', { statement: { periodEndsAt: new Date().toISOString(), partyStated: true } }],
    [HEAD, 'legalReview', {}],
    [
      HEAD,
      'decision',
      {
        decision: {
          docNo,
          date: today(),
          type: 'penalty',
          conclusion: '警告，并处罚款人民币二万五千元',
          amounts,
        },
      },
    ],
  ];
  for (const [who, stage, extra] of steps) {
    const res = await ctx.call.staff(who, 'case.advance', { id: kase.id, stage, ...extra });
    expect({ stage, res }).toMatchObject({ stage, res: { ok: true } });
  }
  return kase;
}

async function dashboardItems(openid: string) {
  const res = await ctx.call.staff(openid, 'dashboard');
  expect(res.ok).toBe(true);
  return res.data.sections.flatMap((s: any) =>
    s.people.flatMap((p: any) => p.items.map((i: any) => ({ section: s.section, ...i }))),
  );
}

const setClock = (ms: number) => ctx.emu.post('/_emulator/clock', { now: new Date(ms).toISOString() });

describe('decisions without an entry (PUB-12, PUB-15)', () => {
  it('shows a decision without an entry after its due date, and no longer once an entry is made from it', async () => {
    const docNo = `万卫罚〔2026〕${Date.now() % 100000}号`;
    const kase = await decidedCase(docNo);

    // Within the 7 working days: not yet overdue (at most due soon).
    const early = (await dashboardItems(HEAD)).find((i: any) => i.item.startsWith(docNo));
    expect(early?.status).not.toBe('overdue');

    // Three calendar weeks on, well past 7 working days: overdue, under the case's section (执法一大队).
    await setClock(Date.now() + 21 * DAY);
    const late = (await dashboardItems(HEAD)).find((i: any) => i.item.startsWith(docNo));
    expect(late).toMatchObject({ section: 'sec_dept_1', status: 'overdue', ref: `case:${kase.id}` });
    expect(late.item).toContain('未制作公示条目');
    expect(late.item).toContain(kase.caseNo);

    const made = await ctx.call.staff(OFFICER, 'publication.fromDecision', { caseId: kase.id, docNo });
    expect(made).toMatchObject({ ok: true, data: { status: 'draft' } });
    // The decision's row is gone; the entry's own publication clock (same due date) is overdue in its place.
    const after = (await dashboardItems(HEAD)).filter((i: any) => i.item.startsWith(docNo));
    expect(after).toEqual([
      expect.objectContaining({ provider: 'publication.publish', status: 'overdue', section: 'sec_dept_1' }),
    ]);
    expect(after[0].dueAt).toBe(late.dueAt);
  });
});

describe('publication.fromDecision (PUB-6, PUB-10)', () => {
  it('fills the draft from the register, links it both ways, and lists what the preparer must add', async () => {
    const docNo = `万卫罚〔2026〕${(Date.now() % 100000) + 1}号`;
    const kase = await decidedCase(docNo, { fine: 25000, confiscated: 1800 });
    const made = await ctx.call.staff(OFFICER, 'publication.fromDecision', { caseId: kase.id, docNo });
    expect(made.ok).toBe(true);
    const paths = made.data.missing.map((m: any) => m.path);
    // What the register does not hold: the facts and the basis. The authority's credit codes are the deciding
    // unit's, from the organisation model (the seed's enforcement unit).
    expect(paths.sort()).toEqual(['basis', 'facts']);
    expect(made.data.missing.every((m: any) => /[\u4e00-\u9fa5]/.test(m.message))).toBe(true);

    // A retry (or a colleague) gets the same draft, not a second one.
    const again = await ctx.call.staff(OFFICER, 'publication.fromDecision', { caseId: kase.id, docNo });
    expect(again.data.id).toBe(made.data.id);

    const got = await ctx.call.staff(OFFICER, 'publication.staffGet', { id: made.data.id });
    expect(got.data).toMatchObject({
      kind: 'penalty',
      docNo,
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_1',
      fromDecision: { caseId: kase.id, caseNo: kase.caseNo, docNo },
      entry: {
        violationType: '未取得医疗机构执业许可证擅自执业',
        content: '警告，并处罚款人民币二万五千元',
        fine: '2.5',
        confiscated: '0.18',
        categories: ['罚款', '没收违法所得'],
        party: { category: 'organisation', name: '某某口腔诊所有限公司', legalRep: '王某某' },
      },
    });
    expect(got.data.entry.party.creditCode).toMatch(/^91500101MA/);
    expect(got.data.entry).toMatchObject({
      authorityCode: DEMO_UNIT_CREDIT_CODES.enforcement,
      sourceUnitCode: DEMO_UNIT_CREDIT_CODES.enforcement,
    });
    expect(got.data.dueDate).toEqual(expect.any(String));

    // The decision knows its entry (case.get).
    const c = await ctx.call.staff(OFFICER, 'case.get', { id: kase.id });
    expect(c.data.decisions[0].publication).toMatchObject({ kind: 'penalty', entryId: made.data.id });

    // Incomplete: submit is refused with the missing fields named.
    const early = await ctx.call.staff(OFFICER, 'publication.submit', { id: made.data.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(early.error.message).toContain('请填写');

    // Completed by the preparer (publication.edit, the whole entry): submit goes on to the 分管 review.
    const entry = {
      ...got.data.entry,
      facts: '当事人未取得医疗机构执业许可证，擅自开展口腔诊疗活动。',
      basis: '《医疗机构管理条例》第四十三条',
    };
    const edited = await ctx.call.staff(OFFICER, 'publication.edit', { id: made.data.id, entry });
    expect(edited).toMatchObject({ ok: true });
    const submitted = await ctx.call.staff(OFFICER, 'publication.submit', { id: made.data.id });
    expect(submitted).toMatchObject({ ok: true, data: { status: 'submitted' } });
  });

  it('lists the preparer’s decisions without an entry, earliest due first, until one is made', async () => {
    const docNo = `万卫罚〔2026〕${(Date.now() % 100000) + 4}号`;
    const kase = await decidedCase(docNo);
    const queue = async (who: string) => {
      const res = await ctx.call.staff(who, 'publication.decisionQueue', {});
      expect(res.ok).toBe(true);
      return res.data.items as any[];
    };
    const mine = await queue(OFFICER);
    expect(mine.find((d) => d.docNo === docNo)).toMatchObject({
      caseId: kase.id,
      caseNo: kase.caseNo,
      kind: 'penalty',
      decisionDate: today(),
      status: 'ok',
    });
    // The seeded decision with no entry, 15 days old, is overdue and comes first.
    expect(mine[0]).toMatchObject({ docNo: '万卫罚〔2026〕2号', status: 'overdue' });
    expect(JSON.stringify(mine)).not.toContain('陈建华');
    // An officer of another unit sees none of them.
    expect((await queue('demo-officer-3')).find((d) => d.docNo === docNo)).toBeUndefined();
    await ctx.call.staff(OFFICER, 'publication.fromDecision', { caseId: kase.id, docNo });
    expect((await queue(OFFICER)).find((d) => d.docNo === docNo)).toBeUndefined();
  });

  it('makes one draft when it is asked for twice at once (two phones): both get it', async () => {
    const docNo = `万卫罚〔2026〕${(Date.now() % 100000) + 3}号`;
    const kase = await decidedCase(docNo);
    const both = await Promise.all(
      [OFFICER, OFFICER].map((who) =>
        ctx.call.staff(who, 'publication.fromDecision', { caseId: kase.id, docNo }),
      ),
    );
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(both[0].data.id).toBe(both[1].data.id);
    const c = await ctx.call.staff(OFFICER, 'case.get', { id: kase.id });
    expect(c.data.decisions[0].publication.entryId).toBe(both[0].data.id);
  });

  it('answers NOT_FOUND for a case the caller cannot see and for an unknown document number', async () => {
    const docNo = `万卫罚〔2026〕${(Date.now() % 100000) + 2}号`;
    const kase = await decidedCase(docNo);
    // 周敏 is an officer of the commission's 医政医管科: the enforcement unit's case is not hers to see.
    const other = await ctx.call.staff('demo-officer-3', 'publication.fromDecision', {
      caseId: kase.id,
      docNo,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await ctx.call.staff(OFFICER, 'publication.fromDecision', {
      caseId: kase.id,
      docNo: '万卫罚〔2026〕0号',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await ctx.call.staff(OFFICER, 'publication.fromDecision', { caseId: 'x', docNo });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
