/**
 * A manifest with bad rows imports nothing: every bad row is reported with its file, line and
 * field, in Chinese, saying what is expected and never repeating the value (it may be personal data; PRIV rules).
 */
import { MANIFEST_LIMITS, parseManifest, type ManifestError } from '../../../core/case/manifest';
import { H1, validCsv, validJson } from './manifest-fixtures';

function errorsOf(format: 'json' | 'csv', files: Record<string, string>): ManifestError[] {
  const result = parseManifest({ format, files });
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('manifest');
  return result.ok ? [] : result.errors;
}
const brief = (e: ManifestError) => [e.file, e.line, e.field, e.path];
const SECRET_ID = '110105194912310021'; // a resident ID with the wrong check digit

describe('parseManifest: bad rows', () => {
  it('reports each bad row of each CSV file, in the order of the files, with its line (header = 1) and field, and imports nothing', () => {
    const errors = errorsOf('csv', {
      ...validCsv,
      'documents.csv': [
        'source,sourceId,caseSourceId,docType,title,docTimes,signed,sha256',
        `supervision,WS-1,JD-2026-0001,siteRecord,现场笔录,2026-03-02 09:40,是,${H1}`,
        `supervision,WS-2,JD-2026-0001,siteRecord,询问笔录,2026-03-02 25:40,是,${H1}`,
        `supervision,WS-3,JD-2026-0001,siteRecord,询问笔录,,不知道,${H1.slice(1)}`,
        `supervision,WS-1,JD-2026-0404,siteRecord,询问笔录,,是,${H1}`,
      ].join('\n'),
      'av.csv': [
        'source,sourceId,caseSourceId,title,device,act,start,end,place,location,sha256',
        `recorder,AV-77,JD-2026-0001,现场检查录像,ZFJLY-012,arrival-departure,2026-03-02 10:35,2026-03-02 10:20,某路1号,platform://av/77,${H1}`,
      ].join('\n'),
    });
    expect(errors.map(brief)).toEqual([
      ['documents.csv', 3, '文书记载的时间', 'docTimes'],
      ['documents.csv', 4, '是否已签名', 'signed'],
      ['documents.csv', 4, '文件哈希值', 'sha256'],
      ['documents.csv', 5, '来源编号', 'sourceId'],
      ['documents.csv', 5, '所属案件来源编号', 'caseSourceId'],
      ['av.csv', 2, '录制结束时间', 'end'],
      ['interruptions.csv', 2, '中断时间', 'at'],
    ]);
    const messages = errors.map((e) => e.message);
    expect(messages).toContain('录制结束时间应晚于录制开始时间');
    expect(messages).toContain('是否已签名应为“是”或“否”');
    expect(messages).toContain('文件哈希值应为 64 位十六进制 SHA-256 哈希值');
    expect(messages).toContain('来源编号与第 2 行的文书重复；同一来源编号只能出现一次');
    expect(messages).toContain('中断时间应在录制开始与结束之间');
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('gives a JSON row its index + 1 and JSON path, and checks the party ID without repeating it', () => {
    const json = structuredClone(validJson) as Record<string, unknown> & typeof validJson;
    json.cases[1]!.partyIdNo = SECRET_ID;
    (json.cases[1] as Record<string, unknown>).officers = ['WZ0003', 'wz0003'];
    json.av[0]!.interruptions[0]!.at = '2026-03-02T11:00:00+08:00';
    (json.data[0] as Record<string, unknown>).mobile = '13800000000';
    const errors = errorsOf('json', { 'manifest.json': JSON.stringify(json) });
    expect(errors.map(brief)).toEqual([
      ['manifest.json', 1, '电子数据', 'data[0]'],
      ['manifest.json', 1, '中断时间', 'av[0].interruptions[0].at'],
      ['manifest.json', 2, '当事人证件号码', 'cases[1].partyIdNo'],
      ['manifest.json', 2, '执法人员执法证号', 'cases[1].officers'],
    ]);
    expect(errors[0]!.message).toBe('电子数据含有约定格式之外的字段，请对照导入格式说明删除或改正字段名');
    expect(errors[2]!.message).toMatch(/^当事人证件号码：/);
    const text = JSON.stringify(errors);
    expect(text).not.toContain(SECRET_ID);
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('mobile');
  });

  it('requires the party ID kind to match the party kind, and a record case in the file or marked existing', () => {
    const json = structuredClone(validJson);
    json.cases[0]!.partyKind = 'unregistered';
    json.data[0]!.caseRef = '';
    const errors = errorsOf('json', { 'manifest.json': JSON.stringify(json) });
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['cases[0].partyIdKind', '当事人证件类型：无照经营者填 none（无证照），其他当事人须填写证件类型和号码'],
      [
        'data[0].caseSourceId',
        '本清单中没有该来源编号的案件；如案件已在此前导入，请将“案件引用”（caseRef）填为 existing',
      ],
    ]);
  });

  it('refuses a "__proto__" key as an unknown field rather than taking values through it', () => {
    const text = JSON.stringify(validJson).replace(
      '"kind":"penalty"',
      '"__proto__":{"cause":"x"},"kind":"penalty"',
    );
    expect(errorsOf('json', { 'm.json': text }).map(brief)).toEqual([['m.json', 1, '案件', 'cases[0]']]);
  });

  it('names a missing required field as one to fill in', () => {
    const json = structuredClone(validJson) as { cases: Record<string, unknown>[] };
    delete json.cases[0]!.cause;
    json.cases[0]!.caseNo = '   ';
    const errors = errorsOf('json', { 'm.json': JSON.stringify(json) });
    expect(errors.map((e) => e.message)).toEqual(['请填写案号', '请填写案由']);
  });
});

describe('parseManifest: files as a whole', () => {
  it('refuses unknown, duplicate and missing columns without naming what was written', () => {
    const errors = errorsOf('csv', {
      'cases.csv': 'sourceId,来源编号,kind,居民身份证号,caseNo\nC1,C1,penalty,x,x\n',
    });
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        '表头中“来源编号”列出现了两次',
        '表头第 4 列不是约定的列名，请对照导入格式说明改正',
        '缺少“来源系统”列（source）',
        '缺少“案由”列（cause）',
        '缺少“当事人类型”列（partyKind）',
      ]),
    );
    expect(JSON.stringify(errors)).not.toContain('居民身份证号');
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });

  it('stops at a malformed quote, naming its line, and refuses unknown file names and extra cells', () => {
    const header = validCsv['cases.csv']!.split('\r\n')[0];
    expect(errorsOf('csv', { 'cases.csv': `${header}\na,"b"c\n` })[0]).toMatchObject({
      line: 2,
      field: '文件格式',
    });
    expect(errorsOf('csv', { 'cases.csv': `${header}\n\na,"b\n` })[0]).toMatchObject({ line: 3 });
    expect(errorsOf('csv', { 'people.csv': 'a\n' })[0]!.message).toContain('cases.csv');
    const extra = errorsOf('csv', { 'interruptions.csv': 'avSourceId,at\nAV-1,2026-03-02 09:00,多余\n' });
    expect(extra[0]).toMatchObject({ line: 2, field: '列数' });
  });

  it('refuses a file that is not JSON, or not the agreed object, without quoting it', () => {
    const notJson = errorsOf('json', { 'm.json': '{"cases": [ 身份证 110105194912310021' });
    expect(notJson).toEqual([
      {
        file: 'm.json',
        line: 0,
        field: '文件格式',
        path: '',
        message: '文件不是有效的 JSON，请检查括号、引号和逗号',
      },
    ]);
    expect(errorsOf('json', { 'm.json': '[]' })[0]!.line).toBe(0);
    expect(errorsOf('json', { 'm.json': '{"cases":{}}' })[0]!.path).toBe('cases');
    expect(errorsOf('json', { 'a.json': '{}', 'b.json': '{}' })[0]!.message).toBe(
      'JSON 格式的清单应为一个文件',
    );
  });

  it('caps the size in bytes and rows with a clear message', () => {
    const big = 'x'.repeat(MANIFEST_LIMITS.maxBytes + 1);
    expect(errorsOf('csv', { 'cases.csv': big })[0]!.message).toBe(
      '导入文件合计不能超过 8 MB，请分成几个清单导入',
    );
    const rows = [
      'avSourceId,at',
      ...Array.from({ length: MANIFEST_LIMITS.maxRows + 1 }, (_, i) => `A${i},x`),
    ];
    expect(errorsOf('csv', { 'interruptions.csv': rows.join('\n') })[0]!.message).toBe(
      `导入文件合计不能超过 ${MANIFEST_LIMITS.maxRows} 行，请分成几个清单导入`,
    );
  });

  it('lists at most maxErrors errors and says how many more there are', () => {
    const rows = ['avSourceId,at', ...Array.from({ length: 1200 }, () => 'A1,明天')];
    const errors = errorsOf('csv', { 'interruptions.csv': rows.join('\n') });
    expect(errors).toHaveLength(MANIFEST_LIMITS.maxErrors + 1);
    expect(errors.at(-1)!.message).toBe('另有 1400 处错误未列出，请改正以上错误后重新检查');
  });
});
