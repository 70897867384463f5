/**
 * What the mini-program takes from core/ (docs/architecture.md "Layers"): bundled by scripts/build-miniprogram.ts into
 * miniprogram/core-bundle/index.js with zod/mini only. Keep it small: runtime exports here are shipped to phones;
 * types cost nothing.
 */
export { DEFAULT_MESSAGES, ERROR_CODES } from './contract/envelope';
export type { Envelope, ErrorBody, ErrorCode, Page } from './contract/envelope';
export { officerVerifyInput, OFFICER_VERIFY_PAGE } from './contract/officer';
export type { OfficerListInput, OfficerPublicView, OfficerVerifyInput } from './contract/officer';
export { issuesToFields } from './contract/validation';
export { normalizeCertNo, shortIdFromScene } from './officer/cert-no';
export { OFFICER_STATUS_LABELS } from './officer/status';
export type { OfficerStatus } from './officer/status';
export { ROLE_LABELS } from './org/roles';
export { DASHBOARD_ROLES, seesDashboard } from './contract/dashboard';
export type { DashboardCounts, DashboardView } from './contract/dashboard';
export type {
  DeliveryView,
  DigestSummary,
  DigestView,
  ReminderChannelsView,
} from './contract/official-account';
export {
  COMPLAINT_CATEGORIES,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_KINDS,
  complaintSubmitInput,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_PHOTOS,
  complaintRejectInput,
  complaintReplyInput,
  complaintCloseInput,
  complaintAssignInput,
  complaintLinkDuplicateInput,
  complaintSplitInput,
  complaintCaseDecisionInput,
  complaintRecordInput,
  COMPLAINT_SOURCE_LABELS,
  complaintAddMaterialInput,
  complaintRateInput,
  complaintWithdrawInput,
  COMPLAINT_MATERIAL_LIMITS,
  RATING_COMMENT_MAX,
  complaintExtendCaseDecisionInput,
  complaintExtendPetitionInput,
  complaintRecordNoticeInput,
  NOTICE_METHOD_LABELS,
  NOTICE_METHODS,
  CONDUCT_CATEGORY,
  officerConcernedSchema,
} from './contract/complaint';
export { HANDLING_ROLES, handlesComplaints } from './complaint/roles';
export type {
  CitizenComplaintListItem,
  CitizenComplaintView,
  ComplaintCategory,
  ComplaintCitizenStep,
  ComplaintTerms,
  ComplaintContact,
  ComplaintKind,
  ComplaintStatus,
  ComplaintSubmitInput,
  ComplaintSubmitted,
  ComplaintTimelineEntry,
  ComplaintUploadPrefix,
  ComplaintHandlerOption,
  ComplaintRecordInput,
  ComplaintSource,
  ComplaintStaffStep,
  NoticeMethod,
} from './contract/complaint';
export { REJECTION_REASONS } from './complaint/reasons';
export type { ContactPhoneNumber, ContactPhoneNumberInput } from './contract/contact';
export type { RejectionReason } from './complaint/reasons';
export type { Role, RoleGrant } from './org/roles';

/** The staff complaint views, defined once in the contract (the backend answers exactly these). */
import type {
  ComplaintQueueItem as StaffComplaintQueueItem,
  StaffComplaintView as StaffComplaintCaseView,
  ComplaintStepDone as StaffComplaintStepDone,
} from './contract/complaint';
export type { StaffComplaintQueueItem, StaffComplaintCaseView, StaffComplaintStepDone };
export type { ComplaintQueuePage, QueueTab } from './contract/complaint';
export { isTrackingNo } from './complaint/tracking-no';

/** Every action the mini-program may call, derived from the declarations (never written by hand). */
export type { MiniprogramApi } from './contract/api';
import type { Jsonify } from './contract/declare';
import type { StaffAccountView as StaffAccount, StaffMeView as StaffMe } from './contract/org';
/** As the page receives them: dates arrive as ISO strings. */
export type StaffMeView = Jsonify<StaffMe>;
export type StaffAccountView = Jsonify<StaffAccount>;

/**
 * The case register's staff pages (pages/case subpackage; docs/cases.md): the forms are checked with the contract's
 * own schemas, and every list and label (kinds, stages, document types, AV acts, clocks) comes from core/case.
 */
export {
  caseAdvanceInput,
  recordRegisterInput,
  DECISION_STAGES,
  DECISION_TYPES,
  DECISION_TYPE_LABELS,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  STOP_REASONS,
  STATEMENT_STAGE,
  STOP_REASON_LABELS,
  caseOpenInput,
  caseClockInput,
  recordExplainLateInput,
  recordApproveLateInput,
  PARTY_ID_KINDS_OF,
  PARTY_ID_KIND_LABELS,
  PAUSE_REASON_LABELS,
  CASE_IMPORT_ROLES,
} from './contract/case';
export type {
  CaseAdvanceInput,
  CaseCheckResult,
  CaseClockInput,
  CaseImportAnswer,
  CaseOpenInput,
  PartyFound,
  PartyView,
  CaseClockView,
  CaseListItem,
  CaseRecordView,
  CaseStageView,
  CaseView,
  CaseServiceEventView,
  CaseServiceEvents,
  IntakeItem,
  RecordRegisterInput,
  RecordType,
} from './contract/case';
export {
  AV_ACTS,
  CASE_KIND_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  DOCUMENT_TYPES,
  PARTY_KIND_LABELS,
} from './case/stages';
export type { AvAct, CaseKind, CaseStage, DocumentType, PartyKind } from './case/stages';
export { CASE_KINDS, PARTY_KINDS } from './case/stages';
export type { PartyIdKind } from './party/ids';
export type { ManifestError } from './case/manifest-rows';
export type { ExcludedPeriod } from './case/limits';
export { CASE_CLOCK_RULES } from './case/limits';
export { CASE_ROLES } from './case/roles';
export type { Finding } from './case/checks';

/** The public results pages (pages/publication subpackage; docs/publication.md): labels and types only. */
export {
  ENTRY_KINDS as PUBLICATION_KINDS,
  ENTRY_KIND_LABELS as PUBLICATION_KIND_LABELS,
} from './publication/kinds';
export type { PublicationKind, PublicationPublicItem } from './contract/publication';
export type { PublicView, WithdrawalNotice } from './publication/public-view';

/**
 * The public rights page (pages/rights subpackage; docs/service-rights.md "Public rights page"): the document types
 * that carry a rights notice (their names come with DOCUMENT_TYPES above) and the answer's types.
 */
export { RIGHTS_DOC_TYPES } from './service/rights';
export type { PublicRightItem, PublicRights, RemedyBodyView, RightsDocType } from './contract/rights';
export type { AnnualFigureChange, AnnualFigures } from './publication/annual';
export type { AnnualPublicView, AnnualRevisionView, AnnualStaffView } from './contract/annual';
export { ANNUAL_READ_ROLES } from './contract/annual';
export type { CreditExportLink, CreditExportRow } from './contract/credit';
/**
 * The staff publication pages (pages/pubstaff subpackage; docs/publication.md): the form's code lists, the
 * deadlines' lengths and the contract's types. The entry schema is not bundled: the backend checks the form and
 * answers each field's Chinese message.
 */
export {
  DECISION_CHANGE_LABELS,
  DECISION_CHANGES,
  INDEFINITE,
  PARTY_CATEGORIES,
  PARTY_CATEGORY_LABELS,
  PENALTY_CATEGORIES,
  PERMIT_CATEGORIES,
  PERMIT_STATES,
} from './publication/options';
export type { PartyCategory } from './publication/options';
export { PARTY_ID_KINDS, PARTY_ID_LABELS } from './party/ids';
export {
  OTHER_PUBLICATION_WORKING_DAYS,
  SGS_PUBLICATION_WORKING_DAYS,
  WITHDRAWAL_WORKING_DAYS,
} from './publication/due';
export type {
  BatchApproveAnswer,
  BatchItemResult,
  PendingDecisionRow,
  PendingDecisions,
  PublicationFromDecision,
  PublicationImportAnswer,
  PublicationQueueRow,
  PublicationStaffView,
  PublicationStepDone,
  StaffQueue,
} from './contract/publication';
export type { PublicationEntry } from './publication/fields';
/** The reviewer's full-text preview (pages/pubstaff/fulltext; PUB-7): types only, the engine stays server-side. */
export type { PublicationFullTextView, PublicationFullTextDone } from './contract/publication-fulltext';
export type { RedactionKind, Span } from './redaction/types';
/** Served documents (REC-7, PUB-5): the party's pages and the staff's list of a case's services. */
export { countdownLabel, receiptLines, SERVICE_STATE_LABELS, SUBMISSION_KIND_LABELS } from './service/views';
export type {
  DeadlineView,
  OpenedFile,
  PartyServiceRow,
  PartyServiceView,
  ReceiptView,
  ServiceState,
  StaffServiceView,
  SubmissionKind,
  SubmissionView,
} from './contract/service-documents';
// Enrolment in electronic service (docs/service.md): the party's and the officer's pages.
export {
  serviceConsentInput,
  serviceEnrolCodeInput,
  serviceIdentifyInput,
  serviceRevokeInput,
} from './contract/service';
export type {
  EnrolmentPartyView,
  EnrolmentStaffView,
  EnrolmentTimelineLine,
  ServiceInvitation,
} from './contract/service';
export {
  ACTING_AS_LABELS,
  CONSENT_SCOPE_LABELS,
  enrolmentIdOfScene,
  MAX_ENROLMENT_TRIES,
} from './service/enrolment';
export type { ActingAs, ConsentScope, EnrolmentState, IdentityForm } from './service/enrolment';
