/**
 * The publication actions' contract (PUB-6, 7, 8, 10, 11, 12, 13; docs/publication.md): staff prepare entries
 * (a form or a 双公示 CSV), take them through the four-step approval on the workflow kernel, withdraw them; the
 * public lists and reads ONLY the public projection (core/publication/public-view.ts). zod/mini, like the other
 * contracts: the mini-program bundles these to check its forms with the same Chinese messages.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { withLabels } from './labels';
import { ENTRY_KINDS, entrySchema, overrideSchema, type EntryKind } from '../publication/fields';
import type { EntryState } from '../publication/workflow';
import type { PublicView, WithdrawalNotice } from '../publication/public-view';
import type { SgsRowError } from '../publication/sgs-csv';
import type { WithholdReason } from '../publication/disclosure';
import { isPlainDate } from '../publication/dates';
import { DECISION_CHANGES } from '../publication/options';

const entryId = z.string('请填写条目编号').check(z.regex(/^pub_[0-9a-f]{8,40}$/, '条目编号格式不正确'));
const cursor = z.optional(z.string().check(z.maxLength(200)));
const pageSize = z.optional(z.int().check(z.minimum(1), z.maximum(50)));
const comment = (label: string, min = 0) =>
  z.string(`请填写${label}`).check(
    z.overwrite((v) => v.trim()),
    z.minLength(Math.max(min, 1), `请填写${label}`),
    z.maxLength(500, `${label}不能超过 500 个字`),
  );
const plainDate = (label: string) =>
  z.string(`请填写${label}`).check(z.refine(isPlainDate, `${label}应为有效日期（年-月-日）`));
/** When to publish after approval (ISO time with a zone); absent: at once. */
const publishAt = z.optional(
  z
    .string('发布时间应为时间')
    .check(
      z.refine(
        (v) => /[zZ]|[+-]\d{2}:\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
        '发布时间应为带时区的时间',
      ),
    ),
);

const LABELS = {
  id: '条目编号',
  entry: '公示条目',
  comment: '意见',
  reason: '理由',
  publishAt: '发布时间',
  ids: '条目编号列表',
  csv: 'CSV 文件内容',
  sectionId: '所属科室',
  effectiveOn: '变更决定生效日期',
  receivedOn: '收到变更决定日期',
  change: '变更类别',
  keyword: '关键词',
  kind: '公示类别',
  cursor: '分页位置',
  pageSize: '每页条数',
} as const;

/**
 * `replaces`: the entry of the decision this one changes (PUB-13: a changed decision's new entry links to the
 * old one, which was withdrawn or is to be).
 */
export const publicationCreateInput = withLabels(
  z.strictObject({ entry: entrySchema, replaces: z.optional(entryId) }),
  { ...LABELS, replaces: '被变更决定的公示条目' },
);
/** The preparer corrects a draft (a new entry, or one sent back): the whole entry again, same unit and section. */
export const publicationEditInput = withLabels(z.strictObject({ id: entryId, entry: entrySchema }), LABELS);
export const publicationImportInput = withLabels(
  z.strictObject({
    /** The file's text (UTF-8), at most MAX_IMPORT_ROWS rows; the same file is sent again to go on. */
    csv: z
      .string('请上传 CSV 文件')
      .check(z.minLength(1, 'CSV 文件为空'), z.maxLength(2_000_000, 'CSV 文件过大，请分成多个文件导入')),
    unitId: z.string('请选择所属单位').check(z.minLength(1, '请选择所属单位'), z.maxLength(64)),
    sectionId: z.nullable(z.string('请选择所属科室').check(z.minLength(1), z.maxLength(64))),
    /** Go on from this file line (the previous answer's `nextLine`); absent: from the first row. */
    fromLine: z.optional(z.int('起始行应为整数').check(z.minimum(2, '起始行应为整数'), z.maximum(1_000_000))),
  }),
  { ...LABELS, fromLine: '起始行' },
);
/** Rows a file may have; a larger file is refused, to be split. */
export const MAX_IMPORT_ROWS = 5000;
/** Rows one call applies at most (each is its own transaction); the rest is applied by calls that go on. */
export const IMPORT_BATCH_ROWS = 200;

export const publicationIdInput = withLabels(z.strictObject({ id: entryId }), LABELS);
export const publicationReviewInput = withLabels(
  z.strictObject({ id: entryId, comment: z.optional(comment('意见')) }),
  LABELS,
);
export const publicationApproveInput = withLabels(z.strictObject({ id: entryId, publishAt }), LABELS);
export const publicationRejectInput = withLabels(
  z.strictObject({ id: entryId, comment: comment('退回意见') }),
  LABELS,
);
/**
 * `publication.fromDecision` (PUB-6, PUB-10): a draft from a decision recorded in the case register, named by the
 * case and the decision's document number; the register fills what it holds, the rest is answered as `missing`.
 */
export const publicationFromDecisionInput = withLabels(
  z.strictObject({
    caseId: z.string('请选择案件').check(z.regex(/^case_[0-9a-f]{24}$/, '案件编号不正确')),
    docNo: z.string('请填写决定书文号').check(
      z.overwrite((v) => v.trim()),
      z.minLength(1, '请填写决定书文号'),
      z.maxLength(60, '决定书文号不能超过 60 个字'),
    ),
  }),
  { ...LABELS, caseId: '案件编号', docNo: '决定书文号' },
);
/** `publication.decisionQueue`: the preparer's decisions with no entry yet (no input). */
export const publicationDecisionQueueInput = z.strictObject({});
/** A decision of the case register with no publication entry yet (PUB-6, PUB-12): no party data. */
export interface PendingDecisionRow {
  caseId: string;
  caseNo: string;
  unitId: string;
  sectionId: string;
  docNo: string;
  decisionDate: string;
  kind: EntryKind;
  dueDate: string;
  /** On the caller's today: `overdue`, `dueSoon` (its last 2 working days) or `ok`. */
  status: 'overdue' | 'dueSoon' | 'ok';
}
/**
 * A worklist, earliest due first, not a browsing list: at most MAX_PENDING_DECISIONS cases per unit are read;
 * `truncated` says more are waiting (make entries from the earliest, and the rest follow).
 */
export interface PendingDecisions {
  items: PendingDecisionRow[];
  truncated: boolean;
}
export const MAX_PENDING_DECISIONS = 100;
export const MAX_BATCH = 100;
export const publicationBatchApproveInput = withLabels(
  z.strictObject({
    ids: z
      .array(entryId)
      .check(z.minLength(1, '请选择要批准的条目'), z.maxLength(MAX_BATCH, `一次最多批准 ${MAX_BATCH} 条`)),
    publishAt,
  }),
  LABELS,
);
export { DECISION_CHANGES, DECISION_CHANGE_LABELS } from '../publication/options';
export const publicationNoteChangeInput = withLabels(
  z.strictObject({
    id: entryId,
    change: z.enum(DECISION_CHANGES, '变更类别不在可选范围内'),
    effectiveOn: plainDate('变更决定生效日期'),
    receivedOn: plainDate('收到变更决定日期'),
  }),
  LABELS,
);
export const publicationWithdrawInput = withLabels(
  z.strictObject({ id: entryId, reason: comment('撤回理由', 5) }),
  LABELS,
);
export const publicationOverrideInput = withLabels(
  z.strictObject({
    id: entryId,
    ground: overrideSchema.shape.ground,
    reason: overrideSchema.shape.reason,
    assessmentId: overrideSchema.shape.assessmentId,
  }),
  { ...LABELS, ground: '公开理由类别', assessmentId: '个人信息保护影响评估记录编号' },
);
export const publicationListInput = withLabels(
  z.strictObject({
    kind: z.optional(z.enum(ENTRY_KINDS, '公示类别不在可选范围内')),
    keyword: z.optional(
      z.string().check(
        z.overwrite((v) => v.trim()),
        z.maxLength(50, '关键词不能超过 50 个字'),
      ),
    ),
    cursor,
    pageSize,
  }),
  LABELS,
);

/** The staff queues (the pages' tabs): mine, the reviewer's, the office's, the principal's, and the section's. */
export const STAFF_QUEUES = ['mine', 'review', 'office', 'approval', 'section'] as const;
export type StaffQueue = (typeof STAFF_QUEUES)[number];
export const publicationQueueInput = withLabels(
  z.strictObject({
    queue: z.enum(STAFF_QUEUES, '队列不在可选范围内'),
    cursor,
    pageSize,
  }),
  { ...LABELS, queue: '队列' },
);

/** A row of a staff queue: no personal data beyond the party's public name. */
export interface PublicationQueueRow {
  id: string;
  kind: EntryKind;
  docNo: string;
  partyName: string;
  decisionDate: string;
  status: EntryState;
  statusLabel: string;
  unitId: string;
  sectionId: string | null;
  /** The earliest open due date (publication or withdrawal), or null. */
  dueDate: string | null;
  withheld: WithholdReason[];
  round: number;
}

/** The staff detail: the entry, its history, what the caller may do now, and what the public would see. */
export interface PublicationStaffView extends PublicationQueueRow {
  entry: import('../publication/fields').PublicationEntry;
  /**
   * The party's ID numbers, phone and home address are masked in `entry` (the caller's role does not read them:
   * the office's 公示专员, the auditor); false for the section's officers and the preparer, reviewer, principal.
   */
  identifiersHidden?: boolean;
  withheldLabels: string[];
  publicPreview: PublicView;
  allowedSteps: string[];
  acts: Array<{ step: string; label: string; round: number; actedAt: string; byMe: boolean }>;
  comments: Array<{ step: string; round: number; text: string; at: string; byMe: boolean }>;
  publishAt: string | null;
  publishedAt: string | null;
  withdrawal: {
    reason: string | null;
    reasonPublished: boolean;
    change?: string;
    effectiveOn?: string;
    receivedOn?: string;
    withdrawnOn?: string;
  } | null;
  channels: Record<string, string>;
  /** Versions: this one's number, the one it corrects, the open correction, and the public document's id. */
  version: number;
  supersedes: string | null;
  correctionId: string | null;
  publicId: string;
  replaces: { id: string; docNo: string } | null;
  /** The changed decision's new entry that replaces this one (PUB-13), once published. (The fields from here on
   * were added with entries from decisions; the server always sends them, optional only to keep older fixtures.) */
  replacedBy?: { id: string; docNo: string } | null;
  /** Made from a decision in the case register: the case and the decision's document number (PUB-6). */
  fromDecision?: { caseId: string; caseNo: string; docNo: string } | null;
  /** Fields the preparer still has to fill in (a draft from a decision); it cannot be submitted until empty. */
  missing?: Array<{ path: string; message: string }>;
  /**
   * The public list drops a published entry at its display end (公示截止期, CF_GSJZQ); null: no end. `delisted`:
   * the date it left the list (staff still see it).
   */
  displayUntil?: string | null;
  delistedOn?: string | null;
}

/** What staff get back from a step. */
export interface PublicationStepDone {
  id: string;
  status: EntryState;
  /** Set after approval when publishing waits for a set time. */
  publishAt: string | null;
}
export interface PublicationCreated {
  id: string;
  status: EntryState;
  /** Grounds on which the entry is withheld as it stands (PUB-8), recorded on the entry. */
  withheld: WithholdReason[];
}
/** A draft from a decision: what the preparer still has to fill in (path and message; empty: complete). */
export interface PublicationFromDecision extends PublicationCreated {
  missing: Array<{ path: string; message: string }>;
}
/**
 * `imported`: every row from `fromLine` on is in; `partial`: this call's batch is in, send the same file again
 * with `fromLine: nextLine`. `count` and `ids` are this call's. A row's id derives from the unit, section, file
 * and line, so sending a batch (or the whole file) again creates nothing twice.
 */
export type PublicationImportAnswer =
  | { status: 'imported' | 'partial'; count: number; ids: string[]; total: number; nextLine: number | null }
  | { status: 'refused'; errors: SgsRowError[] };
export interface BatchItemResult {
  id: string;
  ok: boolean;
  /** Refused: the error code and the plain reason; `notReached`: the call ran out of time, send it again. */
  code?: string;
  message?: string;
}
export interface BatchApproveAnswer {
  results: BatchItemResult[];
  approved: number;
  /** Ids not reached in this call (chunked to the function's time): send them again. */
  remaining: string[];
}

/** A public list item: a published entry's summary, or a withdrawn entry's notice (no content). */
export type PublicationPublicItem =
  | {
      id: string;
      withdrawn: false;
      view: PublicView;
      /** The withdrawn entry of the decision this one changed (its notice's id and document number). */
      replaces?: { id: string; docNo: string };
      /** The entry of the changed decision that replaces this one (PUB-13; 行政处罚法 Art. 48). */
      replacedBy?: { id: string; docNo: string };
    }
  | {
      id: string;
      withdrawn: true;
      notice: WithdrawalNotice;
      /** The entry of the changed decision that replaces this withdrawn one (PUB-13; 行政处罚法 Art. 48). */
      replacedBy?: { id: string; docNo: string };
    };

export type PublicationKind = EntryKind;

const staffRoles = (roles: readonly ('officer' | 'reviewer' | 'publisher' | 'principal')[]) =>
  ({ fn: 'staff', access: 'staff', roles, idempotent: true }) as const;

export const publicationCreate = declareAction<PublicationCreated>()({
  ...staffRoles(['officer']),
  name: 'publication.create',
  ids: 'request',
  input: publicationCreateInput,
});
export const publicationFromDecision = declareAction<PublicationFromDecision>()({
  ...staffRoles(['officer']),
  name: 'publication.fromDecision',
  input: publicationFromDecisionInput,
});
export const publicationDecisionQueue = declareAction<PendingDecisions>()({
  fn: 'staff',
  access: 'staff',
  roles: ['officer'],
  name: 'publication.decisionQueue',
  input: publicationDecisionQueueInput,
});
export const publicationImport = declareAction<PublicationImportAnswer>()({
  ...staffRoles(['officer']),
  name: 'publication.import',
  ids: 'request',
  input: publicationImportInput,
});
export const publicationEdit = declareAction<PublicationStepDone>()({
  ...staffRoles(['officer']),
  name: 'publication.edit',
  input: publicationEditInput,
});
/** A correction of a published entry: a new version through the same flow; the current one stays public. */
export const publicationCorrect = declareAction<PublicationStepDone & { correctionId: string }>()({
  ...staffRoles(['officer']),
  name: 'publication.correct',
  ids: 'request',
  input: publicationEditInput,
});
export const publicationSubmit = declareAction<PublicationStepDone>()({
  ...staffRoles(['officer']),
  name: 'publication.submit',
  input: publicationIdInput,
});
export const publicationReview = declareAction<PublicationStepDone>()({
  ...staffRoles(['reviewer']),
  name: 'publication.review',
  input: publicationReviewInput,
});
export const publicationForward = declareAction<PublicationStepDone>()({
  ...staffRoles(['publisher']),
  name: 'publication.forward',
  input: publicationReviewInput,
});
export const publicationApprove = declareAction<PublicationStepDone>()({
  ...staffRoles(['principal']),
  name: 'publication.approve',
  input: publicationApproveInput,
});
export const publicationBatchApprove = declareAction<BatchApproveAnswer>()({
  ...staffRoles(['principal']),
  name: 'publication.batchApprove',
  input: publicationBatchApproveInput,
});
export const publicationReject = declareAction<PublicationStepDone>()({
  ...staffRoles(['reviewer', 'publisher', 'principal']),
  name: 'publication.reject',
  input: publicationRejectInput,
});
export const publicationOverride = declareAction<PublicationStepDone>()({
  ...staffRoles(['principal']),
  name: 'publication.override',
  input: publicationOverrideInput,
});
export const publicationNoteChange = declareAction<PublicationStepDone>()({
  ...staffRoles(['officer', 'reviewer', 'publisher', 'principal']),
  name: 'publication.noteChange',
  input: publicationNoteChangeInput,
});
export const publicationWithdraw = declareAction<PublicationStepDone>()({
  ...staffRoles(['officer', 'reviewer', 'publisher', 'principal']),
  name: 'publication.withdraw',
  input: publicationWithdrawInput,
});
export const publicationPublishWithdrawalReason = declareAction<PublicationStepDone>()({
  ...staffRoles(['reviewer', 'principal']),
  name: 'publication.publishWithdrawalReason',
  input: publicationIdInput,
});

/** Staff who take part in publication (any of the workflow's roles, or an auditor) read queues and entries. */
const reading = {
  fn: 'staff',
  access: 'staff',
  roles: ['officer', 'reviewer', 'publisher', 'principal', 'auditor'],
} as const;
export const publicationQueue = declareAction<Page<PublicationQueueRow>>()({
  ...reading,
  name: 'publication.queue',
  input: publicationQueueInput,
});
export const publicationStaffGet = declareAction<PublicationStaffView>()({
  ...reading,
  name: 'publication.staffGet',
  input: publicationIdInput,
});

export const publicationList = declareAction<Page<PublicationPublicItem>>()({
  fn: 'public',
  access: 'public',
  name: 'publication.list',
  input: publicationListInput,
});
export const publicationGet = declareAction<PublicationPublicItem>()({
  fn: 'public',
  access: 'public',
  name: 'publication.get',
  input: publicationIdInput,
});

/** Timer: publishes approved entries whose set time has come (the scheduler's every-minute fan-out). */
export const publicationPublishDue = declareAction<{ published: number; refused: number; more: boolean }>()({
  fn: 'scheduler',
  name: 'publication.publishDue',
  access: 'timer',
  input: z.strictObject({}),
});

/** Timer: takes published entries off the public list at their display end (公示截止期); staff still see them. */
export const publicationDelistDue = declareAction<{ delisted: number; more: boolean }>()({
  fn: 'scheduler',
  name: 'publication.delistDue',
  access: 'timer',
  input: z.strictObject({}),
});

/**
 * `publication.creditRepair` (NDRC Order No. 58, 2023): a penalty's early removal from the credit
 * platform after credit repair (信用修复), once its minimum display period has passed, with the reason (e.g. the
 * platform's repair decision). The record and the other channels are untouched.
 */
export const publicationCreditRepairInput = withLabels(
  z.strictObject({ id: entryId, reason: comment('信用修复理由', 5) }),
  { ...LABELS, reason: '信用修复理由' },
);
export interface PublicationCreditRepaired {
  id: string;
  /** The day it left the credit platform's listing. */
  removedOn: string;
}
export const publicationCreditRepair = declareAction<PublicationCreditRepaired>()({
  ...staffRoles(['publisher', 'principal']),
  name: 'publication.creditRepair',
  input: publicationCreditRepairInput,
});

/** Timer: ends penalties' listing on the credit platform after their longest display period (from the decision). */
export const publicationCreditEndDue = declareAction<{ ended: number; more: boolean }>()({
  fn: 'scheduler',
  name: 'publication.creditEndDue',
  access: 'timer',
  input: z.strictObject({}),
});
