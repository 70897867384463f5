/**
 * What the mini-program takes from core/ (DESIGN.md "Layers"): bundled by scripts/build-miniprogram.ts into
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
} from './contract/complaint';
export { HANDLING_ROLES, handlesComplaints } from './complaint/roles';
export type {
  CitizenComplaintListItem,
  CitizenComplaintView,
  ComplaintCategory,
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
} from './contract/complaint';
export { REJECTION_REASONS } from './complaint/reasons';
export type { ContactPhoneNumber, ContactPhoneNumberInput } from './contract/contact';
export type { RejectionReason } from './complaint/reasons';
export type { Role, RoleGrant } from './org/roles';

import type { Page } from './contract/envelope';
import type { OfficerListInput, OfficerPublicView, OfficerVerifyInput } from './contract/officer';
import type { RoleGrant } from './org/roles';
import type { DashboardView } from './contract/dashboard';
import type { ContactPhoneNumber, ContactPhoneNumberInput } from './contract/contact';
import type {
  CitizenComplaintListItem,
  CitizenComplaintView,
  ComplaintAssignInput,
  ComplaintCaseDecisionInput,
  ComplaintHandlerOption,
  ComplaintHandlersInput,
  ComplaintLinkDuplicateInput,
  ComplaintRecordInput,
  ComplaintSplitInput,
  ComplaintCloseInput,
  ComplaintGetInput,
  ComplaintIdInput,
  ComplaintMineInput,
  ComplaintQueueInput,
  ComplaintRejectInput,
  ComplaintReplyInput,
  ComplaintSubmitInput,
  ComplaintSubmitted,
  ComplaintUploadPrefix,
  ComplaintUploadPrefixInput,
} from './contract/complaint';

/** `staff.me` as the staff home reads it (the organisation feature answers more; pages use these fields). */
export interface StaffMeView {
  staffId: string;
  name: string;
  unit: { id: string; name: string } | null;
  section: { id: string; name: string } | null;
  roles: Array<RoleGrant & { label: string }>;
}

/** The staff complaint views, defined once in the contract (the backend answers exactly these). */
import type {
  ComplaintQueueItem as StaffComplaintQueueItem,
  StaffComplaintView as StaffComplaintCaseView,
  ComplaintStepDone as StaffComplaintStepDone,
} from './contract/complaint';
export type { StaffComplaintQueueItem, StaffComplaintCaseView, StaffComplaintStepDone };

/**
 * Every action the mini-program calls: function → action → [payload, answer data]. The typed client
 * (miniprogram/services/api.ts) accepts nothing else.
 */
export interface MiniprogramApi {
  public: {
    'officer.verify': [OfficerVerifyInput, OfficerPublicView];
    'officer.list': [OfficerListInput, Page<OfficerPublicView>];
  };
  citizen: {
    'complaint.submit': [ComplaintSubmitInput, ComplaintSubmitted];
    'complaint.mine': [ComplaintMineInput, Page<CitizenComplaintListItem>];
    'complaint.get': [ComplaintGetInput, CitizenComplaintView];
    'complaint.uploadPrefix': [ComplaintUploadPrefixInput, ComplaintUploadPrefix];
    'contact.phoneNumber': [ContactPhoneNumberInput, ContactPhoneNumber];
  };
  staff: {
    'complaint.queue': [ComplaintQueueInput, Page<StaffComplaintQueueItem>];
    'complaint.get': [ComplaintIdInput, StaffComplaintCaseView];
    'complaint.accept': [ComplaintIdInput, StaffComplaintStepDone];
    'complaint.reject': [ComplaintRejectInput, StaffComplaintStepDone];
    'complaint.reply': [ComplaintReplyInput, StaffComplaintStepDone];
    'complaint.close': [ComplaintCloseInput, StaffComplaintStepDone];
    'complaint.handlers': [ComplaintHandlersInput, Page<ComplaintHandlerOption>];
    'complaint.assign': [ComplaintAssignInput, { id: string; handlerIds: string[] }];
    'complaint.linkDuplicate': [ComplaintLinkDuplicateInput, { id: string; duplicateOf: string }];
    'complaint.split': [ComplaintSplitInput, { id: string; trackingNo: string }];
    'complaint.decideCase': [
      ComplaintCaseDecisionInput,
      StaffComplaintStepDone & { feedbackDueDate: string | null },
    ];
    'complaint.record': [ComplaintRecordInput, { id: string; trackingNo: string; acceptanceDueDate: string }];
    'staff.bind': [{ inviteCode: string }, unknown];
    'staff.me': [Record<string, never>, StaffMeView];
    dashboard: [Record<string, never>, DashboardView];
  };
}
