/**
 * The 双公示 CSV import through the `staff` function (PUB-6): the whole file is checked first; a file with any
 * bad row imports nothing and reports every bad row with its line and column, never a cell's value; a good file
 * creates one draft per row in the preparer's section, in batches that resume where the last stopped; sending
 * a batch or the file again creates nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { PENALTY_COLUMNS } from '../../../core/publication/sgs-csv';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { ADULT_ID, AUTHORITY_CODE, COMPANY_CODE } from '../../core/publication/fixtures';
import { PREPARER } from './helpers';

const ctx = useSeededEmulator();
const TARGET = { unitId: 'unit_commission', sectionId: 'sec_medical' };

const HEADER = Object.keys(PENALTY_COLUMNS);
function row(docNo: string, over: Record<string, string> = {}) {
  const v: Record<string, string> = {
    CF_XDR_MC: '重庆某某餐饮管理有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: COMPANY_CODE,
    CF_FRDB: '赵大力',
    CF_FR_ZJLX: '身份证',
    CF_FR_ZJHM: ADULT_ID,
    CF_WSH: docNo,
    CF_WFXW: '公共场所未取得卫生许可证擅自营业',
    CF_SY: '该公司未取得公共场所卫生许可证擅自营业。',
    CF_YJ: '《公共场所卫生管理条例实施细则》第三十五条',
    CF_CFLB: '警告;罚款',
    CF_NR: '警告，并处罚款0.5万元',
    CF_NR_FK: '0.5',
    CF_JDRQ: '2026/11/20',
    CF_YXQ: '2099/12/31',
    CF_GSJZQ: '2027/11/20',
    CF_CFJG: '重庆市万州区卫生健康委员会',
    CF_CFJGDM: AUTHORITY_CODE,
    CF_SJLY: '重庆市万州区卫生健康委员会',
    CF_SJLYDM: AUTHORITY_CODE,
    ...over,
  };
  return HEADER.map((h) => v[h] ?? '').join(',');
}
const csv = (...rows: string[]) => [HEADER.join(','), ...rows].join('\r\n');

describe('publication.import (PUB-6)', () => {
  it('imports nothing from a file with bad rows and reports every one by line and column', async () => {
    const before = (await allDocs('publicationEntries')).length;
    const file = csv(
      row('万卫公罚〔2026〕501号'),
      row('万卫公罚〔2026〕502号', { CF_XDR_SHXYM: '91500101MA5U1234X' }),
      row('万卫公罚〔2026〕503号'),
      row('万卫公罚〔2026〕504号', { CF_JDRQ: '2026/02/30' }),
    );
    const res = await ctx.call.staff(PREPARER, 'publication.import', { csv: file, ...TARGET });
    expect(res).toMatchObject({ ok: true, data: { status: 'refused' } });
    const lines = res.data.errors.map((e: any) => [e.line, e.column]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [3, 'CF_XDR_SHXYM'],
        [5, 'CF_JDRQ'],
      ]),
    );
    expect(JSON.stringify(res.data)).not.toContain('91500101MA5U1234X');
    expect((await allDocs('publicationEntries')).length).toBe(before);
  });

  it('creates a draft per row of a good file, in the given section, once per request', async () => {
    const file = csv(row('万卫公罚〔2026〕601号'), row('万卫公罚〔2026〕602号'));
    const requestId = randomUUID();
    const res = await ctx.call.staff(PREPARER, 'publication.import', { csv: file, ...TARGET }, requestId);
    expect(res).toMatchObject({ ok: true, data: { status: 'imported', count: 2 } });
    const again = await ctx.call.staff(PREPARER, 'publication.import', { csv: file, ...TARGET }, requestId);
    expect(again.data.ids).toEqual(res.data.ids);
    const stored = (await allDocs('publicationEntries')).filter((r) => res.data.ids.includes(r._id));
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.status === 'draft' && r.sectionId === 'sec_medical')).toBe(true);
  });

  it('applies a large file in batches that go on where the last stopped, never twice', async () => {
    const rows = Array.from({ length: 205 }, (_, i) => row(`万卫公罚〔2026〕B${i + 1}号`));
    const file = csv(...rows);
    const first = await ctx.call.staff(PREPARER, 'publication.import', { csv: file, ...TARGET });
    expect(first.data).toMatchObject({ status: 'partial', count: 200, total: 205, nextLine: 202 });
    const rest = await ctx.call.staff(PREPARER, 'publication.import', {
      csv: file,
      ...TARGET,
      fromLine: first.data.nextLine,
    });
    expect(rest.data).toMatchObject({ status: 'imported', count: 5, nextLine: null });
    const before = (await allDocs('publicationEntries')).length;
    // The whole file sent again (a new request): the same ids, nothing created twice.
    const again = await ctx.call.staff(PREPARER, 'publication.import', { csv: file, ...TARGET });
    expect(again.data.ids).toEqual(first.data.ids);
    expect((await allDocs('publicationEntries')).length).toBe(before);
  });

  it('refuses an import into a unit outside the preparer’s reach (PUB-10)', async () => {
    const file = csv(row('万卫公罚〔2026〕701号'));
    const res = await ctx.call.staff(PREPARER, 'publication.import', {
      csv: file,
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_1',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
