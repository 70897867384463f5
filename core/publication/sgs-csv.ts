/**
 * The 双公示 CSV import (the national 双公示 data standard, docs/publication.md): a file of penalty
 * (CF_*) or permit (XK_*) records with the standard's column codes as its header row. The WHOLE file is checked
 * first and every bad row is reported with its line and the column and field it concerns; if any row is bad,
 * nothing is imported (the caller applies a good file in resumable batches). Messages never repeat a cell's value:
 * these files carry names and ID numbers (个人信息保护法 Art. 6, 55; PUB-7).
 */
import { PARTY_ID_LABELS, type PartyIdKind } from '../party/ids';
import { parseCsv } from './csv';
import { fromSgsDate } from './dates';
import {
  entrySchema,
  PARTY_CATEGORY_LABELS,
  type PartyCategory,
  type PenaltyEntry,
  type PermitEntry,
} from './fields';

/** Where a column goes in the entry (a dotted path), and its name in the standard. */
interface Column {
  path: string;
  label: string;
  required?: boolean;
  /** How the cell is read: text (default), a date, a list, a party category or an ID kind. */
  read?: 'date' | 'list' | 'category' | 'idKind';
}

const party = (p: 'CF' | 'XK'): Record<string, Column> => ({
  [`${p}_XDR_MC`]: { path: 'party.name', label: '行政相对人名称', required: true },
  [`${p}_XDR_LB`]: { path: 'party.category', label: '行政相对人类别', required: true, read: 'category' },
  [`${p}_XDR_SHXYM`]: { path: 'party.creditCode', label: '统一社会信用代码' },
  [`${p}_XDR_GSZC`]: { path: 'party.regNo.number', label: '工商注册号' },
  [`${p}_FRDB`]: { path: 'party.legalRep', label: '法定代表人' },
  [`${p}_FR_ZJLX`]: { path: 'party.legalRepId.kind', label: '法定代表人证件类型', read: 'idKind' },
  [`${p}_FR_ZJHM`]: { path: 'party.legalRepId.number', label: '法定代表人证件号码' },
  [`${p}_XDR_ZJLX`]: { path: 'party.personId.kind', label: '证件类型', read: 'idKind' },
  [`${p}_XDR_ZJHM`]: { path: 'party.personId.number', label: '证件号码' },
});

/** Older registration numbers the standard still lists (组织机构代码 etc.): accepted in the header, not stored. */
const IGNORED = ['_XDR_ZZJG', '_XDR_SWDJ', '_XDR_SYDW', '_XDR_SHZZ'];

export const PENALTY_COLUMNS: Readonly<Record<string, Column>> = {
  ...party('CF'),
  CF_WSH: { path: 'docNo', label: '决定书文号', required: true },
  CF_WFXW: { path: 'violationType', label: '违法行为类型', required: true },
  CF_SY: { path: 'facts', label: '违法事实', required: true },
  CF_YJ: { path: 'basis', label: '处罚依据', required: true },
  CF_CFLB: { path: 'categories', label: '处罚类别', required: true, read: 'list' },
  CF_NR: { path: 'content', label: '处罚内容', required: true },
  CF_NR_FK: { path: 'fine', label: '罚款金额（万元）' },
  CF_NR_WFFF: { path: 'confiscated', label: '没收违法所得、没收非法财物的金额（万元）' },
  CF_NR_ZKDX: { path: 'licence', label: '暂扣或吊销证照名称及编号' },
  CF_JDRQ: { path: 'decisionDate', label: '处罚决定日期', required: true, read: 'date' },
  CF_YXQ: { path: 'validUntil', label: '处罚有效期', required: true, read: 'date' },
  CF_GSJZQ: { path: 'publicityUntil', label: '公示截止期', required: true, read: 'date' },
  CF_CFJG: { path: 'authority', label: '处罚机关', required: true },
  CF_CFJGDM: { path: 'authorityCode', label: '处罚机关统一社会信用代码', required: true },
  CF_SJLY: { path: 'sourceUnit', label: '数据来源单位', required: true },
  CF_SJLYDM: { path: 'sourceUnitCode', label: '数据来源单位统一社会信用代码', required: true },
  BZ: { path: 'note', label: '备注' },
};

export const PERMIT_COLUMNS: Readonly<Record<string, Column>> = {
  ...party('XK'),
  XK_WSH: { path: 'docNo', label: '行政许可决定文书号', required: true },
  XK_XKLB: { path: 'permitCategory', label: '许可类别', required: true },
  XK_XKZS: { path: 'certificateName', label: '许可证书名称', required: true },
  XK_XKBH: { path: 'certificateNo', label: '许可编号', required: true },
  XK_NR: { path: 'content', label: '许可内容', required: true },
  XK_JDRQ: { path: 'decisionDate', label: '许可决定日期', required: true, read: 'date' },
  XK_YXQZ: { path: 'validFrom', label: '有效期自', required: true, read: 'date' },
  XK_YXQZI: { path: 'validTo', label: '有效期至', required: true, read: 'date' },
  XK_XKJG: { path: 'authority', label: '许可机关', required: true },
  XK_XKJGDM: { path: 'authorityCode', label: '许可机关统一社会信用代码', required: true },
  XK_ZT: { path: 'permitState', label: '当前状态', required: true },
  XK_LYDW: { path: 'sourceUnit', label: '数据来源单位', required: true },
  XK_LYDWDM: { path: 'sourceUnitCode', label: '数据来源单位统一社会信用代码', required: true },
  BZ: { path: 'note', label: '备注' },
};

/** One problem: the line in the file, the column code and its Chinese name, and what is wrong (no values). */
export interface SgsRowError {
  line: number;
  column: string | null;
  field: string | null;
  message: string;
}

export type SgsImport =
  | { ok: true; kind: 'penalty' | 'permit'; rows: Array<{ line: number; entry: PenaltyEntry | PermitEntry }> }
  | { ok: false; errors: SgsRowError[] };

/** Where the imported entries belong (PUB-10): the file says nothing about the commission's own sections. */
export interface SgsImportTarget {
  unitId: string;
  sectionId: string | null;
}

const CATEGORY_BY_LABEL = new Map<string, PartyCategory>(
  Object.entries(PARTY_CATEGORY_LABELS).map(([k, v]) => [v, k as PartyCategory]),
);
CATEGORY_BY_LABEL.set('法人', 'organisation');
CATEGORY_BY_LABEL.set('非法人组织', 'organisation');

const ID_KIND_BY_LABEL = new Map<string, PartyIdKind>(
  Object.entries(PARTY_ID_LABELS).map(([k, v]) => [v, k as PartyIdKind]),
);
ID_KIND_BY_LABEL.set('身份证', 'resident');

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** A cell as the entry reads it; a value the reader cannot take stays as a marker the schema refuses. */
function readCell(col: Column, cell: string): unknown {
  switch (col.read) {
    case 'date':
      return fromSgsDate(cell) ?? 'invalid';
    case 'list':
      return cell
        .split(/[;；,，、]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'category':
      return CATEGORY_BY_LABEL.get(cell) ?? 'invalid';
    case 'idKind':
      return ID_KIND_BY_LABEL.get(cell) ?? 'invalid';
    default:
      return cell;
  }
}

export function parseSgsCsv(text: string, target: SgsImportTarget): SgsImport {
  const csv = parseCsv(text);
  if (!csv.ok)
    return { ok: false, errors: [{ line: csv.line, column: null, field: null, message: csv.message }] };
  const [header, ...rows] = csv.records;
  if (!header) return { ok: false, errors: [{ line: 1, column: null, field: null, message: '文件是空的' }] };
  const names = header.fields.map((h) => h.trim().toUpperCase());
  const kind = names.some((n) => n.startsWith('CF_'))
    ? 'penalty'
    : names.some((n) => n.startsWith('XK_'))
      ? 'permit'
      : null;
  if (!kind) {
    const message = '第一行应为双公示标准的列名（行政处罚以 CF_ 开头，行政许可以 XK_ 开头）';
    return { ok: false, errors: [{ line: header.line, column: null, field: null, message }] };
  }
  const layout = kind === 'penalty' ? PENALTY_COLUMNS : PERMIT_COLUMNS;
  const prefix = kind === 'penalty' ? 'CF' : 'XK';
  const errors: SgsRowError[] = [];
  names.forEach((n, i) => {
    if (!layout[n] && !IGNORED.includes(n.slice(2))) {
      // The header is the standard's codes, not personal data; still only its position is named.
      errors.push({
        line: header.line,
        column: null,
        field: null,
        message: `第 ${i + 1} 列的列名不是双公示标准的列名`,
      });
    }
  });
  if (new Set(names).size !== names.length) {
    errors.push({ line: header.line, column: null, field: null, message: '列名重复' });
  }
  for (const [code, col] of Object.entries(layout)) {
    if (col.required && !names.includes(code)) {
      errors.push({
        line: header.line,
        column: code,
        field: col.label,
        message: `缺少“${col.label}”列（${code}）`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0)
    return {
      ok: false,
      errors: [{ line: header.line, column: null, field: null, message: '文件中没有数据行' }],
    };

  const byPath = new Map(Object.entries(layout).map(([code, col]) => [col.path, { code, col }]));
  const columnOf = (path: PropertyKey[]) => {
    const segs = path.map(String);
    for (let end = segs.length; end > 0; end--) {
      const hit = byPath.get(segs.slice(0, end).join('.'));
      if (hit) return hit;
    }
    // A party ID given as a whole (kind and number): name its number column.
    return byPath.get(`${segs.join('.')}.number`) ?? null;
  };

  const out: Array<{ line: number; entry: PenaltyEntry | PermitEntry }> = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const rowErrors: SgsRowError[] = [];
    if (row.fields.length !== names.length) {
      const message = `第 ${row.line} 行有 ${row.fields.length} 列，与标题行的 ${names.length} 列不一致`;
      errors.push({ line: row.line, column: null, field: null, message });
      continue;
    }
    const raw: Record<string, unknown> = { kind, unitId: target.unitId, sectionId: target.sectionId };
    names.forEach((n, i) => {
      const col = layout[n];
      const cell = row.fields[i]!.trim();
      if (col && cell !== '') setPath(raw, col.path, readCell(col, cell));
    });
    // CF_XDR_GSZC is always a 工商注册号: its kind is the column's.
    const regNo = (raw.party as { regNo?: { kind?: string } } | undefined)?.regNo;
    if (regNo) regNo.kind = 'regNo';
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const done = new Set<string>();
      for (const issue of parsed.error.issues) {
        const hit = columnOf(issue.path);
        const key = hit?.code ?? issue.path.join('.');
        if (done.has(key)) continue;
        done.add(key);
        rowErrors.push({
          line: row.line,
          column: hit?.code ?? null,
          field: hit?.col.label ?? null,
          message: `第 ${row.line} 行：${issue.message}`,
        });
      }
    } else {
      const e = parsed.data as PenaltyEntry | PermitEntry;
      const key = `${e.docNo}\u0000${e.party.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowErrors.push({
          line: row.line,
          column: `${prefix}_WSH`,
          field: layout[`${prefix}_WSH`]!.label,
          message: `第 ${row.line} 行：与第 ${first} 行是同一文书号和同一行政相对人，重复`,
        });
      } else seen.set(key, row.line);
      out.push({ line: row.line, entry: e });
    }
    errors.push(...rowErrors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, kind, rows: out };
}
