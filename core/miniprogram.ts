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
export type { Role, RoleGrant } from './org/roles';

import type { Page } from './contract/envelope';
import type { OfficerListInput, OfficerPublicView, OfficerVerifyInput } from './contract/officer';
import type { RoleGrant } from './org/roles';

/** `staff.me` as the staff home reads it (the organisation feature answers more; pages use these fields). */
export interface StaffMeView {
  staffId: string;
  name: string;
  unit: { id: string; name: string } | null;
  section: { id: string; name: string } | null;
  roles: Array<RoleGrant & { label: string }>;
}

/** One dashboard entry as the staff home shows it (the dashboard registry fills these; shape kept loose). */
export interface DashboardView {
  items?: Array<{ title?: string; label?: string; count?: number; overdue?: number; dueSoon?: number }>;
}

/**
 * Every action the mini-program calls: function → action → [payload, answer data]. The typed client
 * (miniprogram/services/api.ts) accepts nothing else.
 */
export interface MiniprogramApi {
  public: {
    'officer.verify': [OfficerVerifyInput, OfficerPublicView];
    'officer.list': [OfficerListInput, Page<OfficerPublicView>];
  };
  staff: {
    'staff.bind': [{ inviteCode: string }, unknown];
    'staff.me': [Record<string, never>, StaffMeView];
    dashboard: [Record<string, never>, DashboardView];
  };
}
