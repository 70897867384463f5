/**
 * The 双公示 CSV import page's pure part (PUB-6; docs/publication.md `publication.import`): the chosen file's
 * check, every bad row of a refused file as the page lists it (line, column and what is expected; never the
 * value), and the progress of the batches.
 */
import type { PublicationImportAnswer } from '../../../core-bundle/index';

/** Well under the action's 2,000,000 characters (UTF-8 Chinese text is about 3 bytes a character). */
export const MAX_FILE_BYTES = 4_000_000;

export function fileProblem(name: string, size: number): string {
  if (!name.toLowerCase().endsWith('.csv')) return '请选择双公示格式的 .csv 文件';
  if (size === 0) return 'CSV 文件为空';
  if (size > MAX_FILE_BYTES) return 'CSV 文件过大，请分成多个文件导入';
  return '';
}

export interface RefusedRow {
  key: string;
  /** 第 3 行 · CF_XDR_SHXYM（行政相对人统一社会信用代码） / 整个文件 */
  where: string;
  message: string;
}

export function refusedRows(a: PublicationImportAnswer): RefusedRow[] {
  if (a.status !== 'refused') return [];
  return a.errors.map((e, i) => {
    const line = e.line > 0 ? `第 ${e.line} 行` : '整个文件';
    const col = e.column
      ? ` · ${e.column}${e.field ? `（${e.field}）` : ''}`
      : e.field
        ? ` · ${e.field}`
        : '';
    return { key: `${e.line}-${e.column ?? ''}-${i}`, where: `${line}${col}`, message: e.message };
  });
}

export interface ImportProgress {
  done: number;
  total: number;
  percent: number;
  /** 已导入 200 / 640 行 */
  text: string;
  finished: boolean;
}

/** The progress after a batch: `before` rows were in before this call. */
export function progressAfter(before: number, a: PublicationImportAnswer): ImportProgress | null {
  if (a.status === 'refused') return null;
  const done = Math.min(a.total, before + a.count);
  const finished = a.status === 'imported';
  const shown = finished ? a.total : done;
  return {
    done: shown,
    total: a.total,
    percent: a.total ? Math.round((shown / a.total) * 100) : 100,
    text: `已导入 ${shown} / ${a.total} 行`,
    finished,
  };
}
