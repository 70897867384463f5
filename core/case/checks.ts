/**
 * The automatic checks of a case's records (REC-4, REC-6, REC-7, REC-8, REC-9, REC-16): what the
 * recording rules (the seed's 《重庆市万州区卫生健康行政执法全过程记录制度》, cited as 全过程记录制度, Art. 11, 13, 15–18) and the laws around them
 * (行政处罚法第四十四条、第四十五条、第六十二条; 行政强制法第十八条、第十九条) require, checked against the case's stages and
 * records. Each finding cites its article and is either a failure (the rule says 应当 without condition) or a
 * warning (Art. 11's "根据实际情况" list, or something a person has to judge). `CHECKS` is the one list of checks:
 * findings and docs/case-checks.md both come from it. Pure: no I/O, no clock (`now` is passed in).
 *
 * How the rules were read (the lead should know):
 * - An interruption (an entry in a recording, or a gap between the files of a recording that must run throughout)
 *   without a spoken or written explanation fails (全过程记录制度第十一条第二款). One with an explanation is allowed by
 *   Art. 11 ¶2 ("因客观原因无法全程不间断录音录像的…") and Art. 13 (secrets, privacy, force majeure, with a work record
 *   approved by the head): in a recording that must be continuous it is a warning for a person to judge the reason,
 *   not a failure.
 * - Document times are compared with the recordings to the minute (documents are written to the minute): a time
 *   up to one minute outside a recording still counts as inside.
 * - Only the times a document records for the act (start, end of the inspection or questioning) belong in
 *   `docTimes`; deadlines written in a document (a correction deadline) do not.
 */
import { formatShanghaiMinute, toShanghaiDate } from '../calendar/civilDate';
import {
  CASE_STAGE_LABELS,
  CASE_STAGES,
  DOCUMENT_TYPES,
  FILMED_SERVICE_DOCS,
  SERVICE_METHODS,
  type CaseKind,
  type DocumentType,
  type ServiceMethod,
} from './stages';

// The kinds, stages, document types and AV act codes are the case register's (core/case/stages.ts): one list each.
export type { CaseKind, CaseStage, ServiceMethod } from './stages';
export { CASE_STAGES, CASE_STAGE_LABELS, FILMED_SERVICE_DOCS } from './stages';
/** The document types under the checks' names (the list is core/case/stages.ts `DOCUMENT_TYPES`). */
export const DOC_TYPES = DOCUMENT_TYPES;
export type DocType = DocumentType;

export interface CheckRecord {
  id: string;
  type: 'document' | 'av' | 'data';
  docType?: string;
  /** ISO times written in the document for the act it records (not deadlines written in it). */
  docTimes?: string[];
  signed?: boolean;
  blankItems?: string[];
  avStart?: string;
  avEnd?: string;
  interruptions?: { at: string; explanation?: string }[];
  /** What the recording covers: a code of core/case/stages.ts `AV_ACTS` ('service:<docType>' for a service). */
  act?: string;
  /** How and when a document was served (全过程记录制度第十一条第一款、第十六条第（四）项 depend on the method). */
  service?: { at: string; method: ServiceMethod };
}
export interface CheckStage {
  stage: string;
  actedAt: string;
  recordedAt: string;
}
export interface CaseCheckInput {
  kind: CaseKind;
  stages: CheckStage[];
  records: CheckRecord[];
  decision?: {
    date: string;
    priorNoticeServedAt?: string;
    statementPeriodEndsAt?: string;
    partyStated?: boolean;
    waiverInWriting?: boolean;
  };
  coercion?: { approvedAt?: string; emergency?: boolean; measureAt?: string };
  /**
   * A hearing was held (行政处罚法第六十四条): shown by a `hearing` excluded period of the decision clock
   * (core/case/limits.ts) or a 听证笔录 among the records; the workflow has no stage of its own for it.
   */
  hearingHeld?: boolean;
  /** Added: the case's on-site acts directly touch life, health or major property (全过程记录制度第十一条第一款). */
  lifeHealth?: boolean;
  /** Added: the time of the check (an emergency measure's approval may still be within its 24 hours). */
  now?: string;
}
export interface Finding {
  code: string;
  level: 'failure' | 'warning';
  article: string;
  message: string;
  recordId?: string;
}

export interface CheckDef {
  level: 'failure' | 'warning';
  article: string;
  /** What the check requires, as the docs and the dashboard legend say it. */
  description: string;
}

export const CHECKS = {
  avLifeHealth: {
    level: 'failure',
    article: '全过程记录制度第十一条第一款',
    description: '直接涉及生命健康、重大财产权益的现场执法活动应当全过程音像记录',
  },
  avInspection: {
    level: 'failure',
    article: '全过程记录制度第十五条第（二）项',
    description: '现场检查应自到达检查地点（拍摄门头）至检查完毕离开，全程不间断录音录像',
  },
  avInterruptionUnexplained: {
    level: 'failure',
    article: '全过程记录制度第十一条第二款',
    description: '音像记录中断的，应当语音说明中断原因，无法及时语音说明的应当事后书面说明',
  },
  avInterruptionExplained: {
    level: 'warning',
    article: '全过程记录制度第十一条第二款、第十三条',
    description:
      '应当全程记录的音像记录有已说明的中断，请核实中断属客观原因（保密、隐私或不可抗力的，应有经主要负责人审核的工作记录）',
  },
  avTimesMissing: {
    level: 'failure',
    article: '全过程记录制度第十八条',
    description: '音像记录应当登记起止时间，且结束时间不早于开始时间',
  },
  avQuestioning: {
    level: 'failure',
    article: '全过程记录制度第十六条第（二）项',
    description: '行政处罚案件的询问应当全程录音录像',
  },
  avHearing: {
    level: 'failure',
    article: '全过程记录制度第十六条第（二）项',
    description: '行政处罚案件的听证应当全程录音录像',
  },
  avDeliberation: {
    level: 'failure',
    article: '全过程记录制度第十六条第（二）项',
    description: '行政处罚案件的合议应当全程录音录像',
  },
  avService: {
    level: 'failure',
    article: '全过程记录制度第十六条第（四）项',
    description:
      '直接送达或留置送达事先告知书、处罚决定书、催告书、听证通知书时，应当使用执法记录仪等设备录像',
  },
  avServiceOther: {
    level: 'warning',
    article: '全过程记录制度第十一条第一款',
    description: '留置送达、公告送达宜根据实际情况进行音像记录',
  },
  avCoercion: {
    level: 'failure',
    article: '全过程记录制度第十七条第（二）项',
    description: '实施行政强制措施应当全过程音像记录',
  },
  avOnSite: {
    level: 'warning',
    article: '全过程记录制度第十一条第一款',
    description: '现场执法、调查取证、证据保存宜根据实际情况进行音像记录',
  },
  docTimeOutsideAv: {
    level: 'failure',
    article: '全过程记录制度第十五条第（四）项',
    description: '检查文书记载的时间应当与录音录像反映的起止时间一致',
  },
  docTimeMismatchAv: {
    level: 'failure',
    article: '全过程记录制度第十八条第二款',
    description: '笔录、记录记载的时间应当与相应的音像记录一致',
  },
  docTimesMissing: {
    level: 'warning',
    article: '全过程记录制度第十五条第（四）项',
    description: '文书未登记其记载的时间，无法与音像记录核对',
  },
  docUnsigned: {
    level: 'failure',
    article: '全过程记录制度第十五条第（四）项',
    description: '执法文书应当有相关责任人、责任单位和有关人员签字或盖章',
  },
  docSignatureUnknown: {
    level: 'warning',
    article: '全过程记录制度第十五条第（四）项',
    description: '文书未登记是否已签字或盖章',
  },
  docBlankItems: {
    level: 'failure',
    article: '全过程记录制度第十五条第（四）项',
    description: '执法文书不得缺项漏项',
  },
  coercionApproval: {
    level: 'failure',
    article: '全过程记录制度第十七条第（四）项',
    description:
      '行政强制措施应当事先经批准并形成文字记录；情况紧急当场实施的，应当在24小时内补办批准（行政强制法第十九条）',
  },
  coercionApprovalPending: {
    level: 'warning',
    article: '行政强制法第十九条',
    description: '情况紧急当场实施的行政强制措施，尚在24小时补办批准期限内',
  },
  priorNoticeMissing: {
    level: 'failure',
    article: '行政处罚法第六十二条',
    description: '作出行政处罚决定前应当向当事人送达事先告知书',
  },
  decisionBeforeStatementEnd: {
    level: 'failure',
    article: '行政处罚法第六十二条',
    description: '陈述申辩期限届满前不得作出处罚决定，当事人已陈述申辩或书面放弃的除外',
  },
  statementPeriodUnknown: {
    level: 'warning',
    article: '行政处罚法第四十四条、第四十五条',
    description: '未登记事先告知书给予的陈述申辩期限，无法核对决定是否过早',
  },
  stageOrder: {
    level: 'warning',
    article: '行政处罚法第四十七条',
    description: '各环节的发生时间与法定顺序不符，请核对',
  },
  stageRecordedBeforeActed: {
    level: 'warning',
    article: '行政处罚法第四十七条',
    description: '环节的登记时间早于其发生时间，请核对',
  },
} as const satisfies Record<string, CheckDef>;
export type CheckCode = keyof typeof CHECKS;

/** Documents are written to the minute: a time within one minute of a recording counts as inside it. */
export const TIME_TOLERANCE_MS = 60_000;

/** Documents recording an act that must be filmed in a penalty case (全过程记录制度第十六条第（二）项), by that act. */
const RECORDED_ACT_DOCS: Readonly<Record<string, { act: string; code: CheckCode }>> = {
  inquiryRecord: { act: 'questioning', code: 'avQuestioning' },
  hearingRecord: { act: 'hearing', code: 'avHearing' },
  deliberationRecord: { act: 'deliberation', code: 'avDeliberation' },
};
/** Documents of a coercive measure (全过程记录制度第十七条第（一）项). */
export const COERCION_DOCS: readonly DocType[] = [
  'sealSeizeDecision',
  'evidenceHoldDecision',
  'controlDecision',
];
/** On-site evidence documents whose filming Art. 11 leaves to the circumstances in a penalty case. */
const ON_SITE_DOCS: readonly string[] = ['siteRecord', 'samplingRecord'];
/** Recordings that must run without interruption. */
const CONTINUOUS_ACTS = [
  'arrival-departure',
  'lifeHealth',
  'coercion',
  'questioning',
  'hearing',
  'deliberation',
];

const ACT_LABELS: Readonly<Record<string, string>> = {
  'arrival-departure': '现场检查',
  lifeHealth: '涉及生命健康、重大财产权益的现场执法',
  coercion: '行政强制措施',
  questioning: '询问',
  hearing: '听证',
  deliberation: '合议',
};

interface Span {
  start: number;
  end: number;
}

/** An ISO instant; a date-time without `Z` or an offset is read as Asia/Shanghai time, never the machine's zone. */
function instant(iso: string | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}+08:00` : iso);
  return Number.isNaN(t) ? null : t;
}
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
/** The Shanghai date of a date or an instant, or null when it is neither. */
function dayOf(s: string | undefined): string | null {
  if (!s) return null;
  if (isDateOnly(s)) return s;
  const t = instant(s);
  return t === null ? null : toShanghaiDate(new Date(t));
}
const minute = (t: number) => formatShanghaiMinute(new Date(t));
const docName = (r: CheckRecord) =>
  `《${(DOC_TYPES as Record<string, string>)[r.docType ?? ''] ?? r.docType ?? '文书'}》`;

function spanOf(r: CheckRecord): Span | null {
  const start = instant(r.avStart);
  const end = instant(r.avEnd);
  return start !== null && end !== null && end >= start ? { start, end } : null;
}

/** Whether `time` (an instant, or a date: any recording on that Shanghai day) lies within one of `spans`. */
function covered(spans: readonly Span[], time: string): boolean {
  if (isDateOnly(time)) {
    return spans.some(
      (s) => dayOf(new Date(s.start).toISOString())! <= time && time <= dayOf(new Date(s.end).toISOString())!,
    );
  }
  const t = instant(time);
  return t !== null && spans.some((s) => s.start - TIME_TOLERANCE_MS <= t && t <= s.end + TIME_TOLERANCE_MS);
}

/** The parts of [from, to] no span covers (longer than the tolerance). */
function gaps(spans: readonly Span[], from: number, to: number): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = from;
  for (const s of sorted) {
    if (s.start >= to) break;
    if (s.start - at > TIME_TOLERANCE_MS) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
    if (at >= to) break;
  }
  if (to - at > TIME_TOLERANCE_MS) out.push({ start: at, end: to });
  return out;
}

const hasExplanation = (i: { explanation?: string }) => !!i.explanation && i.explanation.trim() !== '';

/** Findings of one case, failures and warnings, each citing its article. */
export function checkCase(input: CaseCheckInput): Finding[] {
  const findings: Finding[] = [];
  const add = (code: CheckCode, message: string, recordId?: string) => {
    const def: CheckDef = CHECKS[code];
    findings.push({
      code,
      level: def.level,
      article: def.article,
      message,
      ...(recordId ? { recordId } : {}),
    });
  };
  const docs = input.records.filter((r) => r.type === 'document');
  const avs = input.records.filter((r) => r.type === 'av');
  const spansFor = (pred: (act: string) => boolean) =>
    avs.filter((r) => pred(r.act ?? '')).flatMap((r) => spanOf(r) ?? []);
  const allSpans = avs.flatMap((r) => spanOf(r) ?? []);

  // REC-9: a recording without its start and end cannot be matched to anything (全过程记录制度第十八条).
  for (const r of avs) {
    if (!spanOf(r)) add('avTimesMissing', '音像记录未登记起止时间，或结束时间早于开始时间', r.id);
  }

  // Interruptions inside recordings (全过程记录制度第十一条第二款, 第十三条).
  for (const r of avs) {
    for (const i of r.interruptions ?? []) {
      const when = instant(i.at);
      const at = when === null ? '' : `（${minute(when)}）`;
      if (!hasExplanation(i)) add('avInterruptionUnexplained', `音像记录中断${at}未作语音或书面说明`, r.id);
      else if (CONTINUOUS_ACTS.includes(r.act ?? '')) {
        add(
          'avInterruptionExplained',
          `${ACT_LABELS[r.act!]}的音像记录中断${at}，已说明原因，请核实是否属客观原因`,
          r.id,
        );
      }
    }
  }

  // Life, health or major property: whole-process recording (全过程记录制度第十一条第一款).
  if (input.lifeHealth || input.records.some((r) => r.type !== 'av' && r.act === 'lifeHealth')) {
    const acts = input.kind === 'inspection' ? ['lifeHealth', 'arrival-departure'] : ['lifeHealth'];
    if (input.kind === 'coercion') acts.push('coercion');
    if (spansFor((a) => acts.includes(a)).length === 0) {
      add('avLifeHealth', '本案现场执法直接涉及生命健康或重大财产权益，但没有全过程音像记录');
    }
  }

  if (input.kind === 'inspection') checkInspection(input, docs, avs, allSpans, add);
  else {
    // Records of acts that must be filmed, and their times against the recordings (全过程记录制度第十六条第（二）项, 第十八条第二款).
    for (const d of docs) {
      const rule = input.kind === 'penalty' ? RECORDED_ACT_DOCS[d.docType ?? ''] : undefined;
      const act =
        rule?.act ?? (input.kind === 'coercion' && d.docType === 'siteRecord' ? 'coercion' : undefined);
      if (!act) continue;
      const spans = spansFor((a) => a === act);
      if (spans.length === 0) {
        if (rule) add(rule.code, `${docName(d)}对应的${ACT_LABELS[act]}没有录音录像`, d.id);
        continue;
      }
      if (!d.docTimes?.length)
        add('docTimesMissing', `${docName(d)}未登记记载的时间，无法与录音录像核对`, d.id);
      for (const t of d.docTimes ?? []) {
        if (!covered(spans, t)) {
          add('docTimeMismatchAv', `${docName(d)}记载的时间不在${ACT_LABELS[act]}录音录像的起止时间内`, d.id);
          break;
        }
      }
    }
    // A hearing held shows in a hearing period (the decision clock paused for it), not in a stage of its own.
    if (input.kind === 'penalty' && input.hearingHeld && spansFor((a) => a === 'hearing').length === 0) {
      if (!docs.some((d) => d.docType === 'hearingRecord'))
        add('avHearing', '本案举行了听证，但没有听证的录音录像');
    }
    // On-site evidence in a penalty case: Art. 11's "根据实际情况" list.
    if (input.kind === 'penalty') {
      for (const d of docs.filter((x) => ON_SITE_DOCS.includes(x.docType ?? ''))) {
        const times = d.docTimes ?? [];
        if (allSpans.length === 0 || (times.length > 0 && !times.every((t) => covered(allSpans, t)))) {
          add('avOnSite', `${docName(d)}记录的现场执法或调查取证没有相应的音像记录`, d.id);
        }
      }
    }
  }

  checkCoercion(
    input,
    docs,
    spansFor((a) => a === 'coercion'),
    add,
  );
  checkService(docs, avs, add);
  checkDocuments(docs, add);
  if (input.kind === 'penalty') checkDecision(input, add);
  checkStages(input, add);
  return findings;
}

type Add = (code: CheckCode, message: string, recordId?: string) => void;

/** 全过程记录制度第十五条第（二）项、第（四）项: from arrival to departure on AV, document times inside the recordings. */
function checkInspection(
  input: CaseCheckInput,
  docs: readonly CheckRecord[],
  avs: readonly CheckRecord[],
  allSpans: readonly Span[],
  add: Add,
): void {
  const onSite = avs.filter((r) => r.act === 'arrival-departure');
  const spans = onSite.flatMap((r) => spanOf(r) ?? []);
  if (spans.length === 0) {
    add('avInspection', '现场检查没有自到达至离开的录音录像');
  } else {
    const arrival = instant(input.stages.find((s) => s.stage === 'arrival')?.actedAt);
    const departure = instant(input.stages.find((s) => s.stage === 'departure')?.actedAt);
    if (arrival !== null && departure !== null && departure > arrival) {
      const entries = onSite.flatMap((r) => r.interruptions ?? []);
      for (const g of gaps(spans, arrival, departure)) {
        const what =
          g.start === arrival && g.end === departure
            ? '录音录像未覆盖到达至离开的时间'
            : g.start === arrival
              ? `录音录像晚于到达时间开始（${minute(g.end)}）`
              : g.end === departure
                ? `录音录像早于离开时间结束（${minute(g.start)}）`
                : `录音录像在${minute(g.start)}至${minute(g.end)}之间中断`;
        const entered = entries.some((i) => {
          const t = instant(i.at);
          return t !== null && g.start - TIME_TOLERANCE_MS <= t && t <= g.end + TIME_TOLERANCE_MS;
        });
        // A gap with an interruption entry is already reported with that entry (in checkCase): a warning when it
        // is explained, a failure when it is not.
        if (!entered) add('avInspection', `现场检查${what}，且未说明原因`);
      }
    }
  }
  for (const d of docs) {
    if (!d.docTimes?.length) {
      add('docTimesMissing', `${docName(d)}未登记记载的时间，无法与录音录像核对`, d.id);
      continue;
    }
    const outside = d.docTimes.filter((t) => !covered(allSpans, t));
    if (outside.length > 0) add('docTimeOutsideAv', `${docName(d)}记载的时间不在录音录像的起止时间内`, d.id);
  }
}

/** 全过程记录制度第十七条第（二）项、第（四）项; 行政强制法第十八条、第十九条. */
function checkCoercion(
  input: CaseCheckInput,
  docs: readonly CheckRecord[],
  spans: readonly Span[],
  add: Add,
): void {
  const measureDocs = docs.filter((d) => COERCION_DOCS.includes(d.docType as DocType));
  const c = input.coercion;
  if (input.kind !== 'coercion' && measureDocs.length === 0 && !c) return;
  const measureAt = c?.measureAt ?? input.stages.find((s) => s.stage === 'measure')?.actedAt;
  if (spans.length === 0) {
    add('avCoercion', '实施行政强制措施没有全过程录音录像');
  } else if (measureAt && !covered(spans, measureAt)) {
    add('avCoercion', '行政强制措施的实施时间不在其录音录像的起止时间内');
  }
  if (input.kind !== 'coercion' && !c) return;
  const approved = instant(c?.approvedAt);
  const measured = instant(measureAt);
  const DAY = 24 * 3600 * 1000;
  if (approved === null) {
    const now = instant(input.now);
    if (c?.emergency && measured !== null && now !== null && now <= measured + DAY) {
      add('coercionApprovalPending', `紧急实施的行政强制措施应在${minute(measured + DAY)}前补办批准`);
    } else {
      add(
        'coercionApproval',
        c?.emergency ? '紧急实施的行政强制措施未在24小时内补办批准' : '行政强制措施没有审批记录',
      );
    }
  } else if (measured !== null && approved > measured + TIME_TOLERANCE_MS) {
    if (!c?.emergency) add('coercionApproval', '行政强制措施在批准前实施，且未登记为情况紧急');
    else if (approved > measured + DAY) add('coercionApproval', '紧急实施的行政强制措施超过24小时才补办批准');
  }
}

/** 全过程记录制度第十六条第（四）项 (the four documents served in person) and 第十一条第一款 (leaving, announcement). */
function checkService(docs: readonly CheckRecord[], avs: readonly CheckRecord[], add: Add): void {
  for (const d of docs) {
    if (!d.service) continue;
    const { method, at } = d.service;
    const filmed = (FILMED_SERVICE_DOCS as readonly string[]).includes(d.docType ?? '');
    const inPerson = method === 'direct' || method === 'leaving';
    const required = filmed && inPerson;
    if (!required && method !== 'leaving' && method !== 'announcement') continue;
    const spans = avs.filter((r) => r.act === `service:${d.docType}`).flatMap((r) => spanOf(r) ?? []);
    if (spans.length > 0 && covered(spans, at)) continue;
    const how = SERVICE_METHODS[method];
    const what = spans.length === 0 ? '没有录像' : '送达时间不在录像的起止时间内';
    add(required ? 'avService' : 'avServiceOther', `${how}${docName(d)}${what}`, d.id);
  }
}

/** 全过程记录制度第十五条第（四）项: signed or sealed, nothing left blank. */
function checkDocuments(docs: readonly CheckRecord[], add: Add): void {
  for (const d of docs) {
    if (d.signed === false) add('docUnsigned', `${docName(d)}缺少签字或盖章`, d.id);
    else if (d.signed === undefined) add('docSignatureUnknown', `${docName(d)}未登记是否已签字或盖章`, d.id);
    const blank = (d.blankItems ?? []).filter((b) => b.trim() !== '');
    if (blank.length > 0) add('docBlankItems', `${docName(d)}有未填写的项目：${blank.join('、')}`, d.id);
  }
}

/** 行政处罚法第四十四条、第四十五条、第六十二条: no decision without the prior notice and the party's time to answer. */
function checkDecision(input: CaseCheckInput, add: Add): void {
  const d = input.decision;
  if (!d) return;
  const decided = dayOf(d.date);
  const served = dayOf(d.priorNoticeServedAt);
  if (!served) {
    add('priorNoticeMissing', '作出处罚决定前没有向当事人送达行政处罚事先告知书');
    return;
  }
  if (decided && served > decided) {
    add('priorNoticeMissing', '行政处罚事先告知书的送达日期晚于处罚决定日期');
    return;
  }
  const ends = dayOf(d.statementPeriodEndsAt);
  if (!ends) {
    if (!d.partyStated && !d.waiverInWriting) add('statementPeriodUnknown', '未登记陈述申辩期限的届满日期');
    return;
  }
  if (decided && decided <= ends && !d.partyStated && !d.waiverInWriting) {
    add(
      'decisionBeforeStatementEnd',
      `处罚决定在陈述申辩期限届满（${ends}）前作出，当事人未陈述申辩也未书面放弃`,
    );
  }
}

/** 行政处罚法第四十七条: the stages happened in order and were not recorded before they happened. */
function checkStages(input: CaseCheckInput, add: Add): void {
  const label = (stage: string) => (CASE_STAGE_LABELS as Readonly<Record<string, string>>)[stage] ?? stage;
  // In an emergency the measure comes first and the approval follows (行政强制法第十九条).
  const order = (CASE_STAGES[input.kind] as readonly string[]).filter(
    (s) => !(input.coercion?.emergency && s === 'approval'),
  );
  let last: { stage: string; at: number } | null = null;
  for (const name of order) {
    const s = input.stages.find((x) => x.stage === name);
    const at = instant(s?.actedAt);
    if (!s || at === null) continue;
    if (last && at + TIME_TOLERANCE_MS < last.at) {
      add('stageOrder', `“${label(name)}”的时间早于“${label(last.stage)}”`);
    }
    if (!last || at > last.at) last = { stage: name, at };
  }
  for (const s of input.stages) {
    const acted = instant(s.actedAt);
    const recorded = instant(s.recordedAt);
    if (acted !== null && recorded !== null && recorded + TIME_TOLERANCE_MS < acted) {
      add('stageRecordedBeforeActed', `“${label(s.stage)}”的登记时间早于其发生时间`);
    }
  }
}
