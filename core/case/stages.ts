/**
 * The case register's kinds and stages (REC-1; 行政处罚法 Art. 54-67, 行政强制法 Art. 18-27): each kind's stages in
 * the order the law has them, with the Chinese labels the pages and refusals use, and the document types of the
 * national health enforcement document standard (REC-3). Pure declarations.
 */
export const CASE_KINDS = ['inspection', 'penalty', 'coercion'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  inspection: '监督检查',
  penalty: '行政处罚',
  coercion: '行政强制措施',
};

/**
 * Stages per kind, first to last. Penalty: 立案 → 调查取证 → 事先告知 → 陈述申辩（听证）→ 法制审核 (Art. 58) →
 * 集体讨论 where required (Art. 57, may be skipped) → 决定 → 送达 → 执行 → 结案. Inspection: 到达现场 → 离开现场 →
 * 后续处理 → 结案. Coercion: 立案 → 批准 (Art. 18; in an emergency after the measure, within 24 hours, Art. 19) →
 * 实施 → 对物品作出处理决定 (Art. 27) → 结案.
 */
export const CASE_STAGES = {
  penalty: [
    'opened',
    'investigation',
    'priorNotice',
    'statement',
    'legalReview',
    'collectiveDiscussion',
    'decision',
    'service',
    'execution',
    'closed',
  ],
  inspection: ['arrival', 'departure', 'followUp', 'closed'],
  coercion: ['opened', 'approval', 'measure', 'goodsDecision', 'closed'],
} as const satisfies Record<CaseKind, readonly string[]>;

export type CaseStage = (typeof CASE_STAGES)[CaseKind][number];

export const ALL_CASE_STAGES: readonly CaseStage[] = [
  ...new Set(Object.values(CASE_STAGES).flat()),
] as CaseStage[];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  opened: '立案',
  investigation: '调查取证',
  priorNotice: '事先告知',
  statement: '陈述申辩（听证）',
  legalReview: '法制审核',
  collectiveDiscussion: '集体讨论',
  decision: '作出决定',
  service: '送达',
  execution: '执行',
  closed: '结案',
  arrival: '到达现场',
  departure: '离开现场',
  followUp: '后续处理',
  approval: '批准',
  measure: '实施强制措施',
  goodsDecision: '对物品作出处理决定',
};

/** Stages that may be left out: collective discussion (only the cases Art. 57 ¶2 names), an inspection's follow-up. */
export const OPTIONAL_STAGES: readonly CaseStage[] = ['collectiveDiscussion', 'followUp'];

/**
 * Document types (REC-3, 全过程记录制度第九条: 卫生行政执法文书规范 卫生部令第87号): the one list. The keys are what records
 * store (`docType`), what the checks read and what a service recording names (`service:<key>`).
 */
export const DOCUMENT_TYPES = {
  siteRecord: '现场笔录',
  inquiryRecord: '询问笔录',
  correctionNotice: '责令（限期）改正通知书',
  supervisionOpinion: '卫生监督意见书',
  samplingRecord: '产品样品采样记录',
  caseOpening: '立案报告',
  priorNotice: '行政处罚事先告知书',
  hearingNotice: '行政处罚听证通知书',
  hearingRecord: '听证笔录',
  deliberationRecord: '合议记录',
  legalReview: '法制审核意见书',
  collectiveDiscussion: '集体讨论记录',
  penaltyDecision: '行政处罚决定书',
  demandNotice: '催告书',
  coercionApproval: '行政强制措施审批表',
  sealSeizeDecision: '查封扣押决定书',
  evidenceHoldDecision: '证据先行登记保存决定书',
  controlDecision: '行政控制决定书',
  goodsDecision: '处理决定书',
  serviceReceipt: '送达回执',
  /** The signed consent to electronic service and address confirmation (行政处罚法 Art. 61; service.confirm needs it). */
  serviceAddressConfirmation: '送达地址确认书',
  workRecord: '工作记录',
  /** REC-5 (全过程记录制度第十三条): the work record of stopping AV, approved by the unit head (`record.approveStop`). */
  stopRecordingRecord: '停止音像记录工作记录',
  handoverDelay: '延期移交说明',
  other: '其他文书',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

/** The four documents whose in-person service is filmed (全过程记录制度第十六条第（四）项). */
export const FILMED_SERVICE_DOCS = [
  'priorNotice',
  'penaltyDecision',
  'demandNotice',
  'hearingNotice',
] as const satisfies readonly DocumentType[];
export type FilmedServiceDoc = (typeof FILMED_SERVICE_DOCS)[number];

/**
 * How a document reached the party (民事诉讼法 as 行政处罚法第六十一条 applies it): in person (直接送达), left at the
 * address (留置送达), by post, electronically, by announcement (公告送达), through another body (委托/转交). Whether the
 * service must be filmed depends on it (全过程记录制度第十一条第一款、第十六条第（四）项).
 */
export const SERVICE_METHODS = {
  direct: '直接送达',
  leaving: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  announcement: '公告送达',
  entrusted: '委托送达或转交',
} as const;
export type ServiceMethod = keyof typeof SERVICE_METHODS;
export const SERVICE_METHOD_CODES = Object.keys(SERVICE_METHODS) as [ServiceMethod, ...ServiceMethod[]];

/**
 * What an AV recording covers (CheckRecord.act): the one list, read by the checks. The service of a document is
 * `service:<document type>` for the four documents whose service is filmed.
 */
export const AV_ACTS = {
  'arrival-departure': '到达至离开现场全程',
  questioning: '询问',
  hearing: '听证',
  deliberation: '合议',
  coercion: '实施行政强制措施',
  lifeHealth: '涉及生命健康、重大财产的现场执法',
  evidence: '调查取证',
  'service:priorNotice': `送达${DOCUMENT_TYPES.priorNotice}`,
  'service:penaltyDecision': `送达${DOCUMENT_TYPES.penaltyDecision}`,
  'service:demandNotice': `送达${DOCUMENT_TYPES.demandNotice}`,
  'service:hearingNotice': `送达${DOCUMENT_TYPES.hearingNotice}`,
  other: '其他',
} as const satisfies Record<`service:${FilmedServiceDoc}`, string> & Record<string, string>;
export type AvAct = keyof typeof AV_ACTS;
export const AV_ACT_CODES = Object.keys(AV_ACTS) as [AvAct, ...AvAct[]];

/** Party kinds (item 2; 双公示 standard): organisation, natural person, individual business, unregistered operator. */
export const PARTY_KINDS = ['organisation', 'person', 'individualBusiness', 'unregistered'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  organisation: '法人或其他组织',
  person: '自然人',
  individualBusiness: '个体工商户',
  unregistered: '无照经营者',
};

/** What a decision (决定 / 对物品作出处理决定) decides: recorded with the decision stage, taken up by publication. */
export const DECISION_TYPES = [
  'penalty',
  'noPenalty',
  'seizure',
  'release',
  'confiscation',
  'other',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  penalty: '给予行政处罚',
  noPenalty: '不予行政处罚',
  seizure: '查封扣押',
  release: '解除查封扣押',
  confiscation: '没收',
  other: '其他决定',
};

/** The stages that record the decision document, and the one that records the statement period (行政处罚法 Art. 62). */
export const DECISION_STAGES: readonly CaseStage[] = ['decision', 'goodsDecision'];
export const STATEMENT_STAGE: CaseStage = 'statement';
