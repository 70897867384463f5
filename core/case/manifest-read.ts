/**
 * Reading the import manifest's two forms into located rows, and zod's issues into errors that
 * name the file, line and field in Chinese without the value. CSV: the header (column names or their Chinese
 * labels) is line 1; JSON: a row's line is its index + 1 in its list, with its JSON path. Pure: no I/O.
 */
import type * as z from 'zod/mini';
import { parseCsv } from './manifest-csv';
import { blankToUndefined } from './manifest-fields';
import {
  MANIFEST_COLUMNS,
  MANIFEST_LIMITS,
  ROW_KINDS,
  ROW_KIND_LABELS,
  type ColumnDef,
  type ManifestError,
  type NestedKind,
  type RawRow,
  type RowKind,
} from './manifest-rows';

const hasCjk = (s: string) => /[\u4e00-\u9fa5]/.test(s);

export function labelOf(kind: RawRow['kind'], path: readonly PropertyKey[]): string {
  const [first, , second] = path;
  if (kind === 'av' && first === 'interruptions') {
    if (typeof second === 'string') return MANIFEST_COLUMNS.interruptions[second]?.label ?? '中断情况';
    return '中断情况';
  }
  if (kind === 'cases' && first === 'stages') {
    if (typeof second === 'string') return MANIFEST_COLUMNS.stages[second]?.label ?? '办理环节';
    return '办理环节';
  }
  if (typeof first !== 'string') return ROW_KIND_LABELS[kind];
  return MANIFEST_COLUMNS[kind][first]?.label ?? ROW_KIND_LABELS[kind];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function pathText(row: RawRow, path: readonly PropertyKey[]): string {
  if (row.jsonPath === '') return typeof path[0] === 'string' ? path[0] : '';
  return path.reduce<string>(
    (p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`),
    row.jsonPath,
  );
}

export function issueToError(row: RawRow, issue: z.core.$ZodIssue): ManifestError {
  const label = labelOf(row.kind, issue.path);
  const base = { file: row.file, line: row.line, field: label, path: pathText(row, issue.path) };
  if (issue.code === 'unrecognized_keys') {
    return {
      ...base,
      message: `${ROW_KIND_LABELS[row.kind]}含有约定格式之外的字段，请对照导入格式说明删除或改正字段名`,
    };
  }
  const raw = valueAt(row.value, issue.path);
  if (raw === undefined && issue.path.length > 0) return { ...base, message: `请填写${label}` };
  return { ...base, message: hasCjk(issue.message) ? issue.message : `${label}格式不正确` };
}

// --- reading the two forms -------------------------------------------------------------------------------------

export const CSV_FILES: ReadonlyMap<string, RowKind | NestedKind> = new Map([
  ['cases.csv', 'cases'],
  ['documents.csv', 'documents'],
  ['av.csv', 'av'],
  ['data.csv', 'data'],
  ['interruptions.csv', 'interruptions'],
  ['stages.csv', 'stages'],
]);

export function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).trim().toLowerCase();
}

function csvCell(def: ColumnDef, cell: string): unknown {
  const t = cell.trim();
  if (t === '') return undefined;
  if (def.cell === 'list') {
    return t
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (def.cell === 'bool') {
    const yes = ['是', 'true', '1', 'y', 'yes'];
    const no = ['否', 'false', '0', 'n', 'no'];
    const l = t.toLowerCase();
    if (yes.includes(l)) return true;
    if (no.includes(l)) return false;
    return t;
  }
  return t;
}

export function readCsv(
  file: string,
  content: string,
  kind: RawRow['kind'],
  rowBudget: number,
  errors: ManifestError[],
) {
  const fileError = (line: number, field: string, path: string, message: string) =>
    errors.push({ file, line, field, path, message });
  const parsed = parseCsv(content, rowBudget + 1);
  if (!parsed.ok) {
    if (parsed.problem === 'tooManyRecords') {
      fileError(0, '行数', '', `导入文件合计不能超过 ${MANIFEST_LIMITS.maxRows} 行，请分成几个清单导入`);
    } else {
      const what =
        parsed.problem === 'quote'
          ? '引号使用不正确（字段内的引号应写成两个引号，整个字段用引号括起）'
          : '引号没有闭合';
      fileError(parsed.line, '文件格式', '', `第 ${parsed.line} 行起${what}，文件无法继续读取`);
    }
    return [];
  }
  const [header, ...records] = parsed.records;
  if (header === undefined) return [];
  const defs = MANIFEST_COLUMNS[kind];
  const byName = new Map<string, string>();
  for (const [key, def] of Object.entries(defs)) {
    byName.set(key.toLowerCase(), key);
    byName.set(def.label, key);
  }
  const keys: (string | null)[] = [];
  let headerOk = true;
  header.fields.forEach((name, i) => {
    const key = byName.get(name.trim().toLowerCase()) ?? byName.get(name.trim()) ?? null;
    if (key === null) {
      if (name.trim() !== '') {
        headerOk = false;
        fileError(
          header.line,
          '表头',
          `第${i + 1}列`,
          `表头第 ${i + 1} 列不是约定的列名，请对照导入格式说明改正`,
        );
      }
    } else if (keys.includes(key)) {
      headerOk = false;
      fileError(header.line, defs[key]!.label, key, `表头中“${defs[key]!.label}”列出现了两次`);
    }
    keys.push(key);
  });
  for (const [key, def] of Object.entries(defs)) {
    if (def.required && !keys.includes(key)) {
      headerOk = false;
      fileError(header.line, def.label, key, `缺少“${def.label}”列（${key}）`);
    }
  }
  if (!headerOk) return [];
  const rows: RawRow[] = [];
  for (const record of records) {
    if (record.fields.length > keys.length && record.fields.slice(keys.length).some((f) => f.trim() !== '')) {
      fileError(record.line, '列数', '', `第 ${record.line} 行的列数多于表头`);
      continue;
    }
    const value: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (key === null) return;
      const cell = csvCell(defs[key]!, record.fields[i] ?? '');
      if (cell !== undefined) value[key] = cell;
    });
    rows.push({ kind, file, line: record.line, jsonPath: '', value });
  }
  return rows;
}

export function readJson(file: string, content: string, errors: ManifestError[]): RawRow[] {
  const whole = (field: string, path: string, message: string) =>
    errors.push({ file, line: 0, field, path, message });
  let doc: unknown;
  try {
    doc = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch {
    whole('文件格式', '', '文件不是有效的 JSON，请检查括号、引号和逗号');
    return [];
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    whole('文件格式', '', '文件应为一个 JSON 对象，含 cases、documents、av、data 列表');
    return [];
  }
  const top = doc as Record<string, unknown>;
  const allowed = new Set(['version', ...ROW_KINDS]);
  if (Object.keys(top).some((k) => !allowed.has(k))) {
    whole('文件格式', '', '文件含有约定之外的顶层字段；只能有 version、cases、documents、av、data');
  }
  if (top.version !== undefined && top.version !== 1)
    whole('格式版本', 'version', '格式版本（version）应为 1');
  const rows: RawRow[] = [];
  for (const kind of ROW_KINDS) {
    const list = top[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      whole(ROW_KIND_LABELS[kind], kind, `${kind}（${ROW_KIND_LABELS[kind]}）应为列表`);
      continue;
    }
    list.forEach((item, i) => {
      const jsonPath = `${kind}[${i}]`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        errors.push({
          file,
          line: i + 1,
          field: ROW_KIND_LABELS[kind],
          path: jsonPath,
          message: `每条${ROW_KIND_LABELS[kind]}应为一个 JSON 对象`,
        });
        return;
      }
      rows.push({ kind, file, line: i + 1, jsonPath, value: blankFields(item as Record<string, unknown>) });
    });
  }
  return rows;
}

/** Blank strings and empty lists are fields left out, in both forms (nested interruptions and stages too). */
function blankFields(row: Record<string, unknown>): Record<string, unknown> {
  // Own properties only (Object.fromEntries): a "__proto__" key stays a key and is refused as unknown.
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(row)) {
    const b = blankToUndefined(v);
    if (b === undefined || (Array.isArray(b) && b.length === 0)) continue;
    out.push([
      k,
      Array.isArray(b) && (k === 'interruptions' || k === 'stages')
        ? b.map((it) =>
            it !== null && typeof it === 'object' && !Array.isArray(it)
              ? blankFields(it as Record<string, unknown>)
              : it,
          )
        : b,
    ]);
  }
  return Object.fromEntries(out);
}

export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}
