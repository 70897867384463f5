/**
 * The stored complaint (collection `complaints`). Ownership is `ownerRef`, a pseudonym of the caller used for
 * complaints only (`saltedRef('complaint-owner', openid)`), so complaint records cannot be joined with the same
 * WeChat identity's records in other features (those use `saltedRef('openid', …)`). The complainant's name, phone
 * and openid (for subscribe messages) are sealed with the record's own key (server/privacy); only masked forms are
 * stored in clear. Ledger entries hash the whole state, so the sealed box is covered without exposing it.
 */
import { toShanghaiDate } from '../../../core/calendar';
import { formatTrackingNo } from '../../../core/complaint/tracking-no';
import type { IdSource } from '../../platform/ids';
import type { WorkflowFields } from '../../../core/workflow/define';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintKind,
  NoticeMethod,
  OfficerConcerned,
  ComplaintSource,
  ComplaintStatus,
  ComplaintTimelineEntry,
} from '../../../core/contract/complaint';
import type { RejectionReason } from '../../../core/complaint/reasons';
import type { SealedPersonalData } from '../../privacy';

export const COMPLAINTS_COLLECTION = 'complaints';

export interface StoredPhoto {
  fileID: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What is sealed: never stored or logged in clear. */
export type ComplainantSecret = {
  name: string;
  phone: string;
  /** For subscribe messages; absent for staff-recorded complaints. */
  openid?: string;
};

/** A report's 立案 decision: `due` while its clock runs, `decided`, or `notOwed` (complaints, not accepted). */
export type CaseDecisionState = 'notOwed' | 'due' | 'decided';

/** A conduct complaint: the officer as given, and the staff accounts the register matched (kept from them). */
export interface ConductMark {
  officerGiven: OfficerConcerned | null;
  concernedStaffIds: string[];
}

/** `notOwed` (complaints, anonymous reports), `pending` (until the case decision), `due`, `given`. */
export type FeedbackState = 'notOwed' | 'pending' | 'due' | 'given';

export interface ComplaintRecord {
  _id: string;
  _rev: number;
  trackingNo: string;
  /** Pseudonym of the submitting identity; null for complaints recorded by staff. */
  ownerRef: string | null;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject: { name: string; address: string; location?: { latitude: number; longitude: number } };
  description: string;
  photos: StoredPhoto[];
  source: ComplaintSource;
  sourceRef: string | null;
  anonymous: boolean;
  contactSealed: SealedPersonalData | null;
  contactMasked: { name: string; phone: string } | null;
  status: ComplaintStatus;
  /** The unit that handles it (the enforcement unit), and its assignment. */
  unitId: string;
  sectionIds: string[];
  handlerIds: string[];
  receivedAt: Date;
  acceptanceDueDate: string;
  decidedAt: Date | null;
  rejection: { reason: RejectionReason; note: string | null } | null;
  handlingDueDate: string | null;
  /** `caseId`: the case opened from this report in the case register (server/features/case). */
  caseDecision: { caseOpened: boolean; at: Date; note?: string | null; caseId?: string } | null;
  feedbackState: FeedbackState;
  feedbackDueDate: string | null;
  closedAt: Date | null;
  result: string | null;
  /** The citizen-visible steps (replies included), oldest first. */
  timeline: Array<Omit<ComplaintTimelineEntry, 'at' | 'label'> & { at: Date }>;
  duplicateOf: string | null;
  splitFrom: string | null;
  /** The record split off this one: a record is split once (records stored before this field have none). */
  splitInto?: string | null;
  /** 信访 or not, recorded at receipt (absent on records stored before: regular). */
  channel?: ComplaintChannel;
  caseDecisionState?: CaseDecisionState;
  /** The report's 立案 decision due date while its clock runs (indexed for the dashboard). */
  caseDecisionDueDate?: string | null;
  /** A petition's legal finishing date after acceptance (indexed for the dashboard). */
  petitionDueDate?: string | null;
  /** How and when a staff-recorded complainant was told of the acceptance decision. */
  acceptanceNotice?: { method: NoticeMethod; at: Date; note: string | null } | null;
  /** Approved extensions (立案 period, petition handling): who approved, why, how long. */
  extensions?: Array<{ clock: string; days: number; reason: string; approvedBy: string; at: Date }>;
  /** Set for a complaint about enforcement conduct (routed to the commission's oversight section). */
  conduct?: ConductMark | null;
  /** Settings version of the acceptance deadline (set at receipt). */
  settingsVersion: number;
  /** `<receivedAt ISO>_<id>`: a total order for cursor paging that is stable under inserts. */
  sortKey: string;
  /** The owner's additions (text in the timeline, photos appended to `photos`), rating and withdrawal. */
  materials?: Array<{ at: Date; text: string | null; photoCount: number }>;
  rating?: { score: number; comment: string | null; at: Date } | null;
  withdrawnAt?: Date | null;
  /** The workflow kernel's part (acts, rounds, clocks); absent on complaints stored before the kernel. */
  _wf?: WorkflowFields;
  createdAt: Date;
  updatedAt: Date;
}

export type ComplaintState = Omit<ComplaintRecord, '_id' | '_rev'>;

export const sortKeyOf = (receivedAt: Date, id: string) => `${receivedAt.toISOString()}_${id}`;

/** The data key's record reference of a complaint (server/privacy binds the ciphertext to it). */
export const sealRef = (id: string) => `${COMPLAINTS_COLLECTION}/${id}`;

/**
 * A new complaint's id and tracking number, from the call's id policy: `complaint.submit`, `.record` and `.split`
 * derive them from the request, so a retry after a crash finds the record it made. `purpose` tells apart
 * the records one request may create.
 */
export function newComplaintIds(
  call: { ids: IdSource; now: Date },
  purpose: string,
): { id: string; trackingNo: string } {
  return {
    id: call.ids.newId('cmp', purpose, 24),
    trackingNo: formatTrackingNo(toShanghaiDate(call.now), call.ids.entropy(`tracking-no:${purpose}`)),
  };
}
