/**
 * The complaint and report actions' contract (PUB-2, PUB-3: complaint channels and progress; citizen `complaint.submit` /
 * `complaint.mine` / `complaint.get`, staff `complaint.*`). zod/mini: the mini-program bundles these schemas to check
 * its form with the same rules and the same Chinese messages the function answers with.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { HANDLING_ROLES } from '../complaint/roles';
import { withLabels } from './labels';
import { TRACKING_NO_PATTERN } from '../complaint/tracking-no';
import { REJECTION_REASON_CODES } from '../complaint/reasons';

/** 投诉 (about one's own rights and interests) / 举报 (a violation). */
export const COMPLAINT_KINDS = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };

/** The health fields of the issue, in the order the form shows them. */
export const COMPLAINT_CATEGORIES = [
  '医疗机构与医疗美容',
  '公共场所',
  '生活饮用水',
  '学校卫生',
  '职业卫生',
  '放射卫生',
  '传染病防治与消毒',
  '母婴保健',
  '执法行为（执法人员或执法机构）',
  '其他',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * A complaint about enforcement conduct (an officer's or the enforcement unit's own): it goes to the commission's
 * oversight section (法规与综合监督科), never to the unit complained about, and the officer concerned never handles
 * it nor sees who complained (server/features/complaint/conduct.ts, core/complaint/workflow.ts).
 */
export const CONDUCT_CATEGORY: ComplaintCategory = '执法行为（执法人员或执法机构）';
export const isConductCategory = (category: string): boolean => category === CONDUCT_CATEGORY;

/** The officer complained about, as the complainant gives them: certificate number, name, or both (both optional). */
export const officerConcernedSchema = z.strictObject({
  certNo: z.optional(
    z.string().check(
      z.overwrite((v) => v.replace(/\s/g, '').toUpperCase()),
      z.maxLength(32, '执法证号不能超过 32 个字符'),
      z.regex(/^[0-9A-Z\u4e00-\u9fa5]{0,32}$/, '执法证号只能包含数字、字母或汉字'),
    ),
  ),
  name: z.optional(
    z.string().check(
      z.overwrite((v) => v.trim()),
      z.maxLength(32, '执法人员姓名不能超过 32 个字'),
    ),
  ),
});
export type OfficerConcerned = z.infer<typeof officerConcernedSchema>;

/** The officer fields are for conduct complaints only. */
const officerOnlyForConduct = z.refine<{ category: string; officer?: OfficerConcerned }>(
  (v) => !v.officer || isConductCategory(v.category),
  { message: '只有反映执法行为时才填写被投诉的执法人员', path: ['officer'] },
);

/** 信访 (a petition) runs on the petition clocks; every other source on the complaint clocks. */
export const COMPLAINT_CHANNELS = ['regular', 'petition'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  regular: '投诉举报',
  petition: '信访',
};

/** How the complainant was told of the acceptance decision (a staff-recorded complaint has no subscribe message). */
export const NOTICE_METHODS = ['phone', 'sms', 'inPerson', 'written', 'other'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];
export const NOTICE_METHOD_LABELS: Record<NoticeMethod, string> = {
  phone: '电话',
  sms: '短信',
  inPerson: '当面',
  written: '书面',
  other: '其他',
};

/** Where a matter came in: the mini-program, or recorded by staff with its source. */
export const COMPLAINT_SOURCES = ['miniprogram', 'phone', 'hotline12345', 'petition', 'letter'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = {
  miniprogram: '小程序',
  phone: '电话',
  hotline12345: '12345热线',
  petition: '信访',
  letter: '来信',
};

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const MAX_PHOTOS = 9;

/** Empty says 请填写… (what is missing), short says 至少 N 个字; the first message of a field is the one shown. */
const trimmed = (min: number, max: number, label: string) =>
  z.string().check(
    z.overwrite((v) => v.trim()),
    z.minLength(1, `请填写${label}`),
    ...(min > 1 ? [z.minLength(min, `${label}至少 ${min} 个字`)] : []),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

/** Mainland mobile numbers, or a landline with its area code (023-12345678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const phoneSchema = z.string().check(
  z.overwrite((v) => v.replace(/\s/g, '')),
  z.minLength(1, '请填写联系电话'),
  z.regex(PHONE_PATTERN, '请填写正确的手机号码或带区号的固定电话'),
);

const location = z.strictObject({
  latitude: z.number().check(z.gte(-90, '纬度不正确'), z.lte(90, '纬度不正确')),
  longitude: z.number().check(z.gte(-180, '经度不正确'), z.lte(180, '经度不正确')),
});

export const complaintSubjectSchema = z.strictObject({
  name: trimmed(2, 100, '被投诉举报对象名称'),
  address: trimmed(4, 200, '地址'),
  location: z.optional(location),
});

/** Real name and phone, or anonymous (reports only: an anonymous report is owed no feedback, 市场监督管理投诉举报处理暂行办法). */
export const complaintContactSchema = z.union([
  z.strictObject({ anonymous: z.literal(true) }),
  z.strictObject({
    anonymous: z.literal(false),
    name: trimmed(2, 32, '姓名'),
    phone: phoneSchema,
  }),
]);
export type ComplaintContact = z.infer<typeof complaintContactSchema>;

/** A fileID the client got from `wx.cloud.uploadFile` into its quarantine path. */
const fileId = z.string().check(z.minLength(8, '图片标识不正确'), z.maxLength(512, '图片标识不正确'));

/** `kind` and `id` of a complaint, named as the forms name them (labels.ts). */
const COMPLAINT_LABELS = {
  kind: '投诉或举报',
  id: '投诉举报编号',
  officer: '被投诉的执法人员',
  'officer.certNo': '执法证号',
  'officer.name': '执法人员姓名',
} as const;

const contentFields = {
  kind: z.enum(COMPLAINT_KINDS, '请选择投诉或举报'),
  category: z.enum(COMPLAINT_CATEGORIES, '请选择所属领域'),
  subject: complaintSubjectSchema,
  description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX, '问题描述'),
};

const anonymousOnlyForReports = z.refine<{ kind: ComplaintKind; contact: ComplaintContact }>(
  (v) => v.kind === 'report' || !v.contact.anonymous,
  { message: '投诉须留下真实姓名和联系电话；匿名只适用于举报', path: ['contact'] },
);

export const complaintSubmitInput = withLabels(
  z
    .strictObject({
      ...contentFields,
      photos: z.optional(z.array(fileId).check(z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张图片`))),
      contact: complaintContactSchema,
      officer: z.optional(officerConcernedSchema),
    })
    .check(anonymousOnlyForReports, officerOnlyForConduct),
  COMPLAINT_LABELS,
);
export type ComplaintSubmitInput = z.infer<typeof complaintSubmitInput>;

const cursor = z.optional(z.string().check(z.maxLength(200)));
const pageSize = z.optional(z.int().check(z.minimum(1), z.maximum(50)));

export const complaintMineInput = z.strictObject({ cursor, pageSize });
export type ComplaintMineInput = z.infer<typeof complaintMineInput>;

export const trackingNoSchema = z.string().check(
  z.overwrite((v) => v.trim().toUpperCase()),
  z.regex(TRACKING_NO_PATTERN, '受理编号格式不正确'),
);
export const complaintGetInput = z.strictObject({ trackingNo: trackingNoSchema });
export type ComplaintGetInput = z.infer<typeof complaintGetInput>;

/**
 * `complaint.uploadPrefix` takes nothing; answers where the caller's photos go (the storage rules' quarantine), as a
 * registered slot whose unused uploads the scheduler deletes after an hour.
 */
export const complaintUploadPrefixInput = z.strictObject({});
export type ComplaintUploadPrefixInput = z.infer<typeof complaintUploadPrefixInput>;
export interface ComplaintUploadPrefix {
  /** `quarantine/<openid>/<slot>/`: wx.cloud.uploadFile's cloudPath must start with it. */
  prefix: string;
  maxPhotos: number;
  /** The registered upload slot: the exact cloudPaths to upload to, one per photo, until `uploadBy` (ISO). */
  paths: string[];
  uploadBy: string;
}

// ---- the owner's steps on their complaint (PUB-3) ---------------------------------------------------------------

/** Limits of what a citizen adds: text per addition, photos per addition, additions per complaint. */
export const COMPLAINT_MATERIAL_LIMITS = { textMax: 1000, photosPerAddition: 3, additions: 5 } as const;
export const RATING_COMMENT_MAX = 200;

export const complaintAddMaterialInput = withLabels(
  z
    .strictObject({
      trackingNo: trackingNoSchema,
      text: z.optional(trimmed(2, COMPLAINT_MATERIAL_LIMITS.textMax, '补充说明')),
      photos: z.optional(
        z
          .array(fileId)
          .check(
            z.maxLength(
              COMPLAINT_MATERIAL_LIMITS.photosPerAddition,
              `每次最多补充 ${COMPLAINT_MATERIAL_LIMITS.photosPerAddition} 张图片`,
            ),
          ),
      ),
    })
    .check(
      z.refine<{ text?: string; photos?: string[] }>((v) => !!v.text || !!v.photos?.length, {
        message: '请填写补充说明或添加图片',
        path: ['text'],
      }),
    ),
  { trackingNo: '受理编号', text: '补充说明', photos: '图片' },
);
export type ComplaintAddMaterialInput = z.infer<typeof complaintAddMaterialInput>;

export const complaintRateInput = withLabels(
  z.strictObject({
    trackingNo: trackingNoSchema,
    score: z.int('请选择 1 至 5 分').check(z.gte(1, '请选择 1 至 5 分'), z.lte(5, '请选择 1 至 5 分')),
    comment: z.optional(trimmed(1, RATING_COMMENT_MAX, '评价意见')),
  }),
  { trackingNo: '受理编号', score: '评分', comment: '评价意见' },
);
export type ComplaintRateInput = z.infer<typeof complaintRateInput>;

export const complaintWithdrawInput = withLabels(
  z.strictObject({ trackingNo: trackingNoSchema, reason: z.optional(trimmed(1, 200, '撤回原因')) }),
  { trackingNo: '受理编号', reason: '撤回原因' },
);
export type ComplaintWithdrawInput = z.infer<typeof complaintWithdrawInput>;

/** What an owner's step answers: the complaint as its owner now sees it (without photo URLs). */
export type ComplaintOwnerStepDone = CitizenComplaintView;

/**
 * `public` `complaint.terms`: the periods the citizen pages state, from the legal settings in force (working
 * days unless the key ends in `Days` of a calendar period: see `COMPLAINT_TERM_LABELS`).
 */
export const complaintTermsInput = z.strictObject({});
export interface ComplaintTerms {
  settingsVersion: number;
  /** Every period of the complaint settings, by its settings key (core/settings/schema.ts). */
  periods: Record<string, number>;
}

// ---- staff -------------------------------------------------------------------------------------------------

export const COMPLAINT_ID_PATTERN = /^cmp_[0-9a-f]{24}$/;
const complaintId = z.string().check(z.regex(COMPLAINT_ID_PATTERN, '投诉举报编号不正确'));
const staffId = z.string().check(z.minLength(1), z.maxLength(64));

/**
 * The queue's tabs (staff complaint-queue page): 待受理 and 办理中 by the nearest due date first (so the overdue come
 * first), 已逾期 every open item past a clock, 我的 the open items assigned to me (my to-do list), and the closed,
 * rejected and all lists newest first.
 */
export const QUEUE_TABS = ['submitted', 'accepted', 'overdue', 'mine', 'closed', 'rejected', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
/** The tabs whose counts the queue's first page answers. */
export const COUNTED_QUEUE_TABS = ['submitted', 'accepted', 'overdue', 'mine'] as const;
export type CountedQueueTab = (typeof COUNTED_QUEUE_TABS)[number];

export const complaintQueueInput = withLabels(
  z.strictObject({
    status: z.optional(z.enum(['submitted', 'accepted', 'rejected', 'closed', 'withdrawn'])),
    mine: z.optional(z.boolean()),
    /** A tab (instead of status/mine): the page's filter. */
    tab: z.optional(z.enum(QUEUE_TABS)),
    /** Search by a whole tracking number (any case, spaces ignored); answers that one record if in reach. */
    trackingNo: z.optional(trackingNoSchema),
    cursor,
    pageSize,
  }),
  { tab: '筛选', trackingNo: '受理编号', status: '状态' },
);
export type ComplaintQueueInput = z.infer<typeof complaintQueueInput>;

export const complaintIdInput = withLabels(z.strictObject({ id: complaintId }), COMPLAINT_LABELS);
export type ComplaintIdInput = z.infer<typeof complaintIdInput>;

export const complaintAssignInput = withLabels(
  z.strictObject({
    id: complaintId,
    handlerIds: z
      .array(staffId)
      .check(z.minLength(1, '请至少指定一名承办人'), z.maxLength(3, '承办人最多 3 名')),
  }),
  COMPLAINT_LABELS,
);
export type ComplaintAssignInput = z.infer<typeof complaintAssignInput>;

/** When and how the complainant was told of the acceptance decision (not in the future; checked on the server). */
export const acceptanceNoticeSchema = z.strictObject({
  method: z.enum(NOTICE_METHODS, '请选择告知方式'),
  at: z.iso.datetime({ offset: true, error: '告知时间格式不正确' }),
  note: z.optional(trimmed(1, 200, '告知说明')),
});
export type AcceptanceNotice = z.infer<typeof acceptanceNoticeSchema>;
const NOTICE_LABELS = { notice: '受理告知', 'notice.method': '告知方式', 'notice.at': '告知时间' } as const;

export const complaintAcceptInput = withLabels(
  z.strictObject({ id: complaintId, notice: z.optional(acceptanceNoticeSchema) }),
  { ...COMPLAINT_LABELS, ...NOTICE_LABELS },
);
export type ComplaintAcceptInput = z.infer<typeof complaintAcceptInput>;

/** Records, after the decision, how and when a staff-recorded complainant was told of it. */
export const complaintRecordNoticeInput = withLabels(
  z.strictObject({ id: complaintId, notice: acceptanceNoticeSchema }),
  { ...COMPLAINT_LABELS, ...NOTICE_LABELS },
);
export type ComplaintRecordNoticeInput = z.infer<typeof complaintRecordNoticeInput>;

/** A leader approves the one extension of a report's 立案 period (its length is the legal setting's). */
export const complaintExtendCaseDecisionInput = withLabels(
  z.strictObject({ id: complaintId, reason: trimmed(2, 500, '延长理由') }),
  COMPLAINT_LABELS,
);
export type ComplaintExtendCaseDecisionInput = z.infer<typeof complaintExtendCaseDecisionInput>;

/** A leader approves the one extension of a petition's handling period (at most the legal setting's days). */
export const complaintExtendPetitionInput = withLabels(
  z.strictObject({
    id: complaintId,
    days: z.int('请填写延长天数').check(z.minimum(1, '延长天数至少 1 天'), z.maximum(365, '延长天数过多')),
    reason: trimmed(2, 500, '延长理由'),
  }),
  { ...COMPLAINT_LABELS, days: '延长天数' },
);
export type ComplaintExtendPetitionInput = z.infer<typeof complaintExtendPetitionInput>;

export const complaintRejectInput = withLabels(
  z
    .strictObject({
      id: complaintId,
      reason: z.enum(REJECTION_REASON_CODES, '请从列表中选择不予受理的理由'),
      note: z.optional(trimmed(2, 500, '说明')),
      notice: z.optional(acceptanceNoticeSchema),
    })
    .check(
      z.refine<{ reason: string; note?: string }>((v) => v.reason !== 'other' || !!v.note, {
        message: '选择“其他”时须写明理由',
        path: ['note'],
      }),
    ),
  { ...COMPLAINT_LABELS, ...NOTICE_LABELS, reason: '不予受理的理由' },
);
export type ComplaintRejectInput = z.infer<typeof complaintRejectInput>;

export const complaintReplyInput = withLabels(
  z.strictObject({ id: complaintId, text: trimmed(2, 1000, '答复内容') }),
  COMPLAINT_LABELS,
);
export type ComplaintReplyInput = z.infer<typeof complaintReplyInput>;

export const complaintCaseDecisionInput = withLabels(
  z.strictObject({
    id: complaintId,
    caseOpened: z.boolean(),
    note: z.optional(trimmed(2, 500, '说明')),
  }),
  COMPLAINT_LABELS,
);
export type ComplaintCaseDecisionInput = z.infer<typeof complaintCaseDecisionInput>;

export const complaintCloseInput = withLabels(
  z.strictObject({ id: complaintId, result: trimmed(2, 1000, '办理结果') }),
  COMPLAINT_LABELS,
);
export type ComplaintCloseInput = z.infer<typeof complaintCloseInput>;

/**
 * The earlier complaint, by its id or by the tracking number staff read off it (the case page asks for the
 * tracking number: that is what people quote; the id is internal).
 */
const complaintRef = z.string().check(
  z.overwrite((v) => (COMPLAINT_ID_PATTERN.test(v.trim()) ? v.trim() : v.trim().toUpperCase())),
  z.refine((v) => COMPLAINT_ID_PATTERN.test(v) || TRACKING_NO_PATTERN.test(v), '请填写正确的受理编号'),
);

export const complaintLinkDuplicateInput = withLabels(
  z.strictObject({ id: complaintId, duplicateOf: complaintRef }).check(
    z.refine<{ id: string; duplicateOf: string }>((v) => v.id !== v.duplicateOf, {
      message: '不能与自身关联',
      path: ['duplicateOf'],
    }),
  ),
  COMPLAINT_LABELS,
);
export type ComplaintLinkDuplicateInput = z.infer<typeof complaintLinkDuplicateInput>;

/** `complaint.handlers`: who may be assigned to the complaint (for those who may assign). */
export const complaintHandlersInput = complaintIdInput;
export type ComplaintHandlersInput = ComplaintIdInput;
export interface ComplaintHandlerOption {
  staffId: string;
  name: string;
}

/** Splits a mixed submission: the new record takes the other kind and the part of the description given. */
export const complaintSplitInput = withLabels(
  z.strictObject({
    id: complaintId,
    description: trimmed(DESCRIPTION_MIN, DESCRIPTION_MAX, '拆分部分的描述'),
  }),
  COMPLAINT_LABELS,
);
export type ComplaintSplitInput = z.infer<typeof complaintSplitInput>;

/** A complaint received by phone, the 12345 hotline, a petition or a letter, recorded by staff. */
export const complaintRecordInput = withLabels(
  z
    .strictObject({
      ...contentFields,
      source: z.enum(['phone', 'hotline12345', 'petition', 'letter'], '请选择来源'),
      sourceRef: z.optional(trimmed(1, 64, '来源编号')),
      receivedAt: z.optional(z.iso.datetime({ offset: true, error: '收到时间格式不正确' })),
      contact: complaintContactSchema,
      officer: z.optional(officerConcernedSchema),
    })
    .check(anonymousOnlyForReports, officerOnlyForConduct),
  COMPLAINT_LABELS,
);
export type ComplaintRecordInput = z.infer<typeof complaintRecordInput>;

// ---- views -------------------------------------------------------------------------------------------------

/** `withdrawn`: a complaint (投诉) its complainant withdrew while it was open; its handling ended. */
export type ComplaintStatus = 'submitted' | 'accepted' | 'rejected' | 'closed' | 'withdrawn';

export interface ComplaintTimelineEntry {
  at: string;
  event:
    | 'submitted'
    | 'accepted'
    | 'rejected'
    | 'caseDecided'
    | 'replied'
    | 'closed'
    | 'materialAdded'
    | 'withdrawn'
    | 'rated'
    | 'extended';
  label: string;
  text?: string;
}

/** What the citizen sees of their own complaint: nothing internal (handlers, links to other complaints). */
export interface CitizenComplaintView {
  trackingNo: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject: { name: string; address: string };
  description: string;
  photoCount: number;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  /** The date (Shanghai) by which acceptance will be decided. */
  acceptanceDueDate: string;
  /** The date relies on a year without an official holiday table yet: it may still move later, never earlier. */
  acceptanceDueProvisional: boolean;
  anonymous: boolean;
  contact: { name: string; phone: string } | null;
  timeline: ComplaintTimelineEntry[];
  result: string | null;
  /** What is expected next and by when (null once the matter is over). */
  nextStep: { label: string; dueDate: string | null } | null;
  /** For 不予受理: the reason and where to go instead (core/complaint/reasons.ts). */
  rejection: { label: string; advice: string; note: string | null } | null;
  /** The owner's rating of the handling, once given. */
  rating: { score: number; comment: string | null; at: string } | null;
  /** When the owner withdrew it (a report's withdrawal is recorded; the agency may still act on it). */
  withdrawnAt: string | null;
  /** How often material was added (limited: COMPLAINT_MATERIAL_LIMITS.additions). */
  materialCount: number;
  /** Short-lived URLs of the owner's own photos (answered by `complaint.get`; empty elsewhere). */
  photoUrls: string[];
  /** The owner's steps open now (the backend decides; each action checks again). */
  citizenSteps: ComplaintCitizenStep[];
}

/** What a citizen may do on their own complaint (core/complaint/workflow.ts declares them as kernel steps). */
export const COMPLAINT_CITIZEN_STEPS = ['addMaterial', 'rate', 'withdraw', 'withdrawReport'] as const;
export type ComplaintCitizenStep = (typeof COMPLAINT_CITIZEN_STEPS)[number];

export interface CitizenComplaintListItem {
  trackingNo: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subjectName: string;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  acceptanceDueDate: string;
  acceptanceDueProvisional: boolean;
}

export interface ComplaintSubmitted {
  trackingNo: string;
  submittedAt: string;
  acceptanceDueDate: string;
  /** True when the due date relies on a year without official holiday data (calendar "provisional"). */
  acceptanceDueProvisional: boolean;
}

/** The staff steps on a complaint; `StaffComplaintView.allowedSteps` names those the caller may take now. */
export const COMPLAINT_STAFF_STEPS = [
  'accept',
  'reject',
  'reply',
  'close',
  'assign',
  'linkDuplicate',
  'split',
  'decideCase',
  'extendCaseDecision',
  'extendPetition',
  'recordNotice',
] as const;
export type ComplaintStaffStep = (typeof COMPLAINT_STAFF_STEPS)[number];

/** `staff` `complaint.get`: the contact is masked unless the backend decided the caller may see it. */
export interface StaffComplaintView extends Omit<
  CitizenComplaintView,
  'contact' | 'photoCount' | 'photoUrls' | 'citizenSteps' | 'rejection'
> {
  id: string;
  source: string;
  sourceLabel: string;
  sourceRef: string | null;
  subjectLocation: { latitude: number; longitude: number } | null;
  unitId: string;
  sectionIds: string[];
  handlerIds: string[];
  rejection: { reason: string; label: string; note: string | null } | null;
  handlingDueDate: string | null;
  feedbackState: string;
  feedbackDueDate: string | null;
  duplicateOf: string | null;
  /** The tracking number of `duplicateOf` (what staff quote), or null. */
  duplicateOfTrackingNo: string | null;
  splitFrom: string | null;
  /** A report's case decision (立案 / 不立案), once recorded. */
  /** `caseId`: the case opened from this report in the case register, when it was opened there. */
  caseDecision: { caseOpened: boolean; at: string; note: string | null; caseId: string | null } | null;
  /** 信访 or not, recorded at receipt: a petition runs on the petition clocks. */
  channel: ComplaintChannel;
  channelLabel: string;
  /** The clocks as staff see them, each labelled (the handling target marked 内部目标 where it is no legal limit). */
  clocks: StaffComplaintClock[];
  /** A report's 立案 decision due date while it runs (15 working days from receipt, extendable once). */
  caseDecisionDueDate: string | null;
  /** A petition's legal finishing date (信访工作条例 Art. 35), after any extension. */
  petitionDueDate: string | null;
  /** How and when a staff-recorded complainant was told of the acceptance decision. */
  acceptanceNotice: { method: NoticeMethod; methodLabel: string; at: string; note: string | null } | null;
  /** A conduct complaint: the officer as given, and whether the register matched them (never who matched). */
  conduct: { officerGiven: OfficerConcerned | null; matched: boolean } | null;
  /**
   * The steps this caller may take now, decided by the backend from the caller's roles, the assignment and the
   * status (the page only shows them; every action checks again).
   */
  allowedSteps: ComplaintStaffStep[];
  /** Masked, or in clear for the handlers and their leaders. */
  contact: { name: string; phone: string } | null;
  identityVisible: boolean;
  photos: Array<{ url: string; contentType: string; size: number; sha256: string }>;
}

/** One clock of a complaint as the staff page shows it. */
export interface StaffComplaintClock {
  name: string;
  label: string;
  /** true for a period set by law; false for an internal target (内部目标). */
  legal: boolean;
  dueDate: string | null;
  stoppedOn: string | null;
  extendedDays: number;
}

/** One row of `staff` `complaint.queue`. */
export interface ComplaintQueueItem {
  id: string;
  trackingNo: string;
  kind: string;
  category: string;
  subjectName: string;
  status: string;
  statusLabel: string;
  source: string;
  receivedAt: string;
  acceptanceDueDate: string;
  handlingDueDate: string | null;
  feedbackDueDate: string | null;
  /** A report's 立案 decision due date while it is still to be made, else null. */
  caseDecisionDueDate?: string | null;
  /** A petition's legal finishing date once accepted, else null. */
  petitionDueDate?: string | null;
  handlerIds: string[];
  anonymous: boolean;
  contact: { name: string; phone: string } | null;
  /** The deadline that matters now (the nearest open clock), in working days from the calendar; null when none. */
  due: ComplaintQueueDue | null;
}

export interface ComplaintQueueDue {
  clock: 'acceptance' | 'handling' | 'feedback' | 'caseDecision' | 'petitionHandling';
  /** 受理期限 / 办结期限（内部目标） / 反馈期限 / 立案决定期限 / 信访办结期限 */
  label: string;
  /** Shanghai date, YYYY-MM-DD: the last day. */
  date: string;
  /** Working days left after today up to and including the due date (0: due today); negative when overdue. */
  workingDaysLeft: number;
  overdue: boolean;
}

/** A tab's count: at most PAGE_TOTAL_CAP, `capped` when more matched. */
export interface QueueCount {
  total: number;
  capped: boolean;
}

/** `complaint.queue`'s answer: a page, with the tabs' counts on a first page (null on later pages and searches). */
export type ComplaintQueuePage = Page<ComplaintQueueItem> & {
  counts: Record<CountedQueueTab, QueueCount> | null;
};

/** What a handling step (accept, reject, reply, close, ...) answers. */
export interface ComplaintStepDone {
  id: string;
  status: string;
  statusLabel: string;
}

// ---- Declarations: citizens' complaints and reports (PUB-3) and their handling by staff (REC-14) ----

const citizen = { fn: 'citizen', access: 'citizen' } as const;
const handling = { fn: 'staff', access: 'staff', roles: HANDLING_ROLES } as const;
const handlingStep = { ...handling, idempotent: true } as const;

/** Ids derive from the request, so a retry after a crash between commit and answer finds the one record. */
export const complaintSubmit = declareAction<ComplaintSubmitted>()({
  ...citizen,
  name: 'complaint.submit',
  idempotent: true,
  ids: 'request',
  input: complaintSubmitInput,
});
export const complaintMine = declareAction<Page<CitizenComplaintListItem>>()({
  ...citizen,
  name: 'complaint.mine',
  input: complaintMineInput,
});
export const citizenComplaintGet = declareAction<CitizenComplaintView>()({
  ...citizen,
  name: 'complaint.get',
  input: complaintGetInput,
});
export const complaintUploadPrefix = declareAction<ComplaintUploadPrefix>()({
  ...citizen,
  name: 'complaint.uploadPrefix',
  input: complaintUploadPrefixInput,
});

const ownerStep = { ...citizen, idempotent: true } as const;
export const complaintAddMaterial = declareAction<ComplaintOwnerStepDone>()({
  ...ownerStep,
  name: 'complaint.addMaterial',
  input: complaintAddMaterialInput,
});
export const complaintRate = declareAction<ComplaintOwnerStepDone>()({
  ...ownerStep,
  name: 'complaint.rate',
  input: complaintRateInput,
});
export const complaintWithdraw = declareAction<ComplaintOwnerStepDone>()({
  ...ownerStep,
  name: 'complaint.withdraw',
  input: complaintWithdrawInput,
});
export const complaintTerms = declareAction<ComplaintTerms>()({
  fn: 'public',
  access: 'public',
  name: 'complaint.terms',
  input: complaintTermsInput,
});

export const complaintQueue = declareAction<ComplaintQueuePage>()({
  ...handling,
  name: 'complaint.queue',
  input: complaintQueueInput,
});
export const staffComplaintGet = declareAction<StaffComplaintView>()({
  ...handling,
  name: 'complaint.get',
  input: complaintIdInput,
});
export const complaintHandlers = declareAction<Page<ComplaintHandlerOption>>()({
  ...handling,
  name: 'complaint.handlers',
  input: complaintHandlersInput,
});
export const complaintAccept = declareAction<ComplaintStepDone>()({
  ...handlingStep,
  name: 'complaint.accept',
  input: complaintAcceptInput,
});
export const complaintRecordNotice = declareAction<ComplaintStepDone>()({
  ...handlingStep,
  name: 'complaint.recordNotice',
  input: complaintRecordNoticeInput,
});
export const complaintExtendCaseDecision = declareAction<
  ComplaintStepDone & { caseDecisionDueDate: string | null }
>()({
  ...handlingStep,
  name: 'complaint.extendCaseDecision',
  input: complaintExtendCaseDecisionInput,
});
export const complaintExtendPetition = declareAction<
  ComplaintStepDone & { petitionDueDate: string | null }
>()({
  ...handlingStep,
  name: 'complaint.extendPetition',
  input: complaintExtendPetitionInput,
});
export const complaintReject = declareAction<ComplaintStepDone>()({
  ...handlingStep,
  name: 'complaint.reject',
  input: complaintRejectInput,
});
export const complaintDecideCase = declareAction<ComplaintStepDone & { feedbackDueDate: string | null }>()({
  ...handlingStep,
  name: 'complaint.decideCase',
  input: complaintCaseDecisionInput,
});
export const complaintReply = declareAction<ComplaintStepDone>()({
  ...handlingStep,
  name: 'complaint.reply',
  input: complaintReplyInput,
});
export const complaintClose = declareAction<ComplaintStepDone>()({
  ...handlingStep,
  name: 'complaint.close',
  input: complaintCloseInput,
});
export const complaintAssign = declareAction<{ id: string; handlerIds: string[] }>()({
  ...handlingStep,
  name: 'complaint.assign',
  input: complaintAssignInput,
});
export const complaintLinkDuplicate = declareAction<{ id: string; duplicateOf: string }>()({
  ...handlingStep,
  name: 'complaint.linkDuplicate',
  input: complaintLinkDuplicateInput,
});
export const complaintSplit = declareAction<{ id: string; trackingNo: string }>()({
  ...handlingStep,
  name: 'complaint.split',
  ids: 'request',
  input: complaintSplitInput,
});
export const complaintRecord = declareAction<{
  id: string;
  trackingNo: string;
  acceptanceDueDate: string;
  /** The date relies on a year without an official holiday table: tell the reporter it may move later. */
  acceptanceDueProvisional: boolean;
}>()({
  ...handlingStep,
  name: 'complaint.record',
  ids: 'request',
  input: complaintRecordInput,
});
