/**
 * Serving documents electronically, the party's side and the receipts (REC-7, REC-16, PUB-5; docs/service.md
 * "Serving"): `staff` service.issue / ofCase / receipt / verifyReceipt / acceptLateHearing, `citizen` service.mine /
 * get / open / acknowledge / receipt / uploadSlot / state / requestHearing / requestRecusal, `scheduler`
 * service.flagUnopened. The enrolment's actions (consent, bindings) are declared in ./service.ts, not here.
 * zod/mini, so the pages check their forms with the same rules and Chinese messages.
 */
import * as z from 'zod/mini';
import { CASE_ROLES } from '../case/roles';
import type { DocumentType } from '../case/stages';
import { penaltySchema } from '../service/schemas';
import type { RightId } from '../service/rights';
import type { ServiceEvent } from '../service/serviceDate';
import type { ServiceDateRule } from '../service/serviceDate';
import { declareAction } from './declare';
import { withLabels } from './labels';

export const SERVICE_ID_PATTERN = /^svc_[0-9a-f]{24}$/;
export const RECEIPT_NO_PATTERN = /^SD\d{8}[0-9A-F]{8}$/;

const serviceId = z.string().check(z.regex(SERVICE_ID_PATTERN, '送达记录编号不正确'));
const text = (min: number, max: number, label: string) =>
  z.string().check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );
const isoDate = (label: string) => z.iso.date(`${label}格式应为 YYYY-MM-DD`);

/** How many photos a statement may carry (uploaded into the caller's quarantine slot first). */
export const MAX_STATEMENT_PHOTOS = 9;

export const serviceIssueInput = withLabels(
  z.strictObject({
    /** A document record of the case register whose file is the authority's sealed PDF. */
    recordId: z.string().check(z.regex(/^rec_[0-9a-f]{24}$/, '执法记录编号不正确')),
    /** The proposed (事先告知书) or decided (决定书) penalties: they decide the hearing right and the fine's duties. */
    penalties: z.optional(z.array(penaltySchema).check(z.maxLength(13, '处罚种类最多 13 项'))),
    /** A penalty decided on the spot (当场处罚): review comes before litigation (行政复议法 Art. 23). */
    onSpot: z.optional(z.boolean()),
    /** The statement period the notice gives, in working days (absent: the legal setting). */
    statementPeriodDays: z.optional(
      z.int('陈述申辩期限应为整数').check(z.minimum(3, '陈述申辩期限不能少于 3 个工作日'), z.maximum(30)),
    ),
    /** For a 听证通知书: the hearing date; the notice must reach the party 7 working days before (Art. 64(二)). */
    hearingDate: z.optional(isoDate('听证日期')),
  }),
  {
    recordId: '送达的文书',
    penalties: '处罚种类',
    'penalties.kind': '处罚种类',
    amountYuan: '金额',
    onSpot: '是否当场处罚',
    statementPeriodDays: '陈述申辩期限',
    hearingDate: '听证日期',
  },
);
export type ServiceIssueInput = z.infer<typeof serviceIssueInput>;

export const serviceIdInput = withLabels(z.strictObject({ serviceId }), { serviceId: '送达记录编号' });
export const caseServicesInput = withLabels(
  z.strictObject({ caseId: z.string().check(z.regex(/^case_[0-9a-f]{24}$/, '案件编号不正确')) }),
  { caseId: '案件编号' },
);
export const verifyReceiptInput = withLabels(
  z.strictObject({
    receiptNo: z.string().check(
      z.overwrite((v) => v.trim().toUpperCase()),
      z.regex(RECEIPT_NO_PATTERN, '送达凭证编号不正确'),
    ),
    /** The document hash printed on the receipt being checked (absent: only the ledger is checked). */
    fileSha256: z.optional(
      z.string().check(
        z.overwrite((v) => v.trim().toLowerCase()),
        z.regex(/^[0-9a-f]{64}$/, '文书哈希值应为 64 位十六进制（SHA-256）'),
      ),
    ),
  }),
  { receiptNo: '送达凭证编号', fileSha256: '文书哈希值' },
);

const photos = z.optional(
  z
    .array(z.string().check(z.minLength(8, '图片标识不正确'), z.maxLength(512, '图片标识不正确')))
    .check(z.maxLength(MAX_STATEMENT_PHOTOS, `图片最多 ${MAX_STATEMENT_PHOTOS} 张`)),
);

export const serviceStateInput = withLabels(
  z.strictObject({ serviceId, text: text(5, 5000, '陈述申辩内容'), photos }),
  { serviceId: '送达记录编号', text: '陈述申辩内容', photos: '图片' },
);
export const serviceHearingInput = withLabels(
  z.strictObject({ serviceId, reason: z.optional(text(0, 1000, '要求听证的理由')) }),
  { serviceId: '送达记录编号', reason: '要求听证的理由' },
);
export const serviceRecusalInput = withLabels(
  z.strictObject({ serviceId, reason: text(5, 2000, '申请回避的理由') }),
  { serviceId: '送达记录编号', reason: '申请回避的理由' },
);
export const acceptLateHearingInput = withLabels(
  z.strictObject({
    serviceId,
    submissionId: z.string().check(z.regex(/^sub_[0-9a-f]{20}$/, '提交记录编号不正确')),
    reason: text(5, 1000, '正当理由'),
  }),
  { serviceId: '送达记录编号', submissionId: '提交记录编号', reason: '正当理由' },
);

// ---------------------------------------------------------------------------------------------- answers

export type ServiceState = 'served' | 'opened' | 'acknowledged';
export type SubmissionKind = 'statement' | 'hearing' | 'recusal';

export interface SubmissionView {
  id: string;
  kind: SubmissionKind;
  text: string;
  photos: number;
  at: string;
  /** A statement after the notice's period: accepted and marked late (行政处罚法 Art. 62). */
  late: boolean;
  /** A hearing request refused as late and then accepted by staff for good cause. */
  acceptedLate: { reason: string; at: string } | null;
  /** A hearing request after its period, recorded as refused (the party was told the date it closed). */
  refused: boolean;
}

/** One right or duty with its date as shown to the party (provisional: the year's holiday table is not official). */
export interface DeadlineView {
  id: RightId;
  kind: 'right' | 'duty';
  title: string;
  text: string;
  article: string;
  due: string | null;
  from: string | null;
  untilDecision: boolean;
  provisional: boolean;
  /** The date told earlier was kept because a recomputation would have moved it earlier. */
  kept: boolean;
}

export interface ServiceTimesView {
  issuedAt: string;
  arrivedAt: string | null;
  firstOpenedAt: string | null;
  acknowledgedAt: string | null;
}

export interface ReceiptView {
  receiptNo: string;
  caseNo: string;
  docType: DocumentType;
  docTypeLabel: string;
  docNo: string | null;
  title: string;
  fileSha256: string;
  signerSubject: string;
  partyName: string;
  dateRule: ServiceDateRule;
  serviceDate: { date: string; at: string; by: ServiceEvent } | null;
  times: ServiceTimesView;
  deadlines: DeadlineView[];
}

export interface PartyServiceRow {
  id: string;
  caseNo: string;
  docTypeLabel: string;
  docNo: string | null;
  title: string;
  state: ServiceState;
  issuedAt: string;
  serviceDate: string | null;
}

/** The sealed file's format, fixed at issue: WeChat's viewer (wx.openDocument) opens PDF but not OFD. */
export type SealedFileFormat = 'pdf' | 'ofd';

export interface PartyServiceView extends PartyServiceRow {
  receiptNo: string;
  fileSha256: string;
  fileFormat: SealedFileFormat;
  times: ServiceTimesView;
  deadlines: DeadlineView[];
  submissions: SubmissionView[];
  /** Which submissions the document's rights allow (a hearing only where Art. 63 applies). */
  allows: { statement: boolean; hearing: boolean; recusal: boolean };
}

export interface OpenedFile {
  url: string;
  /** The URL stops working at this time (short-lived, server/media temporaryUrls). */
  expiresAt: string;
  fileSha256: string;
  fileFormat: SealedFileFormat;
}

export interface PaperFlagView {
  openBy: string;
  flagOn: string;
  paperBy: string;
  fits: boolean;
  flagged: boolean;
}

export interface HearingView {
  date: string;
  latestServiceDay: string;
  provisional: boolean;
  reschedule: boolean;
}

export interface StaffServiceView extends PartyServiceRow {
  caseId: string;
  recordId: string;
  partyName: string;
  receiptNo: string;
  fileSha256: string;
  fileFormat: SealedFileFormat;
  signerSubject: string;
  certSha256: string;
  /** The name the legal settings register the seal's certificate under; null: none registered, not compared. */
  sealRegisteredAs: string | null;
  dateRule: ServiceDateRule;
  times: ServiceTimesView;
  paper: PaperFlagView;
  hearing: HearingView | null;
  submissions: SubmissionView[];
}

export interface ReceiptCheck {
  ok: boolean;
  receiptNo: string;
  checks: Array<{ name: 'ledger' | 'storedFile' | 'receiptHash'; ok: boolean; message: string }>;
  receipt: ReceiptView | null;
}

export interface StatementUploadSlot {
  paths: string[];
  maxPhotos: number;
  uploadBy: string;
}

// ---------------------------------------------------------------------------------------------- actions

const staff = { fn: 'staff', access: 'staff', roles: CASE_ROLES } as const;
const citizen = { fn: 'citizen', access: 'citizen' } as const;

export const serviceIssue = declareAction<StaffServiceView>()({
  ...staff,
  name: 'service.issue',
  idempotent: true,
  ids: 'request',
  input: serviceIssueInput,
});
export const serviceOfCase = declareAction<StaffServiceView[]>()({
  ...staff,
  name: 'service.ofCase',
  input: caseServicesInput,
});
export const serviceStaffReceipt = declareAction<ReceiptView>()({
  ...staff,
  name: 'service.staffReceipt',
  input: serviceIdInput,
});
export const serviceVerifyReceipt = declareAction<ReceiptCheck>()({
  ...staff,
  name: 'service.verifyReceipt',
  input: verifyReceiptInput,
});
export const serviceAcceptLateHearing = declareAction<StaffServiceView>()({
  ...staff,
  name: 'service.acceptLateHearing',
  idempotent: true,
  input: acceptLateHearingInput,
});

/** One page of "我的送达文书", newest first; `nextCursor` asks for the next (null: no more). */
export interface PartyServicePage {
  items: PartyServiceRow[];
  nextCursor: string | null;
}
export const serviceMineInput = withLabels(
  z.strictObject({
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200, '分页标记不正确'))),
  }),
  { cursor: '分页标记' },
);
export const serviceMine = declareAction<PartyServicePage>()({
  ...citizen,
  name: 'service.mine',
  input: serviceMineInput,
});
export const serviceGet = declareAction<PartyServiceView>()({
  ...citizen,
  name: 'service.get',
  input: serviceIdInput,
});
export const serviceOpen = declareAction<OpenedFile>()({
  ...citizen,
  name: 'service.open',
  idempotent: true,
  input: serviceIdInput,
});
export const serviceAcknowledge = declareAction<PartyServiceView>()({
  ...citizen,
  name: 'service.acknowledge',
  idempotent: true,
  input: serviceIdInput,
});
export const serviceReceipt = declareAction<ReceiptView>()({
  ...citizen,
  name: 'service.receipt',
  input: serviceIdInput,
});
export const serviceUploadSlot = declareAction<StatementUploadSlot>()({
  ...citizen,
  name: 'service.uploadSlot',
  input: serviceIdInput,
});
export const serviceState = declareAction<SubmissionView>()({
  ...citizen,
  name: 'service.state',
  idempotent: true,
  ids: 'request',
  input: serviceStateInput,
});
export const serviceRequestHearing = declareAction<SubmissionView>()({
  ...citizen,
  name: 'service.requestHearing',
  idempotent: true,
  ids: 'request',
  input: serviceHearingInput,
});
export const serviceRequestRecusal = declareAction<SubmissionView>()({
  ...citizen,
  name: 'service.requestRecusal',
  idempotent: true,
  ids: 'request',
  input: serviceRecusalInput,
});

export const serviceFlagUnopened = declareAction<{ flagged: number }>()({
  fn: 'scheduler',
  name: 'service.flagUnopened',
  access: 'timer',
  input: z.strictObject({}),
});

export const SERVICE_DOCUMENT_STAFF_ACTIONS = [
  serviceIssue,
  serviceOfCase,
  serviceStaffReceipt,
  serviceVerifyReceipt,
  serviceAcceptLateHearing,
] as const;
export const SERVICE_DOCUMENT_CITIZEN_ACTIONS = [
  serviceMine,
  serviceGet,
  serviceOpen,
  serviceAcknowledge,
  serviceReceipt,
  serviceUploadSlot,
  serviceState,
  serviceRequestHearing,
  serviceRequestRecusal,
] as const;
export const SERVICE_DOCUMENT_SCHEDULER_ACTIONS = [serviceFlagUnopened] as const;
