/**
 * The import manifest (issue 14 item 7; REC-1, REC-2, REC-3, REC-9): cases, documents, audio/video references and
 * electronic data exported by the supervision information system or the recorder-management platform, each row
 * with the `sourceId` it has there. The whole manifest is validated before anything is written: one bad row and
 * nothing is imported, and every bad row is reported with its file, line and field, in Chinese, never with the
 * value (it may be personal data). A valid manifest is split by `planBatches` into ordered batches (cases before
 * records) with stable keys, which the server applies resumably as upserts by row kind and `sourceId`.
 * Format and messages: docs/import-format.md. Pure: no I/O, no clock.
 *
 * Two forms give the same `Manifest`: one JSON file `{ "version": 1, "cases": [...], "documents": [...], "av": [...],
 * "data": [...] }` (an AV row's interruptions nested in it), or CSV files cases.csv, documents.csv, av.csv,
 * data.csv and interruptions.csv (any subset), each with a header row of column names (or their Chinese labels).
 * Line numbers: CSV counts the header as line 1; JSON gives the row's index + 1 in its array and the JSON path.
 * Line 0 is the file as a whole.
 */
import * as z from 'zod/mini';
import { canonicalJson } from '../canonical';
import { validatePartyId, type PartyIdKind } from '../party/ids';
import { DOC_TYPES, type DocType } from './checks';
import { parseCsv } from './manifest-csv';
import {
  CASE_KIND_NAMES,
  CASE_REF,
  INTERRUPTION_HOW,
  MANIFEST_AV_ACTS,
  MANIFEST_PARTY_KINDS,
  SOURCE_SYSTEMS,
  blankToUndefined,
  bool,
  certNo,
  code,
  list,
  partyIdKind,
  sha256,
  sourceId,
  text,
  time,
} from './manifest-fields';

export { parseManifestTime } from './manifest-fields';

/** The size cap: larger exports are split into several manifests (each is staged and applied on its own). */
export const MANIFEST_LIMITS = {
  /** UTF-8 bytes of all files together. */
  maxBytes: 8 * 1024 * 1024,
  /** Rows of all kinds together (interruptions included). */
  maxRows: 20_000,
  /** Errors listed; beyond it one more entry says how many were left out. */
  maxErrors: 1000,
} as const;

// --- rows ------------------------------------------------------------------------------------------------------

const caseLink = {
  source: code('来源系统', SOURCE_SYSTEMS),
  sourceId: sourceId('来源编号'),
  caseSourceId: sourceId('所属案件来源编号'),
  caseRef: z.optional(code('案件引用', CASE_REF)),
  workEndedAt: z.optional(time('现场工作结束时间')),
};

const caseShape = {
  source: code('来源系统', SOURCE_SYSTEMS),
  sourceId: sourceId('来源编号'),
  kind: code('案件类型', CASE_KIND_NAMES),
  caseNo: text('案号', 4, 60),
  cause: text('案由', 2, 200),
  openedAt: time('立案（开始）时间'),
  officers: list('执法人员执法证号', certNo('执法人员执法证号'), 2, 6),
  partyKind: code('当事人类型', MANIFEST_PARTY_KINDS),
  partyName: text('当事人名称', 2, 100),
  partyIdKind,
  partyIdNo: z.optional(z.string('当事人证件号码应为文字').check(z.maxLength(40, '当事人证件号码过长'))),
  partyLegalRepresentative: z.optional(text('法定代表人（负责人）', 2, 40)),
  partyAddress: z.optional(text('当事人住所（地址）', 2, 200)),
};

const documentShape = {
  ...caseLink,
  docType: code('文书种类', DOC_TYPES as Readonly<Record<DocType, string>>),
  docNo: z.optional(text('文书编号', 2, 60)),
  title: text('记录名称', 2, 100),
  docTimes: z.optional(list('文书记载的时间', time('文书记载的时间'), 0, 20)),
  signed: bool('是否已签名'),
  blankItems: z.optional(list('空白项', text('空白项', 1, 40), 0, 50)),
  sha256: sha256('文件哈希值'),
  location: z.optional(text('存储位置', 2, 300)),
};

const interruptionShape = {
  at: time('中断时间'),
  explanation: z.optional(text('中断说明', 2, 500)),
  how: z.optional(code('说明方式', INTERRUPTION_HOW)),
};

const avBaseShape = {
  ...caseLink,
  title: text('记录名称', 2, 100),
  device: text('执法记录仪编号', 2, 60),
  act: code('录制的执法活动', MANIFEST_AV_ACTS as Readonly<Record<string, string>>),
  start: time('录制开始时间'),
  end: time('录制结束时间'),
  place: text('录制地点', 2, 200),
  location: text('存储位置', 2, 300),
  sha256: list('文件哈希值', sha256('文件哈希值'), 1, 50),
  officers: z.optional(list('执法人员执法证号', certNo('执法人员执法证号'), 0, 6)),
};

const dataShape = {
  ...caseLink,
  title: text('记录名称', 2, 100),
  dataSource: text('数据来源', 2, 200),
  capturedAt: time('提取时间'),
  sha256: sha256('文件哈希值'),
  location: z.optional(text('存储位置', 2, 300)),
};

const interruptionRowShape = { avSourceId: sourceId('所属音像记录来源编号'), ...interruptionShape };

const caseRow = z.strictObject(caseShape);
const interruption = z.strictObject(interruptionShape);
const avShape = { ...avBaseShape, interruptions: z.optional(list('中断情况', interruption, 0, 50)) };
const avRow = z.strictObject(avShape);
const documentRow = z.strictObject(documentShape);
const dataRow = z.strictObject(dataShape);
const interruptionRow = z.strictObject(interruptionRowShape);

export type CaseRow = z.output<typeof caseRow>;
export type DocumentRow = z.output<typeof documentRow>;
export type AvRow = z.output<typeof avRow>;
export type DataRow = z.output<typeof dataRow>;
export type Interruption = z.output<typeof interruption>;

export interface Manifest {
  cases: CaseRow[];
  documents: DocumentRow[];
  av: AvRow[];
  data: DataRow[];
}

export type RowKind = keyof Manifest;
export const ROW_KINDS: readonly RowKind[] = ['cases', 'documents', 'av', 'data'];
export const ROW_KIND_LABELS: Readonly<Record<RowKind | 'interruptions', string>> = {
  cases: '案件',
  documents: '文书',
  av: '音像记录',
  data: '电子数据',
  interruptions: '音像记录中断情况',
};

/** How a CSV cell becomes a value: text as is, a list split at ";" or "；", a yes/no. */
type CellKind = 'text' | 'list' | 'bool';
export interface ColumnDef {
  label: string;
  cell: CellKind;
  required: boolean;
}

function columns(
  shape: Record<string, unknown>,
  labels: Record<string, string>,
  cells: Record<string, CellKind> = {},
): Record<string, ColumnDef> {
  return Object.fromEntries(
    Object.keys(shape).map((k) => [
      k,
      {
        label: labels[k]!,
        cell: cells[k] ?? 'text',
        required: (shape[k] as z.core.$ZodType)._zod.def.type !== 'optional',
      },
    ]),
  );
}

const LINK_LABELS = {
  source: '来源系统',
  sourceId: '来源编号',
  caseSourceId: '所属案件来源编号',
  caseRef: '案件引用',
  workEndedAt: '现场工作结束时间',
};

/** The columns of each CSV file (also the keys of a JSON row), with their Chinese labels: one table for both forms. */
export const MANIFEST_COLUMNS: Readonly<
  Record<RowKind | 'interruptions', Readonly<Record<string, ColumnDef>>>
> = {
  cases: columns(
    caseShape,
    {
      source: '来源系统',
      sourceId: '来源编号',
      kind: '案件类型',
      caseNo: '案号',
      cause: '案由',
      openedAt: '立案（开始）时间',
      officers: '执法人员执法证号',
      partyKind: '当事人类型',
      partyName: '当事人名称',
      partyIdKind: '当事人证件类型',
      partyIdNo: '当事人证件号码',
      partyLegalRepresentative: '法定代表人（负责人）',
      partyAddress: '当事人住所（地址）',
    },
    { officers: 'list' },
  ),
  documents: columns(
    documentShape,
    {
      ...LINK_LABELS,
      docType: '文书种类',
      docNo: '文书编号',
      title: '记录名称',
      docTimes: '文书记载的时间',
      signed: '是否已签名',
      blankItems: '空白项',
      sha256: '文件哈希值',
      location: '存储位置',
    },
    { docTimes: 'list', blankItems: 'list', signed: 'bool' },
  ),
  av: columns(
    avBaseShape,
    {
      ...LINK_LABELS,
      title: '记录名称',
      device: '执法记录仪编号',
      act: '录制的执法活动',
      start: '录制开始时间',
      end: '录制结束时间',
      place: '录制地点',
      location: '存储位置',
      sha256: '文件哈希值',
      officers: '执法人员执法证号',
    },
    { sha256: 'list', officers: 'list' },
  ),
  data: columns(dataShape, {
    ...LINK_LABELS,
    title: '记录名称',
    dataSource: '数据来源',
    capturedAt: '提取时间',
    sha256: '文件哈希值',
    location: '存储位置',
  }),
  interruptions: columns(interruptionRowShape, {
    avSourceId: '所属音像记录来源编号',
    at: '中断时间',
    explanation: '中断说明',
    how: '说明方式',
  }),
};

const ROW_SCHEMAS = {
  cases: caseRow,
  documents: documentRow,
  av: avRow,
  data: dataRow,
  interruptions: interruptionRow,
};
const ROW_SHAPES: Readonly<Record<RowKind | 'interruptions', Readonly<Record<string, z.core.$ZodType>>>> = {
  cases: caseShape,
  documents: documentShape,
  av: avShape,
  data: dataShape,
  interruptions: interruptionRowShape,
};

/** One field of a row as its schema reads it, or undefined when it is missing or bad (reported on its own). */
function fieldOf(row: RawRow, key: string): unknown {
  const schema = ROW_SHAPES[row.kind][key];
  if (!schema) return undefined;
  const r = z.safeParse(schema, row.value[key]);
  return r.success ? r.data : undefined;
}

// --- errors ----------------------------------------------------------------------------------------------------

export interface ManifestError {
  /** The file's name as given (CSV: cases.csv …; JSON: the one file). */
  file: string;
  /** 1-based line (CSV, header = 1) or the row's index + 1 (JSON); 0: the file as a whole. */
  line: number;
  /** The field's Chinese label. */
  field: string;
  /** Where exactly: the CSV column name, or the JSON path (`cases[2].openedAt`). */
  path: string;
  /** What is expected, in Chinese, without the value. */
  message: string;
}

export type ParseManifestResult =
  { ok: true; manifest: Manifest; rowCount: number } | { ok: false; errors: ManifestError[] };

export interface ManifestInput {
  format: 'json' | 'csv';
  files: Record<string, string>;
}

/** A located row before validation. */
interface RawRow {
  kind: RowKind | 'interruptions';
  file: string;
  line: number;
  /** JSON path prefix of the row (`cases[2]`), or '' for CSV. */
  jsonPath: string;
  value: Record<string, unknown>;
}

const hasCjk = (s: string) => /[\u4e00-\u9fa5]/.test(s);

function labelOf(kind: RawRow['kind'], path: readonly PropertyKey[]): string {
  const [first, , second] = path;
  if (kind === 'av' && first === 'interruptions') {
    if (typeof second === 'string') return MANIFEST_COLUMNS.interruptions[second]?.label ?? '中断情况';
    return '中断情况';
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

function pathText(row: RawRow, path: readonly PropertyKey[]): string {
  if (row.jsonPath === '') return typeof path[0] === 'string' ? path[0] : '';
  return path.reduce<string>(
    (p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`),
    row.jsonPath,
  );
}

function issueToError(row: RawRow, issue: z.core.$ZodIssue): ManifestError {
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

const CSV_FILES: ReadonlyMap<string, RowKind | 'interruptions'> = new Map([
  ['cases.csv', 'cases'],
  ['documents.csv', 'documents'],
  ['av.csv', 'av'],
  ['data.csv', 'data'],
  ['interruptions.csv', 'interruptions'],
]);

function baseName(name: string): string {
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

function readCsv(
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

function readJson(file: string, content: string, errors: ManifestError[]): RawRow[] {
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

/** Blank strings and empty lists are fields left out, in both forms (nested interruptions too). */
function blankFields(row: Record<string, unknown>): Record<string, unknown> {
  // Own properties only (Object.fromEntries): a "__proto__" key stays a key and is refused as unknown.
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(row)) {
    const b = blankToUndefined(v);
    if (b === undefined || (Array.isArray(b) && b.length === 0)) continue;
    out.push([
      k,
      Array.isArray(b) && k === 'interruptions'
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

function utf8Bytes(s: string): number {
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

// --- the parser ------------------------------------------------------------------------------------------------

/**
 * Reads and validates a whole manifest. Never throws; on any error answers every error found (up to
 * `MANIFEST_LIMITS.maxErrors`) and no manifest, so nothing of a file with a bad row is imported.
 */
export function parseManifest(input: ManifestInput): ParseManifestResult {
  const errors: ManifestError[] = [];
  if (input.format !== 'json' && input.format !== 'csv') {
    return {
      ok: false,
      errors: [{ file: '', line: 0, field: '格式', path: '', message: '清单格式应为 json 或 csv' }],
    };
  }
  const names = Object.keys(input.files ?? {});
  if (names.length === 0) {
    return {
      ok: false,
      errors: [{ file: '', line: 0, field: '文件', path: '', message: '请选择要导入的清单文件' }],
    };
  }
  const bytes = names.reduce((n, f) => n + utf8Bytes(String(input.files[f] ?? '')), 0);
  if (bytes > MANIFEST_LIMITS.maxBytes) {
    const mb = MANIFEST_LIMITS.maxBytes / 1024 / 1024;
    return {
      ok: false,
      errors: [
        {
          file: '',
          line: 0,
          field: '文件大小',
          path: '',
          message: `导入文件合计不能超过 ${mb} MB，请分成几个清单导入`,
        },
      ],
    };
  }
  let raw: RawRow[] = [];
  if (input.format === 'json') {
    if (names.length !== 1) {
      return {
        ok: false,
        errors: [{ file: '', line: 0, field: '文件', path: '', message: 'JSON 格式的清单应为一个文件' }],
      };
    }
    raw = readJson(names[0]!, String(input.files[names[0]!]), errors);
  } else {
    const seen = new Set<string>();
    for (const name of names) {
      const kind = CSV_FILES.get(baseName(name));
      if (kind === undefined) {
        errors.push({
          file: name,
          line: 0,
          field: '文件名',
          path: '',
          message: '文件名应为 cases.csv、documents.csv、av.csv、data.csv 或 interruptions.csv',
        });
        continue;
      }
      if (seen.has(kind)) {
        errors.push({
          file: name,
          line: 0,
          field: '文件名',
          path: '',
          message: `同一清单中只能有一个 ${kind}.csv`,
        });
        continue;
      }
      seen.add(kind);
      const budget = MANIFEST_LIMITS.maxRows - raw.length;
      raw = raw.concat(readCsv(name, String(input.files[name]), kind, Math.max(budget, 0), errors));
    }
  }
  const interruptionCount = raw.reduce(
    (n, r) =>
      n + (r.kind === 'av' && Array.isArray(r.value.interruptions) ? r.value.interruptions.length : 0),
    0,
  );
  if (raw.length + interruptionCount > MANIFEST_LIMITS.maxRows) {
    return {
      ok: false,
      errors: [
        {
          file: '',
          line: 0,
          field: '行数',
          path: '',
          message: `导入文件合计不能超过 ${MANIFEST_LIMITS.maxRows} 行，请分成几个清单导入`,
        },
      ],
    };
  }
  const parsed: { row: RawRow; data: unknown }[] = [];
  for (const row of raw) {
    const result = ROW_SCHEMAS[row.kind].safeParse(row.value);
    if (result.success) parsed.push({ row, data: result.data });
    else for (const issue of result.error.issues) errors.push(issueToError(row, issue));
  }
  crossChecks(raw, errors);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors, names) };
  const manifest: Manifest = { cases: [], documents: [], av: [], data: [] };
  const interruptions: z.output<typeof interruptionRow>[] = [];
  for (const { row, data } of parsed) {
    if (row.kind === 'interruptions') interruptions.push(data as z.output<typeof interruptionRow>);
    else (manifest[row.kind] as unknown[]).push(data);
  }
  for (const c of manifest.cases) {
    // The number as it is sealed and indexed (full-width and lower case folded); checked in crossChecks.
    const checked = validatePartyId(c.partyIdKind, c.partyIdNo ?? '');
    if (checked.ok) c.partyIdNo = checked.normalized === '' ? undefined : checked.normalized;
  }
  const avById = new Map(manifest.av.map((a) => [a.sourceId, a]));
  for (const it of interruptions) {
    (avById.get(it.avSourceId)!.interruptions ??= []).push({
      at: it.at,
      explanation: it.explanation,
      how: it.how,
    });
  }
  for (const av of manifest.av) av.interruptions?.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // Rows to upsert: cases, documents, recordings and electronic data (interruptions belong to their recording).
  const rowCount = ROW_KINDS.reduce((n, k) => n + manifest[k].length, 0);
  return { ok: true, manifest, rowCount };
}

/** Errors in the order of the files as given, then by line (fields in their order within a line). */
function capErrors(errors: ManifestError[], names: string[]): ManifestError[] {
  const rank = (file: string) => (file === '' ? -1 : names.indexOf(file));
  const sorted = [...errors].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
  if (sorted.length <= MANIFEST_LIMITS.maxErrors) return sorted;
  const rest = sorted.length - MANIFEST_LIMITS.maxErrors;
  return [
    ...sorted.slice(0, MANIFEST_LIMITS.maxErrors),
    {
      file: '',
      line: 0,
      field: '错误',
      path: '',
      message: `另有 ${rest} 处错误未列出，请改正以上错误后重新检查`,
    },
  ];
}

/**
 * Checks within a row that need several fields, and across rows: the party's ID by its kind, officers listed
 * twice, a recording that ends before it starts, interruptions outside their recording, duplicate source ids and
 * case numbers, records whose case is neither in the manifest nor marked existing. They read each field on its own
 * (`fieldOf`), so a row with other bad fields still gets these reported too.
 */
function crossChecks(raw: RawRow[], errors: ManifestError[]): void {
  const at = (row: RawRow, key: string, message: string, path: readonly PropertyKey[] = [key]) =>
    errors.push({
      file: row.file,
      line: row.line,
      field: labelOf(row.kind, path),
      path: pathText(row, path),
      message,
    });
  const time = (row: RawRow, key: string) => fieldOf(row, key) as string | undefined;
  const avRange = new Map<string, { start?: string; end?: string }>();
  for (const row of raw) {
    if (row.kind === 'cases') {
      const partyKind = fieldOf(row, 'partyKind');
      const idKind = fieldOf(row, 'partyIdKind') as PartyIdKind | undefined;
      const idNo = row.value.partyIdNo;
      if (
        partyKind !== undefined &&
        idKind !== undefined &&
        (idKind === 'none') !== (partyKind === 'unregistered')
      ) {
        at(row, 'partyIdKind', '当事人证件类型：无照经营者填 none（无证照），其他当事人须填写证件类型和号码');
      } else if (idKind !== undefined && (idNo === undefined || typeof idNo === 'string')) {
        const checked = validatePartyId(idKind, idNo ?? '');
        if (!checked.ok) at(row, 'partyIdNo', `当事人证件号码：${checked.message}`);
      }
      const officers = fieldOf(row, 'officers') as string[] | undefined;
      if (officers && new Set(officers).size !== officers.length)
        at(row, 'officers', '执法人员执法证号不能重复');
    }
    if (row.kind === 'av') {
      const start = time(row, 'start');
      const end = time(row, 'end');
      const sid = fieldOf(row, 'sourceId') as string | undefined;
      if (sid !== undefined && !avRange.has(sid)) avRange.set(sid, { start, end });
      if (start !== undefined && end !== undefined && !(start < end))
        at(row, 'end', '录制结束时间应晚于录制开始时间');
      const nested = row.value.interruptions;
      if (start !== undefined && end !== undefined && Array.isArray(nested)) {
        nested.forEach((item, i) => {
          const r = z.safeParse(interruptionShape.at, (item as Record<string, unknown> | null)?.at);
          if (r.success && (r.data < start || r.data > end)) {
            at(row, 'interruptions', '中断时间应在录制开始与结束之间', ['interruptions', i, 'at']);
          }
        });
      }
    }
  }
  for (const kind of ROW_KINDS) {
    const first = new Map<string, RawRow>();
    const firstCaseNo = new Map<string, RawRow>();
    for (const row of raw.filter((r) => r.kind === kind)) {
      const sid = fieldOf(row, 'sourceId') as string | undefined;
      const prior = sid === undefined ? undefined : first.get(sid);
      if (prior)
        at(
          row,
          'sourceId',
          `来源编号与${where(prior)}的${ROW_KIND_LABELS[kind]}重复；同一来源编号只能出现一次`,
        );
      else if (sid !== undefined) first.set(sid, row);
      if (kind !== 'cases') continue;
      const caseNo = fieldOf(row, 'caseNo') as string | undefined;
      const priorNo = caseNo === undefined ? undefined : firstCaseNo.get(caseNo);
      if (priorNo) at(row, 'caseNo', `案号与${where(priorNo)}的案件重复`);
      else if (caseNo !== undefined) firstCaseNo.set(caseNo, row);
    }
  }
  // A reference is good when any case row of the manifest has that source id (a bad case row is reported on its own).
  const caseIds = new Set(
    raw.filter((r) => r.kind === 'cases').map((r) => blankToUndefined(r.value.sourceId)),
  );
  for (const row of raw) {
    if (row.kind === 'documents' || row.kind === 'av' || row.kind === 'data') {
      const ref = fieldOf(row, 'caseSourceId') as string | undefined;
      if (ref === undefined || fieldOf(row, 'caseRef') === 'existing' || caseIds.has(ref)) continue;
      at(
        row,
        'caseSourceId',
        '本清单中没有该来源编号的案件；如案件已在此前导入，请将“案件引用”（caseRef）填为 existing',
      );
    }
    if (row.kind === 'interruptions') {
      const ref = fieldOf(row, 'avSourceId') as string | undefined;
      if (ref === undefined) continue;
      const range = avRange.get(ref);
      if (!range) {
        at(row, 'avSourceId', '本清单的 av.csv 中没有该来源编号的音像记录');
        continue;
      }
      const when = time(row, 'at');
      if (when !== undefined && range.start !== undefined && range.end !== undefined) {
        if (when < range.start || when > range.end) at(row, 'at', '中断时间应在录制开始与结束之间');
      }
    }
  }
}

function where(row: RawRow): string {
  return row.jsonPath === '' ? `第 ${row.line} 行` : `第 ${row.line} 条（${row.jsonPath}）`;
}

// --- batches ---------------------------------------------------------------------------------------------------

export interface ImportBatch<K extends RowKind = RowKind> {
  /** Stable for the same rows: the server records it when the batch is applied and skips it on a resumed run. */
  key: string;
  /** Position in the plan, from 0: batches are applied in this order. */
  seq: number;
  kind: K;
  rows: Manifest[K];
}

/**
 * Splits a valid manifest into batches of at most `batchSize` rows: all case batches first, then documents, audio/
 * video and electronic data (a record's case exists before it). Rows are ordered by `sourceId` within each kind, so
 * the same rows in any order give the same batches and keys. Each row is an upsert by kind and `sourceId`; the key
 * lets an interrupted run resume after the last applied batch.
 */
export function planBatches(manifest: Manifest, batchSize: number): ImportBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const batches: ImportBatch[] = [];
  for (const kind of ROW_KINDS) {
    const rows = [...(manifest[kind] as { sourceId: string }[])].sort((a, b) =>
      a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0,
    );
    for (let i = 0; i * batchSize < rows.length; i++) {
      const slice = rows.slice(i * batchSize, (i + 1) * batchSize);
      batches.push({
        key: `${kind}-${i + 1}-${digest(canonicalJson(slice))}`,
        seq: batches.length,
        kind,
        rows: slice as Manifest[RowKind],
      } as ImportBatch);
    }
  }
  return batches;
}

/** A digest of the whole manifest (rows in source-id order), for recognising a manifest that was staged before. */
export function manifestDigest(manifest: Manifest): string {
  return digest(canonicalJson(planBatches(manifest, Number.MAX_SAFE_INTEGER).map((b) => b.key)));
}

/** 64-bit FNV-1a of the text's UTF-16 units as 16 hex digits (a key, not a security hash). */
function digest(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}
