/**
 * Every action of every function, as declared (declare.ts): the server implements exactly these tables (a test
 * refuses a declared action without a handler and a handler without a declaration), and the mini-program's
 * typed client is derived from them. Adding an action: declare it in its feature's contract file, list it here,
 * write its handler and its tests.
 */
import * as annual from './annual';
import { CASE_STAFF_ACTIONS } from './case';
import * as complaint from './complaint';
import { CREDIT_STAFF_ACTIONS } from './credit';
import { contactPhoneNumber } from './contact';
import type { ClientApi } from './declare';
import { table } from './declare';
import * as ledger from './ledger';
import * as officer from './officer';
import * as officialAccount from './official-account';
import * as publication from './publication';
import * as publicationFullText from './publication-fulltext';
import { rightsGet } from './rights';
import { ORG_STAFF_ACTIONS } from './org';
import { SERVICE_ENROL_CITIZEN_ACTIONS, SERVICE_ENROL_STAFF_ACTIONS } from './service';
import * as system from './system';
import {
  SERVICE_DOCUMENT_CITIZEN_ACTIONS,
  SERVICE_DOCUMENT_SCHEDULER_ACTIONS,
  SERVICE_DOCUMENT_STAFF_ACTIONS,
} from './service-documents';

export const PUBLIC_API = table([
  officer.officerVerify,
  officer.officerList,
  ledger.ledgerHead,
  complaint.complaintTerms,
  publication.publicationList,
  publication.publicationGet,
  rightsGet,
  annual.statsAnnual,
] as const);

export const CITIZEN_API = table([
  complaint.complaintSubmit,
  complaint.complaintMine,
  complaint.citizenComplaintGet,
  complaint.complaintUploadPrefix,
  complaint.complaintAddMaterial,
  complaint.complaintRate,
  complaint.complaintWithdraw,
  contactPhoneNumber,
  ...SERVICE_DOCUMENT_CITIZEN_ACTIONS,
  ...SERVICE_ENROL_CITIZEN_ACTIONS,
] as const);

export const STAFF_API = table([
  ...ORG_STAFF_ACTIONS,
  officer.officerAdd,
  officer.officerUpdate,
  officer.officerSuspend,
  officer.officerReinstate,
  officer.officerRevoke,
  officer.officerCancel,
  officer.officerBadgeCode,
  ledger.ledgerVerify,
  ledger.ledgerAnchorsExport,
  system.dashboard,
  system.settingsGet,
  system.settingsPublish,
  system.calendarYears,
  system.calendarLoadYear,
  complaint.complaintQueue,
  complaint.staffComplaintGet,
  complaint.complaintHandlers,
  complaint.complaintAccept,
  complaint.complaintReject,
  complaint.complaintDecideCase,
  complaint.complaintReply,
  complaint.complaintClose,
  complaint.complaintAssign,
  complaint.complaintLinkDuplicate,
  complaint.complaintSplit,
  complaint.complaintRecord,
  complaint.complaintRecordNotice,
  complaint.complaintExtendCaseDecision,
  complaint.complaintExtendPetition,
  ...CASE_STAFF_ACTIONS,
  ...CREDIT_STAFF_ACTIONS,
  annual.annualGet,
  annual.annualStep,
  annual.annualRedraft,
  publication.publicationQueue,
  publication.publicationStaffGet,
  publication.publicationCreate,
  publication.publicationImport,
  publication.publicationFromDecision,
  publication.publicationDecisionQueue,
  publication.publicationEdit,
  publication.publicationCorrect,
  publication.publicationSubmit,
  publication.publicationReview,
  publication.publicationForward,
  publication.publicationApprove,
  publication.publicationBatchApprove,
  publication.publicationReject,
  publication.publicationOverride,
  publication.publicationNoteChange,
  publication.publicationWithdraw,
  publication.publicationPublishWithdrawalReason,
  publicationFullText.publicationSetFullText,
  publicationFullText.publicationConfirmRemovals,
  publicationFullText.publicationFullText,
  officialAccount.officialAccountDigests,
  officialAccount.officialAccountDigest,
  officialAccount.officialAccountPublish,
  officialAccount.officialAccountMassSend,
  officialAccount.outboxRetry,
  officialAccount.remindersChannels,
  officialAccount.remindersSetChannels,
  ...SERVICE_DOCUMENT_STAFF_ACTIONS,
  ...SERVICE_ENROL_STAFF_ACTIONS,
  publication.publicationCreditRepair,
] as const);

/** Timer-only: no client may call these (the router checks the trigger source). */
export const SCHEDULER_API = table([
  ledger.ledgerSequence,
  ledger.ledgerAnchor,
  system.outboxDeliver,
  system.housekeepingExpire,
  system.housekeepingUploads,
  system.calendarRecompute,
  publication.publicationPublishDue,
  officialAccount.officialAccountPrepare,
  officialAccount.officialAccountSweep,
  annual.annualDraft,
  officialAccount.remindersDaily,
  ...SERVICE_DOCUMENT_SCHEDULER_ACTIONS,
  publication.publicationDelistDue,
  publication.publicationCreditEndDue,
] as const);

export const API = {
  public: PUBLIC_API,
  citizen: CITIZEN_API,
  staff: STAFF_API,
  scheduler: SCHEDULER_API,
} as const;

/** What the mini-program may call: function → action → [payload, answer as it arrives (dates as strings)]. */
export type MiniprogramApi = ClientApi<{
  public: typeof PUBLIC_API;
  citizen: typeof CITIZEN_API;
  staff: typeof STAFF_API;
}>;
