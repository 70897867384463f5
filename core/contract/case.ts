/**
 * The case register's actions (REC-1..10; docs/cases.md): `staff` case.open / get / list / advance / check,
 * record.register / receive / explainLate / approveLate, party.find. zod/mini, so the pages can check their forms
 * with the same rules and Chinese messages the function answers with.
 */
import * as z from 'zod/mini';
import { EXCLUDED_PERIOD_LABELS, EXCLUDED_PERIODS } from '../case/limits';
import { CASE_ROLES } from '../case/roles';
import type { Finding } from '../case/checks';
import {
  ALL_CASE_STAGES,
  AV_ACT_CODES,
  CASE_KINDS,
  DECISION_STAGES,
  DECISION_TYPE_LABELS,
  DECISION_TYPES,
  STATEMENT_STAGE,
  DOCUMENT_TYPE_CODES,
  PARTY_KINDS,
  SERVICE_METHOD_CODES,
  type CaseKind,
  type CaseStage,
  type PartyKind,
} from '../case/stages';
import {
  PARTY_ID_KINDS as PARTY_ID_KINDS_ALL,
  PARTY_ID_LABELS,
  validatePartyId,
  type PartyIdKind,
} from '../party/ids';
import { certNoSchema } from './officer';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { withLabels } from './labels';
import type { ManifestError } from '../case/manifest-rows';

/** The identifier kinds and their names are the party register's (core/party/ids.ts). */
const PARTY_ID_KINDS = PARTY_ID_KINDS_ALL as [PartyIdKind, ...PartyIdKind[]];
export { PARTY_ID_LABELS as PARTY_ID_KIND_LABELS };

const text = (min: number, max: number, label: string) =>
  z.string().check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );
const iso = (label: string) => z.iso.datetime({ offset: true, error: `${label}格式不正确` });
const isoDate = (label: string) => z.iso.date(`${label}格式应为 YYYY-MM-DD`);
const sha256 = z.string().check(
  z.overwrite((v) => v.trim().toLowerCase()),
  z.regex(/^[0-9a-f]{64}$/, '哈希值应为 64 位十六进制（SHA-256）'),
);

export const CASE_ID_PATTERN = /^case_[0-9a-f]{24}$/;
export const RECORD_ID_PATTERN = /^rec_[0-9a-f]{24}$/;
export const PARTY_ID_PATTERN = /^pty_[0-9a-f]{24}$/;
const caseId = z.string().check(z.regex(CASE_ID_PATTERN, '案件编号不正确'));
const recordId = z.string().check(z.regex(RECORD_ID_PATTERN, '执法记录编号不正确'));
const partyId = z.string().check(z.regex(PARTY_ID_PATTERN, '当事人编号不正确'));
const cursor = z.optional(z.string().check(z.maxLength(200)));
const pageSize = z.optional(z.int().check(z.minimum(1), z.maximum(50)));

/**
 * An identifier checked by its kind's rule (check characters; core/party/ids.ts), its own message on `idNo` (the
 * messages name what is wrong, never the number sent).
 */
const idMatchesKind = z.superRefine<{ idKind: PartyIdKind; idNo?: string }>((v, ctx) => {
  if (v.idKind === 'none') return;
  if (v.idNo === undefined || v.idNo.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['idNo'], message: '请填写证件号码' });
    return;
  }
  const checked = validatePartyId(v.idKind, v.idNo);
  if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['idNo'], message: checked.message });
});

/**
 * Which identifiers each kind of party uses (双公示 data standard): an organisation its unified social credit
 * code; a natural person an identity document; an individual business its code or, lacking one, the operator's
 * identity document; an unregistered operator none.
 */
export const PARTY_ID_KINDS_OF: Record<PartyKind, readonly PartyIdKind[]> = {
  organisation: ['uscc', 'regNo'],
  person: ['resident', 'passport', 'hkmo', 'tw', 'hmtResidence', 'foreignPR'],
  individualBusiness: ['uscc', 'regNo', 'resident', 'passport', 'hkmo', 'tw', 'hmtResidence', 'foreignPR'],
  unregistered: ['none'],
};

export const partyInputSchema = z
  .strictObject({
    kind: z.enum(PARTY_KINDS, '请选择当事人类型'),
    name: text(2, 100, '当事人名称'),
    idKind: z.enum(PARTY_ID_KINDS, '请选择证件类型'),
    idNo: z.optional(z.string().check(z.maxLength(40, '证件号码过长'))),
    legalRepresentative: z.optional(text(2, 40, '法定代表人（负责人）')),
    address: z.optional(text(2, 200, '住所（地址）')),
  })
  .check(
    idMatchesKind,
    z.refine((v) => PARTY_ID_KINDS_OF[v.kind].includes(v.idKind), {
      message: '证件类型与当事人类型不符：单位用统一社会信用代码，自然人用身份证件，无照经营者不填证件',
      path: ['idKind'],
    }),
  );
export type PartyInput = z.infer<typeof partyInputSchema>;

const CASE_LABELS = {
  id: '案件编号',
  caseNo: '案号',
  cause: '案由',
  officers: '执法人员',
  party: '当事人',
  partyId: '当事人编号',
  'party.name': '当事人名称',
  'party.kind': '当事人类型',
  idKind: '证件类型',
  idNo: '证件号码',
  legalRepresentative: '法定代表人（负责人）',
  address: '住所（地址）',
  openedAt: '立案（开始）时间',
  complaintId: '举报记录编号',
  emergency: '是否紧急情况',
  stage: '环节',
  actedAt: '办理时间',
} as const;

export const caseOpenInput = withLabels(
  z
    .strictObject({
      kind: z.enum(CASE_KINDS, '请选择案件类型'),
      caseNo: text(4, 60, '案号'),
      cause: text(2, 200, '案由'),
      sectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      openedAt: z.optional(iso('立案（开始）时间')),
      officers: z
        .array(certNoSchema)
        .check(z.minLength(2, '至少须有两名执法人员'), z.maxLength(6, '执法人员最多 6 名')),
      party: z.optional(partyInputSchema),
      partyId: z.optional(partyId),
      complaintId: z.optional(z.string().check(z.regex(/^cmp_[0-9a-f]{24}$/, '举报记录编号不正确'))),
      emergency: z.optional(z.boolean()),
    })
    .check(
      z.refine((v) => (v.party === undefined) !== (v.partyId === undefined), {
        message: '请填写当事人，或选择已登记的当事人',
        path: ['party'],
      }),
      z.refine((v) => new Set(v.officers).size === v.officers.length, {
        message: '执法人员不能重复',
        path: ['officers'],
      }),
      z.refine((v) => !v.emergency || v.kind === 'coercion', {
        message: '只有行政强制措施可以按紧急情况先行实施',
        path: ['emergency'],
      }),
    ),
  CASE_LABELS,
);
export type CaseOpenInput = z.infer<typeof caseOpenInput>;

export const caseIdInput = withLabels(z.strictObject({ id: caseId }), CASE_LABELS);
export type CaseIdInput = z.infer<typeof caseIdInput>;

export const caseListInput = withLabels(
  z.strictObject({
    mine: z.optional(z.boolean()),
    unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    stage: z.optional(z.enum(ALL_CASE_STAGES as [CaseStage, ...CaseStage[]], '环节不正确')),
    cursor,
    pageSize,
  }),
  { stage: '环节' },
);
export type CaseListInput = z.infer<typeof caseListInput>;

/** Decision types: the one list is the register's (core/case/stages.ts). */
export { DECISION_TYPES, DECISION_TYPE_LABELS };
const yuan = (label: string) =>
  z.optional(z.number().check(z.gte(0, `${label}不能为负数`), z.lte(1e10, `${label}过大`)));

export const decisionSchema = z.strictObject({
  docNo: text(4, 60, '决定书文号'),
  date: isoDate('决定日期'),
  type: z.enum(DECISION_TYPES, '请选择决定类型'),
  conclusion: text(2, 1000, '决定内容'),
  amounts: z.optional(z.strictObject({ fine: yuan('罚款金额'), confiscated: yuan('没收违法所得金额') })),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/** The stages that record the decision document, and the one that records the statement period (core/case/stages.ts). */
export { DECISION_STAGES, STATEMENT_STAGE };

export const caseAdvanceInput = withLabels(
  z
    .strictObject({
      id: caseId,
      stage: z.enum(ALL_CASE_STAGES as [CaseStage, ...CaseStage[]], '请选择要进入的环节'),
      actedAt: z.optional(iso('办理时间')),
      note: z.optional(text(2, 500, '说明')),
      decision: z.optional(decisionSchema),
      /** At the statement stage: when the period ends, whether the party stated its case or waived in writing. */
      statement: z.optional(
        z.strictObject({
          periodEndsAt: iso('陈述申辩期限届满时间'),
          partyStated: z.optional(z.boolean()),
          waiverInWriting: z.optional(z.boolean()),
        }),
      ),
    })
    .check(
      z.refine((v) => DECISION_STAGES.includes(v.stage) === !!v.decision, {
        message: '作出决定时须填写决定书信息（其他环节不填）',
        path: ['decision'],
      }),
    ),
  {
    ...CASE_LABELS,
    decision: '决定',
    docNo: '决定书文号',
    'decision.date': '决定日期',
    'decision.type': '决定类型',
    conclusion: '决定内容',
    amounts: '金额',
    fine: '罚款金额',
    confiscated: '没收违法所得金额',
    statement: '陈述申辩',
    periodEndsAt: '陈述申辩期限届满时间',
    partyStated: '当事人是否已陈述申辩',
    waiverInWriting: '当事人是否书面放弃',
  },
);
export type CaseAdvanceInput = z.infer<typeof caseAdvanceInput>;

/**
 * `case.clock`: a legal time limit paused for an excluded period and resumed (hearing, testing or appraisal,
 * announcement), extended by the unit head's approval (a coercive measure's once, by at most 30 days: 行政强制法
 * Art. 25), or the evidence hold started and decided (行政处罚法 Art. 56).
 */
export const CLOCK_OPS = ['pause', 'resume', 'extend', 'holdEvidence', 'decideHeldEvidence'] as const;
/** Why a clock is paused: the periods the law leaves out (core/case/limits.ts, the one list). */
export { EXCLUDED_PERIODS as PAUSE_REASONS, EXCLUDED_PERIOD_LABELS as PAUSE_REASON_LABELS };
export const caseClockInput = withLabels(
  z
    .strictObject({
      id: caseId,
      op: z.enum(CLOCK_OPS, '请选择对期限的操作'),
      clock: z.optional(z.enum(['decision', 'coercion'], '请选择期限')),
      pauseReason: z.optional(z.enum(EXCLUDED_PERIODS, '请选择中止的原因')),
      days: z.optional(
        z.int('延长天数应为整数').check(z.minimum(1, '延长至少 1 日'), z.maximum(30, '延长最多 30 日')),
      ),
      reason: text(2, 300, '理由'),
      actedAt: z.optional(iso('办理时间')),
    })
    .check(
      z.refine((v) => !['pause', 'resume', 'extend'].includes(v.op) || !!v.clock, {
        message: '请选择期限',
        path: ['clock'],
      }),
      z.refine((v) => (v.op === 'pause') === !!v.pauseReason, {
        message: '中止期限时须选择原因（其他操作不填）',
        path: ['pauseReason'],
      }),
      z.refine((v) => (v.op === 'extend') === !!v.days, {
        message: '延长期限时须填写延长天数（其他操作不填）',
        path: ['days'],
      }),
    ),
  {
    ...CASE_LABELS,
    op: '对期限的操作',
    clock: '期限',
    pauseReason: '中止的原因',
    days: '延长天数',
    reason: '理由',
  },
);
export type CaseClockInput = z.infer<typeof caseClockInput>;

export const RECORD_TYPES = ['document', 'av', 'data'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  document: '文书',
  av: '音像记录',
  data: '电子数据',
};

/** Why AV may be stopped (细则第十三条): state, work or commercial secrets, privacy, force majeure. */
export const STOP_REASONS = ['secret', 'privacy', 'forceMajeure'] as const;
export const STOP_REASON_LABELS: Record<(typeof STOP_REASONS)[number], string> = {
  secret: '涉及国家秘密、工作秘密或商业秘密',
  privacy: '涉及个人隐私',
  forceMajeure: '不可抗力',
};

const interruption = z.strictObject({
  at: iso('中断时间'),
  explanation: z.optional(text(2, 500, '中断说明')),
  /** How it was explained: spoken on the recording, or in writing (REC-4). */
  how: z.optional(z.enum(['spoken', 'written'], '请选择说明方式')),
  /** Stopped on purpose (REC-5): a work record with the reason, approved by the unit head, goes with the case. */
  stopReason: z.optional(z.enum(STOP_REASONS, '请选择停止录制的原因')),
});

export const recordRegisterInput = withLabels(
  z
    .strictObject({
      caseId,
      type: z.enum(RECORD_TYPES, '请选择记录类型'),
      title: text(2, 100, '记录名称'),
      /** When the on-site work this record comes from ended: the 2 working days of hand-over run from it. */
      workEndedAt: iso('现场工作结束时间'),
      /** A file the officer uploaded into their quarantine path (documents, photos): hashed as it is stored. */
      fileID: z.optional(
        z.string().check(z.minLength(8, '文件标识不正确'), z.maxLength(512, '文件标识不正确')),
      ),
      /** For AV kept on the recorder platform and electronic data: the hash computed where the file is. */
      sha256: z.optional(sha256),
      document: z.optional(
        z.strictObject({
          docType: z.enum(DOCUMENT_TYPE_CODES, '请选择文书种类'),
          docNo: z.optional(text(2, 60, '文书编号')),
          docTimes: z.array(iso('文书记载的时间')).check(z.maxLength(20, '文书记载的时间最多 20 个')),
          signed: z.boolean(),
          blankItems: z.optional(z.array(text(1, 40, '空白项')).check(z.maxLength(50))),
          /** How and when it was served on the party: the checks look for the filming it needs (REC-8). */
          service: z.optional(
            z.strictObject({
              at: iso('送达时间'),
              method: z.enum(SERVICE_METHOD_CODES, '请选择送达方式'),
            }),
          ),
        }),
      ),
      av: z.optional(
        z.strictObject({
          device: text(2, 60, '执法记录仪编号'),
          act: z.enum(AV_ACT_CODES, '请选择录制的执法活动'),
          start: iso('录制开始时间'),
          end: iso('录制结束时间'),
          place: text(2, 200, '录制地点'),
          /** Where the recording is kept (recorder-management platform reference). */
          location: text(2, 300, '存储位置'),
          interruptions: z.optional(z.array(interruption).check(z.maxLength(50))),
        }),
      ),
      data: z.optional(
        z.strictObject({
          source: text(2, 200, '数据来源'),
          capturedAt: iso('提取时间'),
        }),
      ),
    })
    .check(
      z.refine((v) => !!v[v.type], { message: '请填写该类记录的详细信息', path: ['type'] }),
      z.refine((v) => (v.fileID === undefined) !== (v.sha256 === undefined), {
        message: '请上传文件，或填写存放在执法记录仪管理平台的文件哈希值（二选一）',
        path: ['sha256'],
      }),
      z.refine((v) => !v.av || v.av.start < v.av.end, {
        message: '录制结束时间应晚于开始时间',
        path: ['av', 'end'],
      }),
    ),
  {
    caseId: '案件编号',
    type: '记录类型',
    title: '记录名称',
    workEndedAt: '现场工作结束时间',
    fileID: '文件',
    sha256: '文件哈希值',
    document: '文书信息',
    docType: '文书种类',
    'document.docNo': '文书编号',
    docTimes: '文书记载的时间',
    signed: '是否已签名',
    blankItems: '空白项',
    service: '送达情况',
    'service.at': '送达时间',
    method: '送达方式',
    av: '音像记录信息',
    device: '执法记录仪编号',
    act: '录制的执法活动',
    start: '录制开始时间',
    end: '录制结束时间',
    place: '录制地点',
    location: '存储位置',
    interruptions: '中断情况',
    'interruptions.at': '中断时间',
    explanation: '中断说明',
    how: '说明方式',
    stopReason: '停止录制的原因',
    data: '电子数据信息',
    'data.source': '数据来源',
    capturedAt: '提取时间',
  },
);
export type RecordRegisterInput = z.infer<typeof recordRegisterInput>;

const RECORD_LABELS = { recordId: '执法记录编号', reason: '延期移交理由', days: '延期天数' } as const;
export const recordReceiveInput = withLabels(z.strictObject({ recordId }), RECORD_LABELS);
/** The unit head approves a work record of stopping AV (停止音像记录工作记录, REC-5). */
export const recordApproveStopInput = withLabels(z.strictObject({ recordId }), RECORD_LABELS);
export const recordExplainLateInput = withLabels(
  z.strictObject({ recordId, reason: text(5, 500, '延期移交理由') }),
  RECORD_LABELS,
);
export const recordApproveLateInput = withLabels(
  z.strictObject({
    recordId,
    days: z
      .int('延期天数应为整数')
      .check(z.minimum(1, '延期至少 1 个工作日'), z.maximum(10, '延期最多 10 个工作日')),
  }),
  RECORD_LABELS,
);

export const partyFindInput = withLabels(
  z
    .strictObject({
      partyId: z.optional(partyId),
      idKind: z.optional(z.enum(PARTY_ID_KINDS, '请选择证件类型')),
      idNo: z.optional(z.string().check(z.maxLength(40, '证件号码过长'))),
    })
    .check(
      z.refine((v) => !!v.partyId !== !!(v.idKind && v.idNo), {
        message: '请填写证件类型和证件号码，或当事人编号',
        path: ['idNo'],
      }),
    ),
  CASE_LABELS,
);

// ---- views -------------------------------------------------------------------------------------------------

export interface PartyView {
  id: string;
  kind: PartyKind;
  name: string;
  idKind: PartyIdKind;
  /** Masked (first and last characters); the number itself is sealed and never answered. */
  idMasked: string | null;
  legalRepresentative: string | null;
}

export interface DecisionView extends DecisionInput {
  stage: CaseStage;
  recordedAt: string;
}

export interface CaseRecordView {
  id: string;
  caseId: string;
  type: RecordType;
  title: string;
  sha256: string;
  /** `private`: a file in the register's private storage; `platform`: kept on the recorder platform by reference. */
  storage: 'private' | 'platform' | 'reference';
  size: number | null;
  label: string;
  document: RecordRegisterInput['document'] | null;
  av: RecordRegisterInput['av'] | null;
  data: RecordRegisterInput['data'] | null;
  workEndedAt: string;
  registeredAt: string;
  registeredBy: string;
  handoverDueDate: string | null;
  receivedAt: string | null;
  /** Received after its due date (with no approved extension). */
  late: boolean;
  lateReason: string | null;
  lateApproved: boolean;
  /** A work record of stopping AV: approved by the unit head (REC-5), or null. */
  stopApproval: { by: string; at: string } | null;
  /** Every file of one recording split by the recorder (the first is `sha256`); absent: the one file. */
  files?: Array<{ sha256: string; ref: string | null }>;
  /** Imported (case.import): the system and its id for the row; absent for records registered here. */
  source?: { system: string; sourceId: string; importId: string };
}

export interface CaseStageView {
  stage: string;
  label: string;
  actedAt: string;
  recordedAt: string;
}

export interface CaseClockView {
  name: string;
  label: string;
  startedOn: string;
  dueDate: string | null;
  stoppedOn: string | null;
  pausedOn: string | null;
  extendedDays: number;
  /** Working days from today (Shanghai) to `dueDate` by the calendar, for a running clock (case.get); else null. */
  workingDaysLeft?: number | null;
}

/** The kinds of electronic-service events the case register lists (core/service/case-events.ts). */
export type CaseServiceEventKind =
  | 'invite'
  | 'attempt'
  | 'consent'
  | 'refuse'
  | 'confirm'
  | 'revoke'
  | 'withdraw'
  | 'replace'
  | 'serve'
  | 'open'
  | 'acknowledge'
  | 'statement'
  | 'hearing'
  | 'recusal'
  | 'acceptLateHearing'
  | 'paperFlag'
  | 'other';
export type CaseServiceEventBy = 'party' | 'staff' | 'system';

/**
 * One event of electronic service in the case register (REC-7, REC-16): an invitation, an enrolment try (the
 * count of failed tries, never the code), a consent, refusal, confirmation, revocation or withdrawal, a change of
 * recipient, a service, its first opening and acknowledgement, a statement or request. The party by its registered
 * name only, as the case page shows it; never an openid, code, ID or phone number.
 */
export interface CaseServiceEventView {
  kind: CaseServiceEventKind;
  /** 认证尝试, 送达, 首次打开 … */
  label: string;
  /** What happened, in a sentence (验证码错误，累计失败 2 次). */
  detail: string;
  /** When it happened (ISO). */
  at: string;
  by: CaseServiceEventBy;
  partyName: string;
  /** The served document, for the events of a service. */
  document: { docNo: string | null; title: string } | null;
  /** Failed tries so far, on an enrolment try; else null. */
  failures: number | null;
  /** Worth a look: a failed try, a refusal, a late or out-of-time submission, the paper-service flag. */
  attention: boolean;
  /**
   * The ledger event that committed it (`<collection>/<id>/<rev>`), its hash, and the global batch that sequenced
   * it (null until the sequencer has run). Null only if the ledger holds no such event (ledger.verify names it).
   */
  ledger: { event: string; hash: string; batch: number | null } | null;
}

/** The latest events, oldest first; `more` when older ones were left out (service.ofCase lists every service). */
export interface CaseServiceEvents {
  items: CaseServiceEventView[];
  more: boolean;
}

export interface CaseView {
  id: string;
  caseNo: string;
  kind: CaseKind;
  kindLabel: string;
  cause: string;
  stage: CaseStage;
  stageLabel: string;
  unitId: string;
  sectionId: string;
  party: PartyView;
  officers: Array<{ certNo: string; name: string }>;
  openedAt: string;
  complaintId: string | null;
  emergency: boolean;
  stages: CaseStageView[];
  decisions: DecisionView[];
  records: CaseRecordView[];
  clocks: CaseClockView[];
  /** The stages this caller may move the case into now (every step is checked again when taken). */
  nextStages: Array<{ stage: CaseStage; label: string }>;
  /** Electronic service of the case: its invitations, tries, consents, services and the party's acts (REC-7). */
  services: CaseServiceEvents;
}

export interface CaseListItem {
  id: string;
  caseNo: string;
  kind: CaseKind;
  kindLabel: string;
  cause: string;
  partyName: string;
  stage: CaseStage;
  stageLabel: string;
  openedAt: string;
  nextDue: string | null;
  /** Working days from today (Shanghai) to `nextDue` by the calendar; negative when overdue; null without one. */
  nextDueWorkingDaysLeft: number | null;
  /** Failures of the automatic checks at the last step (null: not checked since opening). */
  openFailures: number | null;
  /** Records registered and not yet received by the custodian. */
  pendingHandovers: number;
}

export interface CaseCheckResult {
  id: string;
  findings: Finding[];
  failures: number;
  warnings: number;
}

export interface PartyFound {
  party: PartyView;
  /** The party's cases the caller may see, newest first, and their records (细则第二十条: found together). */
  cases: CaseListItem[];
  records: CaseRecordView[];
}

// ---- declarations -------------------------------------------------------------------------------------------

const staff = { fn: 'staff', access: 'staff', roles: CASE_ROLES } as const;
const write = { ...staff, idempotent: true } as const;

export const caseOpen = declareAction<{ id: string; caseNo: string; partyId: string; stage: CaseStage }>()({
  ...write,
  name: 'case.open',
  ids: 'request',
  input: caseOpenInput,
});
export const caseGet = declareAction<CaseView>()({ ...staff, name: 'case.get', input: caseIdInput });
export const caseList = declareAction<Page<CaseListItem>>()({
  ...staff,
  name: 'case.list',
  input: caseListInput,
});
export const caseAdvance = declareAction<{ id: string; stage: CaseStage; stageLabel: string }>()({
  ...write,
  name: 'case.advance',
  input: caseAdvanceInput,
});
export const caseClock = declareAction<{ id: string; clocks: CaseClockView[] }>()({
  ...write,
  name: 'case.clock',
  input: caseClockInput,
});
export const caseCheck = declareAction<CaseCheckResult>()({
  ...staff,
  name: 'case.check',
  input: caseIdInput,
});
export const recordRegister = declareAction<CaseRecordView>()({
  ...write,
  name: 'record.register',
  ids: 'request',
  input: recordRegisterInput,
});
export const recordReceive = declareAction<CaseRecordView>()({
  ...write,
  name: 'record.receive',
  input: recordReceiveInput,
});
export const recordExplainLate = declareAction<CaseRecordView>()({
  ...write,
  name: 'record.explainLate',
  input: recordExplainLateInput,
});
export const recordApproveLate = declareAction<CaseRecordView>()({
  ...write,
  name: 'record.approveLate',
  input: recordApproveLateInput,
});
export const recordApproveStop = declareAction<CaseRecordView>()({
  ...write,
  name: 'record.approveStop',
  input: recordApproveStopInput,
});
/**
 * `record.uploadSlot`: where an officer uploads one record file from the phone (a registered slot in their own
 * `quarantine/<openid>/`, the only path the storage rules let a client write); record.register then copies and hashes
 * it into private storage. An upload never registered is deleted with the slot by the scheduler.
 */
export const recordUploadSlotInput = z.strictObject({});
export interface RecordUploadSlot {
  /** The exact cloudPath to upload to, until `uploadBy` (ISO). */
  path: string;
  uploadBy: string;
}
/** A slot for a record's file, or for an import manifest's file (the administrator imports too: CASE_IMPORT_ROLES). */
export const recordUploadSlot = declareAction<RecordUploadSlot>()({
  ...staff,
  roles: [...CASE_ROLES, 'admin'],
  name: 'record.uploadSlot',
  input: recordUploadSlotInput,
});
export const partyFind = declareAction<PartyFound>()({ ...staff, name: 'party.find', input: partyFindInput });

/**
 * `record.intake` (REC-10; 全过程记录制度第二十一条): the records custodian's intake queue, the records of the unit (or
 * of the sections the custodian's role reaches) registered and not yet received, oldest hand-over due date first,
 * so the late ones lead; each marked `overdue` once its 2-working-day due date has passed. Cursor paged.
 */
export const RECORD_INTAKE_ROLES = ['custodian'] as const;
export const recordIntakeInput = withLabels(
  z.strictObject({
    /** The unit whose queue (default: the caller's own, else the first where they are custodian). */
    unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    cursor,
    pageSize,
  }),
  { unitId: '单位', cursor: '分页标记', pageSize: '每页条数' },
);
export interface IntakeItem extends CaseRecordView {
  caseNo: string;
  /** Not received and its hand-over due date has passed (Shanghai date). */
  overdue: boolean;
}
export const recordIntake = declareAction<Page<IntakeItem>>()({
  fn: 'staff',
  access: 'staff',
  roles: RECORD_INTAKE_ROLES,
  name: 'record.intake',
  input: recordIntakeInput,
});

/**
 * `case.import` (REC-1, 2, 3, 9; docs/import-format.md, docs/cases.md "Import"): the records custodian or the
 * administrator imports a manifest exported by the supervision information system and the recorder platform. The
 * first call sends the files (in the payload, up to 256 KB, or uploaded through record.uploadSlot): the whole manifest is validated (one bad row and nothing is imported; every bad row
 * is answered with its file, line and field, never its value), then staged under its digest. Each call applies the
 * next batches within the function's time budget and answers the progress; a later call with `importId` (or the
 * same files again) resumes. Rows are upserts by (system, sourceId): the same file twice creates nothing new.
 */
export const caseImportInput = withLabels(
  z.union([
    z.strictObject({
      format: z.enum(['json', 'csv'], '清单格式应为 json 或 csv'),
      files: z.record(z.string().check(z.minLength(1), z.maxLength(200)), z.string()),
      /** The section the imported cases belong to (default: the caller's own); must be within the caller's reach. */
      sectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
    /** Files uploaded to the caller's upload slots (record.uploadSlot): a payload holds at most 256 KB. */
    z.strictObject({
      format: z.enum(['json', 'csv'], '清单格式应为 json 或 csv'),
      fileIDs: z.record(
        z.string().check(z.minLength(1), z.maxLength(200)),
        z.string().check(z.minLength(1), z.maxLength(500)),
      ),
      sectionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
    z.strictObject({ importId: z.string().check(z.regex(/^imp_[0-9a-f]{32}$/, '导入批次编号不正确')) }),
  ]),
  {
    format: '清单格式',
    files: '清单文件',
    fileIDs: '已上传的清单文件',
    sectionId: '承办科室',
    importId: '导入批次编号',
  },
);
export interface ImportCounts {
  cases: number;
  records: number;
}
export interface CaseImportAnswer {
  /** null when the manifest was refused (then `errors` lists every bad row). */
  importId: string | null;
  done: boolean;
  /** Batches applied so far, of `total` (core/case/manifest.ts planBatches). */
  applied: number;
  total: number;
  /**
   * Rows in the manifest, and what this import has done with them so far: rows created, rows corrected (their
   * content changed since an earlier import: a new revision replaces the imported version) and rows found as they
   * were. Two calls applying one batch at once may both count a row as found.
   */
  rows: number;
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  /** The rows this call corrected, by kind and source id (at most 200; the counts have them all). */
  updatedRows: Array<{ kind: 'cases' | 'documents' | 'av' | 'data'; sourceId: string }>;
  errors: ManifestError[];
}
export const caseImportStatusInput = withLabels(
  z.strictObject({ importId: z.string().check(z.regex(/^imp_[0-9a-f]{32}$/, '导入批次编号不正确')) }),
  { importId: '导入批次编号' },
);
export const CASE_IMPORT_ROLES = ['custodian', 'admin'] as const;
export const caseImport = declareAction<CaseImportAnswer>()({
  fn: 'staff',
  access: 'staff',
  roles: CASE_IMPORT_ROLES,
  idempotent: true,
  // An unregistered operator's party gets a random id (the case itself is found again by its source).
  ids: 'random',
  name: 'case.import',
  input: caseImportInput,
});
export const caseImportStatus = declareAction<CaseImportAnswer>()({
  fn: 'staff',
  access: 'staff',
  roles: CASE_IMPORT_ROLES,
  name: 'case.importStatus',
  input: caseImportStatusInput,
});

export const CASE_STAFF_ACTIONS = [
  caseOpen,
  caseGet,
  caseList,
  caseAdvance,
  caseClock,
  caseCheck,
  recordRegister,
  recordReceive,
  recordExplainLate,
  recordApproveLate,
  recordApproveStop,
  recordUploadSlot,
  recordIntake,
  partyFind,
  caseImport,
  caseImportStatus,
] as const;
