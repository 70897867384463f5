/** The `staff` cloud function: bound staff accounts, each action for the roles it declares. */
import { orgStaffActions } from '../features/org';
import { officerStaffActions } from '../features/officer';
import { ledgerStaffActions } from '../features/ledger/actions';
import { systemStaffActions } from '../features/system/actions';
import { complaintStaffActions } from '../features/complaint';
import { calendarStaffActions } from '../features/calendar/actions';
import { caseStaffActions } from '../features/case';
import { publicationClockedRecords, publicationStaffActions } from '../features/publication';
import { officialAccountStaffActions } from '../features/official-account';
import { creditStaffActions } from '../features/publication/credit-export';
import { portalStaffActions } from '../features/publication/feed';
import { annualStaffActions } from '../features/publication/annual';
import { serviceDocumentStaffActions } from '../features/service/staff-actions';
import { serviceEnrolStaffActions } from '../features/service/enrol-staff';
import { STAFF_API } from '../../core/contract/api';
import { createFunction } from '../router/function';
import { plugins } from '../router/plugins';
import { complaintClockedRecords } from '../features/complaint';
import { withoutLapsedOfficerGrants } from '../features/officer';
import { DEADLINE_PROVIDERS } from './deadline-providers';
import type { Handlers } from '../router/types';

/** One handler per declared action (core/contract/api.ts); a missing one does not compile. */
export const staffHandlers: Handlers<typeof STAFF_API> = {
  ...orgStaffActions,
  ...officerStaffActions,
  ...ledgerStaffActions,
  ...systemStaffActions,
  ...complaintStaffActions,
  ...calendarStaffActions,
  ...caseStaffActions,
  ...publicationStaffActions,
  ...officialAccountStaffActions,
  ...creditStaffActions,
  ...portalStaffActions,
  ...annualStaffActions,
  ...serviceDocumentStaffActions,
  ...serviceEnrolStaffActions,
};

/** What the staff function's features plug into the shared modules (router/plugins.ts). */
export const staffPlugins = plugins({
  roleFilters: [withoutLapsedOfficerGrants],
  deadlineProviders: DEADLINE_PROVIDERS,
  clockedRecords: [complaintClockedRecords, publicationClockedRecords],
});

export const main = createFunction('staff', STAFF_API, staffHandlers, staffPlugins);
