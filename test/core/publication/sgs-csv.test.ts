/**
 * The 双公示 CSV import (the national 双公示 data standard, docs/publication.md): the whole file is
 * checked first, every bad row is reported with line, column and field, nothing is imported if any row is bad,
 * and no message repeats a cell (names and ID numbers are personal data: 个人信息保护法 Art. 6).
 */
import fc from 'fast-check';
import { parseSgsCsv } from '../../../core/publication/sgs-csv';
import { ADULT_ID, AUTHORITY_CODE, COMPANY_CODE, BUSINESS_CODE } from './fixtures';

const target = { unitId: 'unit-enf', sectionId: 'dept-1' };
const HEADER =
  'CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_FRDB,CF_XDR_ZJLX,CF_XDR_ZJHM,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,' +
  'CF_NR_FK,CF_JDRQ,CF_YXQ,CF_GSJZQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM,BZ';
const tail = `2026/11/20,2099/12/31,2027/11/20,万州区卫健委,${AUTHORITY_CODE},万州区卫健委,${AUTHORITY_CODE},`;
const companyRow = (docNo = '万卫罚〔2026〕1号', fine = '0.5') =>
  `重庆某某酒店有限公司,法人及非法人组织,${COMPANY_CODE},李四海,,,${docNo},公共场所卫生不合格,"客房茶具不洁,细菌超标",` +
  `《公共场所卫生管理条例实施细则》第三十六条,警告；罚款,"警告，罚款0.5万元",${fine},${tail}`;
const personRow = (id = ADULT_ID) =>
  `张三丰,自然人,,,身份证,${id},万卫罚〔2026〕2号,非医师行医,在家中为他人诊疗,《医师法》第五十九条,罚款,罚款3万元,3,${tail}`;

describe('parseSgsCsv', () => {
  it('imports a good penalty file into entries of the section that made the decisions', () => {
    const r = parseSgsCsv([HEADER, companyRow(), personRow()].join('\r\n'), target);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('penalty');
    expect(r.rows.map((x) => x.line)).toEqual([2, 3]);
    const [company, person] = r.rows.map((x) => x.entry);
    expect(company).toMatchObject({
      kind: 'penalty',
      unitId: 'unit-enf',
      sectionId: 'dept-1',
      decisionDate: '2026-11-20',
      validUntil: '2099-12-31',
      categories: ['警告', '罚款'],
      fine: '0.5',
      party: { category: 'organisation', creditCode: COMPANY_CODE, legalRep: '李四海' },
    });
    expect(person!.party).toMatchObject({
      category: 'person',
      personId: { kind: 'resident', number: ADULT_ID },
    });
  });

  it('reports EVERY bad row with line, column and field, imports nothing, and echoes no value', () => {
    const badId = ADULT_ID.slice(0, 17) + (ADULT_ID.at(-1) === '1' ? '2' : '1');
    const text = [HEADER, companyRow(), personRow(badId), companyRow('万卫罚〔2026〕3号', '-2')].join('\n');
    const r = parseSgsCsv(text, target);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        line: 3,
        column: 'CF_XDR_ZJHM',
        field: '证件号码',
        message: expect.stringContaining('第 3 行：行政相对人证件'),
      },
      {
        line: 4,
        column: 'CF_NR_FK',
        field: '罚款金额（万元）',
        message: '第 4 行：罚款金额应以万元为单位，不能为负数，小数不超过6位',
      },
    ]);
    const out = JSON.stringify(r.errors);
    for (const secret of [badId, '张三丰', '-2']) expect(out).not.toContain(secret);
  });

  it('names bad dates, categories and ID kinds by column', () => {
    const row = personRow()
      .replace('自然人', '外星人')
      .replace('2026/11/20', '2026/13/01')
      .replace('身份证', '驾驶证');
    const r = parseSgsCsv([HEADER, row].join('\n'), target);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column).sort()).toEqual(['CF_JDRQ', 'CF_XDR_LB', 'CF_XDR_ZJLX'].sort());
  });

  it('refuses a file whose header is not the standard or lacks a required column', () => {
    expect(parseSgsCsv('名称,日期\na,b', target)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    const r = parseSgsCsv([HEADER.replace(',CF_WFXW', ''), 'x'].join('\n'), target);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ column: 'CF_WFXW', message: '缺少“违法行为类型”列（CF_WFXW）' }],
    });
  });

  it('reports a row with the wrong number of columns and a duplicate decision', () => {
    const r = parseSgsCsv([HEADER, 'a,b', companyRow(), companyRow()].join('\n'), target);
    expect(r).toMatchObject({
      ok: false,
      errors: [
        { line: 2, message: '第 2 行有 2 列，与标题行的 21 列不一致' },
        { line: 4, column: 'CF_WSH', message: '第 4 行：与第 3 行是同一文书号和同一行政相对人，重复' },
      ],
    });
  });

  it('imports a permit file (XK_*) of an individual business', () => {
    const header =
      'XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,XK_FRDB,XK_WSH,XK_XKLB,XK_XKZS,XK_XKBH,XK_NR,XK_JDRQ,XK_YXQZ,XK_YXQZI,' +
      'XK_XKJG,XK_XKJGDM,XK_ZT,XK_LYDW,XK_LYDWDM';
    const row =
      `万州区王五理发店,个体工商户,${BUSINESS_CODE},王五,万卫公许〔2026〕101号,普通,公共场所卫生许可证,0101,理发,` +
      `2026/11/20,2026/11/20,2030/11/19,万州区卫健委,${AUTHORITY_CODE},有效,万州区卫健委,${AUTHORITY_CODE}`;
    const r = parseSgsCsv(`${header}\n${row}\n`, target);
    expect(r).toMatchObject({
      ok: true,
      kind: 'permit',
      rows: [{ line: 2, entry: { validTo: '2030-11-19' } }],
    });
  });

  it('reads the older registration number column as a 工商注册号 and asks for a missing ID type', () => {
    const header = HEADER.replace('CF_XDR_SHXYM', 'CF_XDR_GSZC');
    const row = companyRow().replace(COMPANY_CODE, '110108000000016');
    expect(parseSgsCsv([header, row].join('\n'), target)).toMatchObject({
      ok: true,
      rows: [{ entry: { party: { regNo: { kind: 'regNo', number: '110108000000016' } } } }],
    });
    const r = parseSgsCsv([HEADER, personRow().replace('身份证', '')].join('\n'), target);
    expect(r).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 'CF_XDR_ZJLX', message: '第 2 行：请填写行政相对人证件类型' }],
    });
  });

  it('never repeats a cell in any message, whichever cell is bad (property)', () => {
    const columns = HEADER.split(',').length;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: columns - 1 }),
        fc.constantFrom('秘张三丰X9', '500103X秘', '秘-1.5'),
        (at, bad) => {
          const cells = personRow().split(',');
          cells[at] = bad;
          const r = parseSgsCsv([HEADER, cells.join(',')].join('\n'), target);
          if (!r.ok) expect(JSON.stringify(r.errors)).not.toContain('秘');
        },
      ),
      { numRuns: 200 },
    );
  });
});
