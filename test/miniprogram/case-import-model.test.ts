/**
 * The case import page's pure part (miniprogram/pages/case/import/view.ts; docs/import-format.md):
 * which form the chosen files make, every bad row of a refused manifest with its file, line and field in Chinese,
 * and a staged import's progress (batches applied of the total).
 */
import { errorRows, manifestFormatOf, progressOf } from '../../miniprogram/pages/case/import/view';

describe('choosing the manifest files', () => {
  it('takes one JSON file or the CSV files the format names, never a mix', () => {
    expect(manifestFormatOf(['manifest.json'])).toEqual({ ok: true, format: 'json' });
    expect(manifestFormatOf(['Cases.csv', 'av.csv'])).toEqual({ ok: true, format: 'csv' });
    expect(manifestFormatOf(['a.json', 'b.json'])).toEqual({
      ok: false,
      message: 'JSON 格式的清单应为一个文件',
    });
    expect(manifestFormatOf(['cases.csv', 'manifest.json'])).toEqual({
      ok: false,
      message: '请选择一个 .json 文件，或若干 .csv 文件（不能混选）',
    });
    const unknown = manifestFormatOf(['cases.csv', '案件.csv']);
    expect(!unknown.ok && unknown.message).toContain('不认识：案件.csv');
    expect(manifestFormatOf([])).toEqual({ ok: false, message: '请选择要导入的清单文件' });
  });
});

describe('a refused manifest', () => {
  it('lists every bad row with its file and line, the whole file, or the row the database refused', () => {
    const rows = errorRows([
      { file: 'cases.csv', line: 3, field: '立案时间', path: 'openedAt', message: '时间格式不正确' },
      { file: 'manifest.json', line: 0, field: '文件', path: '', message: '不是有效的 JSON' },
      {
        file: '',
        line: 0,
        field: '执法人员',
        path: 'cases:JD-2026-0001',
        message: '第 2 名执法人员不在本单位名册中',
      },
    ]);
    expect(rows.map((r) => `${r.where} · ${r.field}：${r.message}`)).toEqual([
      'cases.csv 第 3 行 · 立案时间：时间格式不正确',
      'manifest.json（整个文件） · 文件：不是有效的 JSON',
      '案件 JD-2026-0001 · 执法人员：第 2 名执法人员不在本单位名册中',
    ]);
  });
});

describe('import progress', () => {
  const answer = {
    importId: `imp_${'0'.repeat(32)}`,
    done: false,
    applied: 3,
    total: 8,
    rows: 120,
    created: { cases: 10, records: 30 },
    updated: { cases: 1, records: 2 },
    unchanged: { cases: 4, records: 5 },
    updatedRows: [],
    errors: [],
  };
  it('shows batches applied of the total, what was created, and that 继续 resumes', () => {
    expect(progressOf(answer)).toEqual({
      importId: answer.importId,
      done: false,
      percent: 38,
      batches: '已导入 3 / 8 批',
      summary:
        '清单共 120 行；本次新建案件 10 件、执法记录 30 份；更正案件 1 件、执法记录 2 份（内容未变的不重复导入）',
      state: '尚未全部导入，点“继续”接着导入',
    });
    expect(progressOf({ ...answer, applied: 8, done: true })?.state).toBe('全部导入完成');
    expect(progressOf({ ...answer, importId: null })).toBeNull();
  });
});
