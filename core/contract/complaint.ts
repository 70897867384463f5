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
  '其他',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

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

const trimmed = (min: number, max: number, label: string) =>
  z.string().check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

/** Mainland mobile numbers, or a landline with its area code (023-12345678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const phoneSchema = z.string().check(
  z.overwrite((v) => v.replace(/\s/g, '')),
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
const COMPLAINT_LABELS = { kind: '投诉或举报', id: '投诉举报编号' } as const;

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
    })
    .check(anonymousOnlyForReports),
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

// ---- staff -------------------------------------------------------------------------------------------------

export const COMPLAINT_ID_PATTERN = /^cmp_[0-9a-f]{24}$/;
const complaintId = z.string().check(z.regex(COMPLAINT_ID_PATTERN, '投诉举报编号不正确'));
const staffId = z.string().check(z.minLength(1), z.maxLength(64));

export const complaintQueueInput = z.strictObject({
  status: z.optional(z.enum(['submitted', 'accepted', 'rejected', 'closed'])),
  mine: z.optional(z.boolean()),
  cursor,
  pageSize,
});
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

export const complaintRejectInput = withLabels(
  z
    .strictObject({
      id: complaintId,
      reason: z.enum(REJECTION_REASON_CODES, '请从列表中选择不予受理的理由'),
      note: z.optional(trimmed(2, 500, '说明')),
    })
    .check(
      z.refine<{ reason: string; note?: string }>((v) => v.reason !== 'other' || !!v.note, {
        message: '选择“其他”时须写明理由',
        path: ['note'],
      }),
    ),
  { ...COMPLAINT_LABELS, reason: '不予受理的理由' },
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
    })
    .check(anonymousOnlyForReports),
  COMPLAINT_LABELS,
);
export type ComplaintRecordInput = z.infer<typeof complaintRecordInput>;

// ---- views -------------------------------------------------------------------------------------------------

export type ComplaintStatus = 'submitted' | 'accepted' | 'rejected' | 'closed';

export interface ComplaintTimelineEntry {
  at: string;
  event: 'submitted' | 'accepted' | 'rejected' | 'caseDecided' | 'replied' | 'closed';
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
  anonymous: boolean;
  contact: { name: string; phone: string } | null;
  timeline: ComplaintTimelineEntry[];
  result: string | null;
}

export interface CitizenComplaintListItem {
  trackingNo: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subjectName: string;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  acceptanceDueDate: string;
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
] as const;
export type ComplaintStaffStep = (typeof COMPLAINT_STAFF_STEPS)[number];

/** `staff` `complaint.get`: the contact is masked unless the backend decided the caller may see it. */
export interface StaffComplaintView extends Omit<CitizenComplaintView, 'contact' | 'photoCount'> {
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
  handlerIds: string[];
  anonymous: boolean;
  contact: { name: string; phone: string } | null;
}

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

export const complaintQueue = declareAction<Page<ComplaintQueueItem>>()({
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
  input: complaintIdInput,
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
export const complaintRecord = declareAction<{ id: string; trackingNo: string; acceptanceDueDate: string }>()(
  {
    ...handlingStep,
    name: 'complaint.record',
    ids: 'request',
    input: complaintRecordInput,
  },
);
