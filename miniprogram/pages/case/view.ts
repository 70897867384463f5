/**
 * The case pages' pure view models (REC-1, REC-9, REC-10, REC-16; docs/cases.md): a row of 我的案件, a case's
 * detail (timeline, records with short hash and custody, findings failures first, clocks, what the law requires
 * next) and a row of the custodian's intake queue. Every label and list comes from the core bundle (kinds, stages,
 * document types, AV acts, clocks): nothing is written here twice.
 */
import {
  AV_ACTS,
  CASE_CLOCK_RULES,
  CASE_STAGES,
  DOCUMENT_TYPES,
  PARTY_KIND_LABELS,
  RECORD_TYPE_LABELS,
  type CaseCheckResult,
  type CaseClockView,
  type CaseListItem,
  type CaseRecordView,
  type CaseServiceEventView,
  type CaseView,
  type Finding,
} from '../../core-bundle/index';
import { chineseDate, shanghaiMinute, shanghaiToday } from '../../utils/date-format';
import {
  ACTION_LABELS,
  clockOps,
  excludedText,
  extensionText,
  isStopWorkRecord,
  recordOps,
  stopReasonOf,
  type ActionKind,
} from './detail/actions';

/** An operation offered on a clock or a record (the backend checks who may take it). */
export interface OpButton {
  kind: ActionKind;
  label: string;
}
const buttons = (kinds: ActionKind[]): OpButton[] =>
  kinds.map((kind) => ({ kind, label: ACTION_LABELS[kind] }));

/** 剩 3 个工作日 / 今天到期 / 已逾期 2 个工作日 (the backend counts the working days with the calendar). */
export function leftLabel(
  workingDaysLeft: number | null | undefined,
  dueDate: string | null,
  today: string,
): string {
  if (!dueDate) return '';
  if (dueDate < today) {
    return typeof workingDaysLeft === 'number' && workingDaysLeft < 0
      ? `已逾期 ${-workingDaysLeft} 个工作日`
      : '已逾期';
  }
  if (typeof workingDaysLeft !== 'number') return '';
  if (workingDaysLeft <= 0) return '今天到期';
  return `剩 ${workingDaysLeft} 个工作日`;
}

/** Where a stage stands in its kind's order: 第 3 步，共 10 步 (the order is core/case/stages.ts CASE_STAGES). */
export function stageStep(kind: string, stage: string): string {
  const order = (CASE_STAGES as Record<string, readonly string[]>)[kind] ?? [];
  const i = order.indexOf(stage);
  return i < 0 ? '' : `第 ${i + 1} 步，共 ${order.length} 步`;
}

export interface CaseRow {
  id: string;
  caseNo: string;
  title: string;
  partyName: string;
  stageLabel: string;
  stageStep: string;
  /** 2 项不符合规定 / 检查未发现不符合规定 / '' (not checked since opening). */
  findings: string;
  failing: boolean;
  /** 1 份记录待移交 / '' */
  pending: string;
  dueLabel: string;
  dueLeft: string;
  overdue: boolean;
  dueSoon: boolean;
}

export function caseRow(item: CaseListItem, today = shanghaiToday()): CaseRow {
  const failures = item.openFailures;
  const left = item.nextDueWorkingDaysLeft;
  const overdue = !!item.nextDue && item.nextDue < today;
  return {
    id: item.id,
    caseNo: item.caseNo,
    title: `${item.kindLabel} · ${item.cause}`,
    partyName: item.partyName,
    stageLabel: item.stageLabel,
    stageStep: stageStep(item.kind, item.stage),
    findings:
      typeof failures === 'number'
        ? failures > 0
          ? `${failures} 项不符合规定`
          : '检查未发现不符合规定'
        : '',
    failing: typeof failures === 'number' && failures > 0,
    pending: item.pendingHandovers > 0 ? `${item.pendingHandovers} 份记录待移交` : '',
    dueLabel: item.nextDue ? `最近的法定期限 ${chineseDate(item.nextDue)}` : '',
    dueLeft: leftLabel(left, item.nextDue, today),
    overdue,
    dueSoon: !overdue && typeof left === 'number' && left <= 2,
  };
}

/** A SHA-256 shown short (first 8 … last 4); the full value is on the ledger and in the record. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256;
}

export interface RecordRow {
  id: string;
  caseId: string;
  title: string;
  /** 文书 · 现场笔录 / 音像记录 · 询问 / 电子数据 */
  typeLabel: string;
  hash: string;
  registered: string;
  /** 已接收 2026-11-27 10:05 / 待移交，应于 2026年11月29日前 / 已逾期，应于 … 前 */
  custody: string;
  received: boolean;
  late: boolean;
  dueDate: string;
  /** The written reason for a late hand-over and whether it was approved (细则第二十一条). */
  lateReason: string;
  /** Stopping AV on purpose (细则第十三条): the reason on a recording; on the work record, the unit head's approval. */
  stop: string;
  stopState: string;
  stopApproved: boolean;
  ops: OpButton[];
}

function recordTypeLabel(r: CaseRecordView): string {
  const base = RECORD_TYPE_LABELS[r.type] ?? '';
  const sub =
    r.type === 'document' && r.document
      ? (DOCUMENT_TYPES as Record<string, string>)[r.document.docType]
      : r.type === 'av' && r.av
        ? (AV_ACTS as Record<string, string>)[r.av.act]
        : '';
  return sub ? `${base} · ${sub}` : base;
}

export function recordRow(r: CaseRecordView, today = shanghaiToday()): RecordRow {
  const due = r.handoverDueDate ?? '';
  const overdue = !r.receivedAt && !!due && due < today;
  let custody: string;
  if (r.receivedAt) custody = `${r.late ? '逾期接收' : '已接收'} ${shanghaiMinute(r.receivedAt)}`;
  else if (overdue) custody = `未移交，已超过移交期限 ${chineseDate(due)}`;
  else custody = due ? `待移交，应于 ${chineseDate(due)} 前移交档案专人` : '待移交';
  if (r.lateReason && !r.receivedAt)
    custody += r.lateApproved ? '（延期已批准）' : '（已说明延期理由，待批准）';
  return {
    id: r.id,
    caseId: r.caseId,
    title: r.title,
    typeLabel: recordTypeLabel(r),
    hash: shortHash(r.sha256),
    registered: shanghaiMinute(r.registeredAt),
    custody,
    received: !!r.receivedAt,
    late: r.late || overdue,
    dueDate: due,
    lateReason: r.lateReason
      ? `延期移交理由：${r.lateReason}（${r.lateApproved ? '已批准' : '待分管领导批准'}）`
      : '',
    stop: stopReasonOf(r) ? `停止录制：${stopReasonOf(r)}（须有经单位负责人批准的停止音像记录工作记录）` : '',
    stopState: isStopWorkRecord(r)
      ? r.stopApproval
        ? `单位负责人已批准（${shanghaiMinute(r.stopApproval.at)}）`
        : '停止录制须经单位负责人批准：待批准'
      : '',
    stopApproved: !!r.stopApproval,
    ops: buttons(recordOps(r, today)),
  };
}

export interface FindingRow {
  key: string;
  failure: boolean;
  levelLabel: string;
  message: string;
  article: string;
}

/** Failures first, each citing its article (core/case/checks.ts). */
export function findingRows(findings: readonly Finding[]): FindingRow[] {
  return [...findings]
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'failure' ? -1 : 1))
    .map((f, i) => ({
      key: `${f.code}-${f.recordId ?? ''}-${i}`,
      failure: f.level === 'failure',
      levelLabel: f.level === 'failure' ? '不符合规定' : '请核实',
      message: f.message,
      article: f.article,
    }));
}

export interface ClockRow {
  name: string;
  label: string;
  state: string;
  due: string;
  left: string;
  overdue: boolean;
  article: string;
  /** What the law leaves out of the limit (the periods it pauses for), and how it may be extended. */
  excludes: string;
  extension: string;
  ops: OpButton[];
}

function ruleOf(name: string) {
  return (CASE_CLOCK_RULES as Record<string, { article: string } | undefined>)[name.split(':')[0]!];
}

export function clockRow(c: CaseClockView, today = shanghaiToday()): ClockRow {
  const running = !c.stoppedOn;
  return {
    name: c.name,
    label: c.label,
    state: c.stoppedOn
      ? `已结束（${chineseDate(c.stoppedOn)}）`
      : c.pausedOn
        ? `已中止计算（自 ${chineseDate(c.pausedOn)}）`
        : c.extendedDays > 0
          ? `计算中，已延长 ${c.extendedDays} 日`
          : '计算中',
    due: c.dueDate ? chineseDate(c.dueDate) : '',
    left: running && !c.pausedOn ? leftLabel(c.workingDaysLeft, c.dueDate, today) : '',
    overdue: running && !!c.dueDate && c.dueDate < today,
    article: ruleOf(c.name)?.article ?? '',
    excludes: excludedText(c.name),
    extension: c.name === 'evidenceHold' ? '法律未规定延长' : extensionText(c.name),
    ops: buttons(clockOps(c)),
  };
}

export interface StageRow {
  key: string;
  label: string;
  acted: string;
  recorded: string;
  /** Recorded more than a day after the act: shown, so a late entry is visible. */
  recordedLater: boolean;
}

/** Who took an electronic-service step, as the register says it. */
const SERVICE_BY: Record<CaseServiceEventView['by'], string> = {
  party: '当事人',
  staff: '执法人员',
  system: '系统',
};

export interface ServiceEventRow {
  key: string;
  /** 认证尝试 · 当事人 */
  label: string;
  detail: string;
  time: string;
  /** 行政处罚事先告知书（万卫罚告〔2026〕12号）, for the events of a served document. */
  document: string;
  party: string;
  /** 台账 ab12cd34…ef01 (the ledger event's hash, short) / 台账中未找到对应事件 */
  ledger: string;
  /** 已并入第 12 批 (the global batch that sequenced it) / 待并入全局链; '' when missing. */
  ledgerBatch: string;
  /** No ledger event found for it: shown as an error (ledger.verify names the break). */
  ledgerMissing: boolean;
  /** A failed try, a refused request or a paper-service flag: shown in the warning colour. */
  warn: boolean;
}

/**
 * An electronic-service event of the case register (REC-7, REC-16): what happened, when, by whom, on which
 * document, for which party (its registered name only), and the ledger event that committed it.
 */
export function serviceEventRow(e: CaseServiceEventView, i = 0): ServiceEventRow {
  const ledger = e.ledger ? `台账 ${shortHash(e.ledger.hash)}` : '台账中未找到对应事件';
  const ledgerBatch = !e.ledger
    ? ''
    : e.ledger.batch === null
      ? '待并入全局链'
      : `已并入第 ${e.ledger.batch} 批`;
  return {
    key: e.ledger?.event ?? `${e.kind}-${e.at}-${i}`,
    label: `${e.label} · ${SERVICE_BY[e.by]}`,
    detail: e.detail,
    time: shanghaiMinute(e.at),
    document: e.document ? `${e.document.title}${e.document.docNo ? `（${e.document.docNo}）` : ''}` : '',
    party: e.partyName,
    ledger,
    ledgerBatch,
    ledgerMissing: !e.ledger,
    warn: e.attention,
  };
}

export interface CaseDetail {
  id: string;
  caseNo: string;
  title: string;
  stageLabel: string;
  stageStep: string;
  opened: string;
  party: { name: string; kindLabel: string; idMasked: string; legalRepresentative: string };
  officers: string[];
  stages: StageRow[];
  records: RecordRow[];
  clocks: ClockRow[];
  /** Electronic service (送达记录), oldest first; `servicesMore`: older ones are on the services page. */
  services: ServiceEventRow[];
  servicesMore: boolean;
  /** What the law requires next: the stages the caller may take now and the running clocks' due dates. */
  next: string[];
  nextStages: Array<{ stage: string; label: string }>;
  /** Case-level clock operations: a penalty case may register evidence for preservation (行政处罚法第五十六条). */
  caseOps: OpButton[];
}

const DAY_MS = 24 * 3600_000;

export function caseDetail(v: CaseView, today = shanghaiToday()): CaseDetail {
  const clocks = v.clocks.filter((c) => !c.name.startsWith('handover:')).map((c) => clockRow(c, today));
  const records = v.records.map((r) => recordRow(r, today));
  const next: string[] = [];
  if (v.nextStages.length) next.push(`下一步可办理：${v.nextStages.map((s) => s.label).join('、')}`);
  for (const c of clocks) {
    if (c.due && !c.state.startsWith('已结束'))
      next.push(
        `${c.label}：应于 ${c.due} 前办结${c.left ? `（${c.left}）` : ''}${c.article ? `，依据${c.article}` : ''}`,
      );
  }
  const pending = records.filter((r) => !r.received);
  if (pending.length)
    next.push(
      `${pending.length} 份记录应在现场工作结束后 2 个工作日内移交档案专人（全过程记录制度第二十一条）`,
    );
  return {
    id: v.id,
    caseNo: v.caseNo,
    title: `${v.kindLabel} · ${v.cause}`,
    stageLabel: v.stageLabel,
    stageStep: stageStep(v.kind, v.stage),
    opened: shanghaiMinute(v.openedAt),
    party: {
      name: v.party.name,
      kindLabel: (PARTY_KIND_LABELS as Record<string, string>)[v.party.kind] ?? '',
      idMasked: v.party.idMasked ?? '',
      legalRepresentative: v.party.legalRepresentative ?? '',
    },
    officers: v.officers.map((o) => `${o.name}（${o.certNo}）`),
    stages: v.stages.map((s, i) => ({
      key: `${s.stage}-${i}`,
      label: s.label,
      acted: shanghaiMinute(s.actedAt),
      recorded: shanghaiMinute(s.recordedAt),
      recordedLater: Date.parse(s.recordedAt) - Date.parse(s.actedAt) > DAY_MS,
    })),
    records,
    clocks,
    services: (v.services?.items ?? []).map(serviceEventRow),
    servicesMore: v.services?.more ?? false,
    next,
    nextStages: v.nextStages.map((s) => ({ stage: s.stage, label: s.label })),
    caseOps:
      v.kind === 'penalty' &&
      v.nextStages.length > 0 &&
      !v.clocks.some((c) => c.name === 'evidenceHold' && !c.stoppedOn)
        ? buttons(['holdEvidence'])
        : [],
  };
}

export function checkSummary(check: CaseCheckResult | null): string {
  if (!check) return '';
  if (!check.failures && !check.warnings) return '自动检查未发现问题';
  return `不符合规定 ${check.failures} 项，请核实 ${check.warnings} 项`;
}

/**
 * The intake queue (custodian): records registered and not yet received, in the order record.intake answers them
 * (oldest hand-over due date first, so the late lead), each with its case number.
 */
export function intakeRows(
  items: ReadonlyArray<CaseRecordView & { caseNo: string }>,
  today = shanghaiToday(),
): Array<RecordRow & { caseNo: string }> {
  return items.filter((r) => !r.receivedAt).map((r) => ({ ...recordRow(r, today), caseNo: r.caseNo }));
}
