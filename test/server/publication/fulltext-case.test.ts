/**
 * Full text with the case register's known data (PUB-7): given the case number, the case's party
 * (its sealed ID number opened server-side for this only) and its officers are removed as known data; an unknown
 * case number is refused naming the field; nothing of the register is answered beyond the marks.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { personPenalty } from './helpers';

const ctx = useSeededEmulator();
const OFFICER = 'demo-officer-1';
/** The seeded inspection case (emulator/seed/cases.ts): party 李某某, resident ID below; officer 张伟. */
const CASE_NO = '万卫监〔2026〕1号';
const PARTY_ID = '500101198501011231';
const TEXT = [
  '重庆市万州区卫生健康执法支队',
  '行政处理决定书',
  `当事人：李某某，证件号码见卷宗。经核，当事人所持证件号码为 ${PARTY_ID.slice(0, 6)} ${PARTY_ID.slice(6, 14)} ${PARTY_ID.slice(14)}。`,
  '本支队执法人员张伟对其经营场所进行了检查。以上事实清楚。',
].join('\n');

async function entryWithText(caseNo?: string) {
  const created = await ctx.call.staff(OFFICER, 'publication.create', {
    entry: personPenalty({ unitId: 'unit_enforcement', sectionId: 'sec_dept_1' }),
  });
  expect(created.ok).toBe(true);
  const id = created.data.id;
  const set = await ctx.call.staff(OFFICER, 'publication.setFullText', {
    id,
    text: TEXT,
    ...(caseNo ? { caseNo } : {}),
  });
  return { id, set };
}

describe('full text with the case register (PUB-7)', () => {
  it("removes the case's party ID number and officers as known data", async () => {
    const { id, set } = await entryWithText(CASE_NO);
    expect(set.ok).toBe(true);
    const view = await ctx.call.staff(OFFICER, 'publication.fullText', { id });
    const removals: Array<{ start: number; end: number; source: string; kind: string }> =
      view.data.fullText.removals;
    const sourceOf = (s: string) => removals.find((r) => TEXT.slice(r.start, r.end) === s)?.source;
    expect(sourceOf(`${PARTY_ID.slice(0, 6)} ${PARTY_ID.slice(6, 14)} ${PARTY_ID.slice(14)}`)).toBe('known');
    expect(sourceOf('张伟')).toBe('known');
    expect(view.data.fullText.preview).not.toContain('张伟');
    expect(view.data.fullText.preview.replace(/\s/g, '')).not.toContain(PARTY_ID);
    // The register's data is never answered as such: only the marks on the text staff gave.
    expect(JSON.stringify(view.data)).not.toContain('idSealed');
  });

  it('refuses an unknown case number, naming the field', async () => {
    const { set } = await entryWithText('万卫监〔2026〕999号');
    expect(set).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(set.error)).toContain('案件编号');
  });
});
