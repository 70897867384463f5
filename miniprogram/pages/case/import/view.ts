/**
 * The case import page's pure part (REC-1, 2, 3, 9; docs/import-format.md): which manifest form the chosen files
 * make (one JSON file, or up to five CSV files named as the format says), every bad row of a refused file as the
 * page lists it (file, line, field and what is expected; never the value), and a staged import's progress.
 */
import type { CaseImportAnswer, ManifestError } from '../../../core-bundle/index';

/** The CSV files the format names (docs/import-format.md "Two forms"); the name's folder and case do not matter. */
export const CSV_FILE_NAMES = ['cases.csv', 'documents.csv', 'av.csv', 'data.csv', 'interruptions.csv'];
export const MAX_FILES = CSV_FILE_NAMES.length;

export type ManifestChoice = { ok: true; format: 'json' | 'csv' } | { ok: false; message: string };

/** The form of the manifest from the chosen files' names, or why the choice cannot be imported. */
export function manifestFormatOf(names: readonly string[]): ManifestChoice {
  if (!names.length) return { ok: false, message: '请选择要导入的清单文件' };
  const lower = names.map((n) => n.toLowerCase().split('/').pop()!);
  if (lower.every((n) => n.endsWith('.json'))) {
    return lower.length === 1
      ? { ok: true, format: 'json' }
      : { ok: false, message: 'JSON 格式的清单应为一个文件' };
  }
  if (lower.every((n) => n.endsWith('.csv'))) {
    const unknown = lower.filter((n) => !CSV_FILE_NAMES.includes(n));
    if (unknown.length)
      return {
        ok: false,
        message: `CSV 清单的文件名应为 ${CSV_FILE_NAMES.join('、')}，不认识：${unknown.join('、')}`,
      };
    if (new Set(lower).size !== lower.length) return { ok: false, message: '同名的 CSV 文件只能选择一个' };
    return { ok: true, format: 'csv' };
  }
  return { ok: false, message: '请选择一个 .json 文件，或若干 .csv 文件（不能混选）' };
}

export interface ErrorRow {
  key: string;
  /** cases.csv 第 3 行 / 整个文件 / 案件 JD-2026-0001 */
  where: string;
  field: string;
  message: string;
}

const KIND_NAMES: Record<string, string> = {
  cases: '案件',
  documents: '文书',
  av: '音像记录',
  data: '电子数据',
  interruptions: '中断记录',
};

function whereOf(e: ManifestError): string {
  // The database's checks name the row by kind and source id (`cases:JD-2026-0001`), with line 0.
  const byRow = /^(cases|documents|av|data|interruptions):(.+)$/.exec(e.path);
  if (e.line === 0 && byRow) return `${KIND_NAMES[byRow[1]!]} ${byRow[2]}`;
  const file = e.file || '清单';
  return e.line > 0 ? `${file} 第 ${e.line} 行` : `${file}（整个文件）`;
}

export function errorRows(errors: readonly ManifestError[]): ErrorRow[] {
  return errors.map((e, i) => ({
    key: `${e.file}-${e.line}-${e.path}-${i}`,
    where: whereOf(e),
    field: e.field,
    message: e.message,
  }));
}

export interface ImportProgress {
  importId: string;
  done: boolean;
  percent: number;
  /** 已导入 3 / 8 批 */
  batches: string;
  /** 清单共 120 行；本次新建案件 10 件、执法记录 80 份 */
  summary: string;
  /** 全部导入完成 / 尚未完成，点“继续”接着导入 */
  state: string;
}

export function progressOf(a: CaseImportAnswer): ImportProgress | null {
  if (!a.importId) return null;
  const percent = a.total > 0 ? Math.round((a.applied / a.total) * 100) : a.done ? 100 : 0;
  return {
    importId: a.importId,
    done: a.done,
    percent,
    batches: `已导入 ${a.applied} / ${a.total} 批`,
    summary:
      `清单共 ${a.rows} 行；本次新建案件 ${a.created.cases} 件、执法记录 ${a.created.records} 份` +
      `；更正案件 ${a.updated.cases} 件、执法记录 ${a.updated.records} 份（内容未变的不重复导入）`,
    state: a.done ? '全部导入完成' : '尚未全部导入，点“继续”接着导入',
  };
}
