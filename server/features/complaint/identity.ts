/**
 * Who may see a complainant's identity (REC-14; a reporter is never revealed): only the assigned
 * handlers and the leaders supervising their sections (organisation model: `sectionReviewers`, delegations in
 * force included). Every disclosure is a ledgered row (`complaint_identity_views`), so each view is on the ledger
 * with the viewer's salted reference.
 */
import { commitChange } from '../../ledger/commit';
import { sectionReviewers } from '../../org/resolvers';
import { staffActorRef, type StaffPrincipal } from '../../org/principal';
import type { Database } from '../../platform/cloudbase';
import { randomId } from '../../platform/crypto';
import { openPersonalData } from '../../privacy';
import { IDENTITY_VIEWS_COLLECTION, sealRef, type ComplainantSecret, type ComplaintRecord } from './model';

export async function mayViewIdentity(
  db: Database,
  staff: StaffPrincipal,
  record: ComplaintRecord,
  at: Date,
) {
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

/** Records that `staff` was shown the identity of `record` (ledgered; no personal data in the row). */
export async function recordIdentityView(
  db: Database,
  staff: StaffPrincipal,
  record: ComplaintRecord,
  at: Date,
) {
  const actor = staffActorRef(staff.staffId);
  await commitChange(db, {
    actor,
    action: 'complaint.identityView',
    at,
    entities: [
      {
        collection: IDENTITY_VIEWS_COLLECTION,
        id: `civ_${randomId(12)}`,
        expectedRev: null,
        state: { complaintId: record._id, viewer: actor, at },
      },
    ],
  });
}
