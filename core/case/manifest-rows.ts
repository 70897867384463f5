/**
 * The rows of the import manifest: cases, documents, audio/video references, electronic data and
 * the interruptions of a recording, as zod schemas, with the one table of columns and Chinese labels that the JSON
 * form, the CSV form, the error messages and docs/import-format.md share. Pure: no I/O, no clock.
 */
import * as z from 'zod/mini';
import {
  AV_ACTS,
  CASE_KIND_LABELS,
  CASE_STAGE_LABELS,
  DECISION_TYPE_LABELS,
  DOCUMENT_TYPES,
  PARTY_KIND_LABELS,
} from './stages';
import {
  CASE_REF,
  INTERRUPTION_HOW,
  SOURCE_SYSTEMS,
  bool,
  certNo,
  code,
  date,
  list,
  partyIdKind,
  sha256,
  sourceId,
  text,
  time,
  yuan,
} from './manifest-fields';

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

/**
 * A stage the case went through after its opening (REC-1: the time the act happened), with the decision it made
 * (decision stages) or the statement period (the statement stage). Nested in a case row (JSON `stages`) or a row
 * of stages.csv naming its case.
 */
export const stageShape = {
  stage: code('办理环节', CASE_STAGE_LABELS),
  actedAt: time('办理时间'),
  decisionDocNo: z.optional(text('决定书文号', 4, 60)),
  decisionDate: z.optional(date('决定日期')),
  decisionType: z.optional(code('决定类型', DECISION_TYPE_LABELS)),
  decisionConclusion: z.optional(text('决定内容', 2, 1000)),
  fine: z.optional(yuan('罚款金额')),
  confiscated: z.optional(yuan('没收违法所得金额')),
  statementPeriodEndsAt: z.optional(time('陈述申辩期限届满时间')),
  partyStated: z.optional(bool('当事人已陈述申辩')),
  waiverInWriting: z.optional(bool('当事人书面放弃陈述申辩')),
};

const caseBaseShape = {
  source: code('来源系统', SOURCE_SYSTEMS),
  sourceId: sourceId('来源编号'),
  kind: code('案件类型', CASE_KIND_LABELS),
  caseNo: text('案号', 4, 60),
  cause: text('案由', 2, 200),
  openedAt: time('立案（开始）时间'),
  officers: list('执法人员执法证号', certNo('执法人员执法证号'), 2, 6),
  partyKind: code('当事人类型', PARTY_KIND_LABELS),
  partyName: text('当事人名称', 2, 100),
  partyIdKind,
  partyIdNo: z.optional(z.string('当事人证件号码应为文字').check(z.maxLength(40, '当事人证件号码过长'))),
  partyLegalRepresentative: z.optional(text('法定代表人（负责人）', 2, 40)),
  partyAddress: z.optional(text('当事人住所（地址）', 2, 200)),
};

const documentShape = {
  ...caseLink,
  docType: code('文书种类', DOCUMENT_TYPES),
  docNo: z.optional(text('文书编号', 2, 60)),
  title: text('记录名称', 2, 100),
  docTimes: z.optional(list('文书记载的时间', time('文书记载的时间'), 0, 20)),
  signed: bool('是否已签名'),
  blankItems: z.optional(list('空白项', text('空白项', 1, 40), 0, 50)),
  sha256: sha256('文件哈希值'),
  location: z.optional(text('存储位置', 2, 300)),
};

export const interruptionShape = {
  at: time('中断时间'),
  explanation: z.optional(text('中断说明', 2, 500)),
  how: z.optional(code('说明方式', INTERRUPTION_HOW)),
};

const avBaseShape = {
  ...caseLink,
  title: text('记录名称', 2, 100),
  device: text('执法记录仪编号', 2, 60),
  act: code('录制的执法活动', AV_ACTS),
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
const stageRowShape = { caseSourceId: sourceId('所属案件来源编号'), ...stageShape };

const stage = z.strictObject(stageShape);
const caseShape = { ...caseBaseShape, stages: z.optional(list('办理环节', stage, 0, 20)) };
const caseRow = z.strictObject(caseShape);
const interruption = z.strictObject(interruptionShape);
const avShape = { ...avBaseShape, interruptions: z.optional(list('中断情况', interruption, 0, 50)) };
const avRow = z.strictObject(avShape);
const documentRow = z.strictObject(documentShape);
const dataRow = z.strictObject(dataShape);
export const interruptionRow = z.strictObject(interruptionRowShape);
export const stageRow = z.strictObject(stageRowShape);

export type CaseRow = z.output<typeof caseRow>;
export type DocumentRow = z.output<typeof documentRow>;
export type AvRow = z.output<typeof avRow>;
export type DataRow = z.output<typeof dataRow>;
export type Interruption = z.output<typeof interruption>;
export type StageRow = z.output<typeof stage>;

export interface Manifest {
  cases: CaseRow[];
  documents: DocumentRow[];
  av: AvRow[];
  data: DataRow[];
}

export type RowKind = keyof Manifest;
export const ROW_KINDS: readonly RowKind[] = ['cases', 'documents', 'av', 'data'];
/** Rows nested in another row's: a recording's interruptions, a case's stages (own CSV files in the CSV form). */
export type NestedKind = 'interruptions' | 'stages';
export const ROW_KIND_LABELS: Readonly<Record<RowKind | NestedKind, string>> = {
  cases: '案件',
  documents: '文书',
  av: '音像记录',
  data: '电子数据',
  interruptions: '音像记录中断情况',
  stages: '案件办理环节',
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
export const MANIFEST_COLUMNS: Readonly<Record<RowKind | NestedKind, Readonly<Record<string, ColumnDef>>>> = {
  cases: columns(
    caseBaseShape,
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
  stages: columns(
    stageRowShape,
    {
      caseSourceId: '所属案件来源编号',
      stage: '办理环节',
      actedAt: '办理时间',
      decisionDocNo: '决定书文号',
      decisionDate: '决定日期',
      decisionType: '决定类型',
      decisionConclusion: '决定内容',
      fine: '罚款金额',
      confiscated: '没收违法所得金额',
      statementPeriodEndsAt: '陈述申辩期限届满时间',
      partyStated: '当事人已陈述申辩',
      waiverInWriting: '当事人书面放弃陈述申辩',
    },
    { partyStated: 'bool', waiverInWriting: 'bool' },
  ),
};

export const ROW_SCHEMAS = {
  cases: caseRow,
  documents: documentRow,
  av: avRow,
  data: dataRow,
  interruptions: interruptionRow,
  stages: stageRow,
};
const ROW_SHAPES: Readonly<Record<RowKind | NestedKind, Readonly<Record<string, z.core.$ZodType>>>> = {
  cases: caseShape,
  documents: documentShape,
  av: avShape,
  data: dataShape,
  interruptions: interruptionRowShape,
  stages: stageRowShape,
};

/** One field of a row as its schema reads it, or undefined when it is missing or bad (reported on its own). */
export function fieldOf(row: RawRow, key: string): unknown {
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
export interface RawRow {
  kind: RowKind | NestedKind;
  file: string;
  line: number;
  /** JSON path prefix of the row (`cases[2]`), or '' for CSV. */
  jsonPath: string;
  value: Record<string, unknown>;
}
