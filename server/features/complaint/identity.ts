/**
 * Who may see a complainant's identity (REC-14; a reporter is never revealed): only the assigned
 * handlers and the leaders supervising their sections (organisation model: `sectionReviewers`, delegations in
 * force included). Every disclosure is an access event on the audit trail (server/ledger/access.ts) with the
 * viewer's salted reference: a view, not a change of the complaint.
 */
import { recordAccess } from '../../ledger/access';
import { sectionReviewers } from '../../org/resolvers';
import { staffActorRef, type StaffPrincipal } from '../../org/principal';
import type { Database } from '../../platform/cloudbase';
import { openPersonalData } from '../../privacy';
import { COMPLAINTS_COLLECTION, sealRef, type ComplainantSecret, type ComplaintRecord } from './model';

export async function mayViewIdentity(
  db: Database,
  staff: StaffPrincipal,
  record: ComplaintRecord,
  at: Date,
) {
  // The officer a conduct complaint is about never learns who complained (also kept off the record entirely).
  if (record.conduct?.concernedStaffIds.includes(staff.staffId)) return false;
  if (record.handlerIds.includes(staff.staffId)) return true;
  for (const sectionId of record.sectionIds) {
    if ((await sectionReviewers(db, sectionId, at)).includes(staff.staffId)) return true;
  }
  return false;
}

/** The sealed contact in clear, or null (anonymous, none recorded, or erased). Never log or return it unchecked. */
export async function openContact(db: Database, record: ComplaintRecord): Promise<ComplainantSecret | null> {
  if (!record.contactSealed) return null;
  return openPersonalData<ComplainantSecret>(db, sealRef(record._id), record.contactSealed);
}

/** Records that `staff` was shown the identity of `record` (an access event; no personal data in it). */
export async function recordIdentityView(
  db: Database,
  staff: StaffPrincipal,
  record: ComplaintRecord,
  at: Date,
) {
  await recordAccess(db, {
    subject: `${COMPLAINTS_COLLECTION}/${record._id}`,
    actor: staffActorRef(staff.staffId),
    action: 'complaint.identityView',
    at,
  });
}
