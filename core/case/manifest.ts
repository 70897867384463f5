/**
 * The import manifest (REC-1, REC-2, REC-3, REC-9): cases, documents, audio/video references and
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
 * Line 0 is the file as a whole. Rows and columns: manifest-rows.ts; reading the forms: manifest-read.ts.
 */
import * as z from 'zod/mini';
import { canonicalJson } from '../canonical';
import { validatePartyId, type PartyIdKind } from '../party/ids';
import {
  CASE_KIND_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  DECISION_STAGES,
  STATEMENT_STAGE,
  type CaseKind,
  type CaseStage,
} from './stages';
import { blankToUndefined } from './manifest-fields';
import {
  CSV_FILES,
  baseName,
  issueToError,
  labelOf,
  pathText,
  readCsv,
  readJson,
  utf8Bytes,
} from './manifest-read';
import {
  MANIFEST_COLUMNS,
  MANIFEST_LIMITS,
  ROW_KINDS,
  ROW_KIND_LABELS,
  ROW_SCHEMAS,
  fieldOf,
  interruptionRow,
  interruptionShape,
  stageRow,
  stageShape,
  type Manifest,
  type ManifestError,
  type ManifestInput,
  type ParseManifestResult,
  type RawRow,
  type RowKind,
} from './manifest-rows';

export { parseManifestTime } from './manifest-fields';
export {
  MANIFEST_COLUMNS,
  MANIFEST_LIMITS,
  ROW_KINDS,
  ROW_KIND_LABELS,
  type AvRow,
  type CaseRow,
  type ColumnDef,
  type DataRow,
  type DocumentRow,
  type Interruption,
  type Manifest,
  type StageRow,
  type ManifestError,
  type ManifestInput,
  type ParseManifestResult,
  type RowKind,
} from './manifest-rows';

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
          message: '文件名应为 cases.csv、documents.csv、av.csv、data.csv、interruptions.csv 或 stages.csv',
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
  const nestedCount = raw.reduce(
    (n, r) =>
      n +
      (r.kind === 'av' && Array.isArray(r.value.interruptions) ? r.value.interruptions.length : 0) +
      (r.kind === 'cases' && Array.isArray(r.value.stages) ? r.value.stages.length : 0),
    0,
  );
  if (raw.length + nestedCount > MANIFEST_LIMITS.maxRows) {
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
  stageChecks(raw, errors);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors, names) };
  const manifest: Manifest = { cases: [], documents: [], av: [], data: [] };
  const interruptions: z.output<typeof interruptionRow>[] = [];
  const stages: z.output<typeof stageRow>[] = [];
  for (const { row, data } of parsed) {
    if (row.kind === 'interruptions') interruptions.push(data as z.output<typeof interruptionRow>);
    else if (row.kind === 'stages') stages.push(data as z.output<typeof stageRow>);
    else (manifest[row.kind] as unknown[]).push(data);
  }
  const caseById = new Map(manifest.cases.map((c) => [c.sourceId, c]));
  for (const { caseSourceId, ...st } of stages) (caseById.get(caseSourceId)!.stages ??= []).push(st);
  for (const c of manifest.cases)
    c.stages?.sort((a, b) => (a.actedAt < b.actedAt ? -1 : a.actedAt > b.actedAt ? 1 : 0));
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

/** One stage of a case where it was written: nested in the case's row (JSON) or a row of stages.csv. */
interface StageAt {
  row: RawRow;
  /** The path of the stage within its row: `['stages', j]` nested, `[]` for a stages.csv row. */
  prefix: PropertyKey[];
  value: Record<string, unknown>;
}

const DECISION_FIELDS = ['decisionDocNo', 'decisionDate', 'decisionType', 'decisionConclusion'] as const;
const DECISION_EXTRA = ['fine', 'confiscated'] as const;
const STATEMENT_FIELDS = ['statementPeriodEndsAt', 'partyStated', 'waiverInWriting'] as const;

/**
 * A case's stages (REC-1): each of its kind and after the opening (which is `openedAt`), at most once, in the
 * kind's order by their times; a decision stage carries its decision document (number, date, type, conclusion,
 * as case.advance requires), the statement stage may carry the statement period (行政处罚法 Art. 62), no other stage
 * either. A stages.csv row names a case of this manifest.
 */
function stageChecks(raw: RawRow[], errors: ManifestError[]): void {
  const at = (s: StageAt, key: string, message: string) => {
    const path = [...s.prefix, key];
    errors.push({
      file: s.row.file,
      line: s.row.line,
      field: labelOf(s.row.kind, path),
      path: pathText(s.row, path),
      message,
    });
  };
  const field = (s: StageAt, key: keyof typeof stageShape) => {
    const r = z.safeParse(stageShape[key] as z.core.$ZodType, s.value[key]);
    return r.success ? r.data : undefined;
  };
  const byCase = new Map<string, StageAt[]>();
  const cases = new Map<string, RawRow>();
  for (const row of raw) {
    if (row.kind !== 'cases') continue;
    const sid = fieldOf(row, 'sourceId') as string | undefined;
    if (sid === undefined || cases.has(sid)) continue;
    cases.set(sid, row);
    const nested = row.value.stages;
    if (!Array.isArray(nested)) continue;
    nested.forEach((item, j) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item))
        byCase.set(sid, [
          ...(byCase.get(sid) ?? []),
          { row, prefix: ['stages', j], value: item as Record<string, unknown> },
        ]);
    });
  }
  for (const row of raw) {
    if (row.kind !== 'stages') continue;
    const ref = fieldOf(row, 'caseSourceId') as string | undefined;
    if (ref === undefined) continue;
    const s: StageAt = { row, prefix: [], value: row.value };
    if (!cases.has(ref)) at(s, 'caseSourceId', '本清单的 cases.csv 中没有该来源编号的案件');
    else byCase.set(ref, [...(byCase.get(ref) ?? []), s]);
  }
  for (const [sid, list] of byCase) {
    const caseRow = cases.get(sid)!;
    const kind = fieldOf(caseRow, 'kind') as CaseKind | undefined;
    const openedAt = fieldOf(caseRow, 'openedAt') as string | undefined;
    const order: readonly CaseStage[] | undefined = kind ? CASE_STAGES[kind] : undefined;
    const placed: { s: StageAt; stage: CaseStage; actedAt: string }[] = [];
    for (const s of list) {
      const stage = field(s, 'stage') as CaseStage | undefined;
      const actedAt = field(s, 'actedAt') as string | undefined;
      if (stage !== undefined && order) {
        if (!order.includes(stage)) at(s, 'stage', `该环节不是${CASE_KIND_LABELS[kind!]}案件的办理环节`);
        else if (stage === order[0]) at(s, 'stage', '第一个环节以案件的立案（开始）时间为准，不必列出');
      }
      if (actedAt !== undefined && openedAt !== undefined && actedAt < openedAt)
        at(s, 'actedAt', '办理时间不能早于立案（开始）时间');
      if (stage !== undefined) {
        const decides = DECISION_STAGES.includes(stage);
        for (const key of DECISION_FIELDS)
          if (decides && s.value[key] === undefined)
            at(s, key, `作出决定的环节须填写${MANIFEST_COLUMNS.stages[key]!.label}`);
        for (const key of [...DECISION_FIELDS, ...DECISION_EXTRA])
          if (!decides && s.value[key] !== undefined) at(s, key, '只有作出决定的环节填写决定书信息');
        for (const key of STATEMENT_FIELDS)
          if (stage !== STATEMENT_STAGE && s.value[key] !== undefined)
            at(s, key, '只有陈述申辩环节填写陈述申辩期限和情况');
      }
      if (stage !== undefined && actedAt !== undefined && order?.includes(stage) && stage !== order[0])
        placed.push({ s, stage, actedAt });
    }
    const seen = new Set<CaseStage>();
    for (const p of placed) {
      if (seen.has(p.stage)) at(p.s, 'stage', '同一案件中该环节重复');
      seen.add(p.stage);
    }
    // In time order, the stages follow the kind's order (a stage the source system did not record may be missing).
    const byTime = [...placed].sort((a, b) => (a.actedAt < b.actedAt ? -1 : a.actedAt > b.actedAt ? 1 : 0));
    for (let i = 1; i < byTime.length; i++) {
      const prev = byTime[i - 1]!;
      const cur = byTime[i]!;
      if (order!.indexOf(cur.stage) < order!.indexOf(prev.stage))
        at(cur.s, 'actedAt', `办理时间早于此前的环节“${CASE_STAGE_LABELS[prev.stage]}”，与办理顺序不符`);
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
