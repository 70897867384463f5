/**
 * Chinese names of the fields actions take, so that every refusal says which field is wrong (the
 * envelope's `fields`). One table by key name (a dotted path where the key alone is ambiguous), plus per-schema overrides
 * for the few keys that mean different things in different actions (`name` of a unit, of a person, ...). Kept
 * as plain data: it is bundled into the mini-program with validation.ts.
 */

export type FieldLabels = Readonly<Record<string, string>>;

export const FIELD_LABELS: FieldLabels = {
  // the event itself
  event: '请求',
  action: '操作名称',
  requestId: '请求编号',
  oneTimeAccepted: '一次性提醒授权',
  longTerm: '长期提醒',
  payload: '提交的内容',
  // paging and ids
  cursor: '分页标记',
  pageSize: '每页条数',
  id: '记录编号',
  // organisation
  inviteCode: '邀请码',
  name: '名称',
  unitId: '单位编号',
  sectionId: '科室编号',
  sectionIds: '分管科室',
  roles: '角色',
  role: '角色',
  expiresInDays: '邀请有效天数',
  staffId: '工作人员编号',
  grantRequestId: '授权申请编号',
  kind: '类型',
  parentUnitId: '上级单位编号',
  leaderStaffId: '分管领导编号',
  fromStaffId: '委托人编号',
  toStaffId: '受托人编号',
  validFrom: '生效时间',
  validUntil: '失效时间',
  reason: '原因',
  delegationId: '委托编号',
  appointmentDocNo: '主持工作决定文号',
  // officers
  certNo: '执法证号',
  shortId: '二维码编号',
  unitName: '证件上的单位名称',
  officerId: '执法人员编号',
  // complaints
  category: '所属领域',
  subject: '被投诉举报对象',
  'subject.name': '被投诉举报对象名称',
  'subject.address': '地址',
  'subject.location': '位置',
  latitude: '纬度',
  longitude: '经度',
  description: '问题描述',
  photos: '图片',
  contact: '联系方式',
  anonymous: '是否匿名',
  'contact.name': '姓名',
  phone: '联系电话',
  trackingNo: '受理编号',
  status: '状态',
  mine: '只看本人承办',
  handlerIds: '承办人',
  note: '说明',
  text: '答复内容',
  caseOpened: '是否立案',
  result: '办理结果',
  duplicateOf: '重复投诉的受理编号',
  source: '来源',
  sourceRef: '来源编号',
  receivedAt: '收到时间',
  code: '手机号获取凭证',
  // calendar
  year: '年份',
  holidays: '放假日期',
  makeUpWorkdays: '调休上班日期',
  // ledger
  anchors: '锚点',
  date: '日期',
  seq: '序号',
  hash: '哈希值',
  // legal settings
  at: '查询时间',
  version: '设置版本号',
  effectiveFrom: '生效时间',
  values: '设置内容',
  serviceDateRule: '送达生效规则',
  serviceNotOpenedWorkingDays: '电子送达未打开转纸质送达的工作日数',
  reviewBody: '行政复议机关',
  court: '人民法院',
  'reviewBody.name': '行政复议机关名称',
  'court.name': '人民法院名称',
  'reviewBody.address': '行政复议机关地址',
  'reviewBody.phone': '行政复议机关电话',
  'court.address': '人民法院地址',
  'court.phone': '人民法院电话',
  hearingThresholds: '听证较大数额标准',
  'hearingThresholds.person': '对公民的较大数额标准',
  'hearingThresholds.organisation': '对法人或者其他组织的较大数额标准',
  fineYuan: '罚款数额标准',
  confiscationYuan: '没收数额标准',
  basis: '依据',
  reviewPeriodDays: '申请行政复议期限',
  litigationPeriodMonths: '提起诉讼期限',
  statementPeriodDays: '陈述申辩期限',
  hearingRequestDays: '申请听证期限',
  hearingNoticeDays: '听证通知提前天数',
  publicationWorkingDays: '公示期限',
  penaltyOrPermit: '处罚和许可决定公示期限',
  other: '其他决定公示期限',
  withdrawalWorkingDays: '撤下公示期限',
  displayPeriods: '信用公示期限',
  countFrom: '公示期限起算点',
  minor: '轻微失信公示期限',
  general: '一般失信公示期限',
  serious: '严重失信公示期限',
  minMonths: '最短公示月数',
  maxMonths: '最长公示月数',
  carrierDisplay: '本单位平台公示期限',
  authorityContacts: '本机关公开联系方式',
  phones: '联系电话',
  emails: '电子邮箱',
  accounts: '罚没款收缴账号',
  addresses: '办公地址',
  sealCertificates: '本机关电子签章证书',
  'sealCertificates.sha256': '证书 SHA-256 指纹',
  'sealCertificates.name': '签章证书名称',
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收征用',
  rightsTexts: '权利告知文本',
  retention: '保存期限',
  months: '保存月数',
  rule: '保存规则',
  complaintHandlingDays: '投诉举报办理期限',
  acceptanceWorkingDays: '受理期限',
  reporterFeedbackWorkingDays: '举报反馈期限',
  petitionReplyDays: '信访答复期限',
  petitionFinishDays: '信访办结期限',
  handlingDays: '办结内部目标期限',
  caseDecisionWorkingDays: '举报立案决定期限',
  caseDecisionExtensionWorkingDays: '立案决定延长期限',
  petitionExtensionDays: '信访延长期限',
};

const OVERRIDES = new WeakMap<object, FieldLabels>();

/** Names keys that mean something particular in this schema (by key or dotted path); returns the schema. */
export function withLabels<S extends object>(schema: S, labels: FieldLabels): S {
  OVERRIDES.set(schema, labels);
  return schema;
}

export function labelsOf(schema: object): FieldLabels | undefined {
  return OVERRIDES.get(schema);
}

const own = (table: FieldLabels | undefined, key: string) =>
  table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/**
 * The label of a field path (array indexes ignored): the longest dotted tail found, overrides first; a key that
 * has no label of its own (a record's key) takes its parent's. `fallback` when nothing matches.
 */
export function labelFor(path: readonly string[], overrides?: FieldLabels, fallback = '该项'): string {
  const keys = path.filter((p) => !/^\d+$/.test(p));
  for (let end = keys.length; end > 0; end--) {
    for (let start = 0; start < end; start++) {
      const key = keys.slice(start, end).join('.');
      const found = own(overrides, key) ?? own(FIELD_LABELS, key);
      if (found) return found;
    }
  }
  return fallback;
}
