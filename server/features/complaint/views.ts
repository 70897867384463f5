/**
 * What each audience sees of a complaint. The citizen's view holds only their own matter's steps (no handlers, no
 * links to other complaints: it must not hint at anyone else's complaint). The staff view shows the contact
 * masked unless the caller may see the identity (identity.ts decides, and records the disclosure).
 */
import { COMPLAINT_SOURCE_LABELS } from '../../../core/contract/complaint';
import { citizenView } from '../../../core/complaint/views';
import { REJECTION_REASONS } from '../../../core/complaint/reasons';
import type { ComplaintRecord } from './model';
import type { StaffComplaintView } from '../../../core/contract/complaint';

export type { StaffComplaintView };
export { citizenListItem, citizenView } from '../../../core/complaint/views';

/** What the staff view needs beyond the record: the caller's steps and the linked original's tracking number. */
export interface StaffViewExtras {
  allowedSteps: StaffComplaintView['allowedSteps'];
  duplicateOfTrackingNo: string | null;
}

export function staffView(
  record: ComplaintRecord,
  contact: { name: string; phone: string } | null,
  identityVisible: boolean,
  photoUrls: string[] = [],
  extras: StaffViewExtras = { allowedSteps: [], duplicateOfTrackingNo: null },
): StaffComplaintView {
  const { contact: _masked, photoCount: _count, ...base } = citizenView(record);
  return {
    ...base,
    id: record._id,
    source: record.source,
    sourceLabel: COMPLAINT_SOURCE_LABELS[record.source],
    sourceRef: record.sourceRef,
    subjectLocation: record.subject.location ?? null,
    unitId: record.unitId,
    sectionIds: record.sectionIds,
    handlerIds: record.handlerIds,
    rejection: record.rejection
      ? {
          reason: record.rejection.reason,
          label: REJECTION_REASONS[record.rejection.reason],
          note: record.rejection.note,
        }
      : null,
    handlingDueDate: record.handlingDueDate,
    feedbackState: record.feedbackState,
    feedbackDueDate: record.feedbackDueDate,
    duplicateOf: record.duplicateOf,
    duplicateOfTrackingNo: extras.duplicateOfTrackingNo,
    splitFrom: record.splitFrom,
    caseDecision: record.caseDecision
      ? {
          caseOpened: record.caseDecision.caseOpened,
          at: new Date(record.caseDecision.at).toISOString(),
          note: record.caseDecision.note ?? null,
          caseId: record.caseDecision.caseId ?? null,
        }
      : null,
    allowedSteps: extras.allowedSteps,
    contact,
    identityVisible,
    photos: record.photos.map((p, i) => ({
      url: photoUrls[i] ?? '',
      contentType: p.contentType,
      size: p.size,
      sha256: p.sha256,
    })),
  };
}
