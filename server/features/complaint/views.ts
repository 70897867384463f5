/**
 * What each audience sees of a complaint. The citizen's view holds only their own matter's steps (no handlers, no
 * links to other complaints: it must not hint at anyone else's complaint). The staff view shows the contact
 * masked unless the caller may see the identity (identity.ts decides, and records the disclosure).
 */
import {
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SOURCE_LABELS,
  NOTICE_METHOD_LABELS,
  type StaffComplaintClock,
} from '../../../core/contract/complaint';
import { COMPLAINT_CLOCKS, type ComplaintClock } from '../../../core/complaint/workflow';
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

/** The record's clocks, labelled from the declaration (an internal target marked so), in the declared order. */
export function clocksOf(record: ComplaintRecord): StaffComplaintClock[] {
  const clocks = record._wf?.clocks ?? {};
  return (Object.keys(COMPLAINT_CLOCKS) as ComplaintClock[])
    .filter((name) => clocks[name])
    .map((name) => {
      const c = clocks[name]!;
      const def = COMPLAINT_CLOCKS[name];
      return {
        name,
        label: def.label,
        legal: def.legal,
        dueDate: c.dueDate,
        stoppedOn: c.stoppedOn,
        extendedDays: c.extendedDays,
      };
    });
}

export function staffView(
  record: ComplaintRecord,
  contact: { name: string; phone: string } | null,
  identityVisible: boolean,
  photoUrls: string[] = [],
  extras: StaffViewExtras = { allowedSteps: [], duplicateOfTrackingNo: null },
): StaffComplaintView {
  const {
    contact: _masked,
    photoCount: _count,
    photoUrls: _urls,
    citizenSteps: _steps,
    rejection: _advice,
    ...base
  } = citizenView(record);
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
    channel: record.channel ?? 'regular',
    channelLabel: COMPLAINT_CHANNEL_LABELS[record.channel ?? 'regular'],
    clocks: clocksOf(record),
    caseDecisionDueDate: record.caseDecisionDueDate ?? null,
    petitionDueDate: record.petitionDueDate ?? null,
    acceptanceNotice: record.acceptanceNotice
      ? {
          method: record.acceptanceNotice.method,
          methodLabel: NOTICE_METHOD_LABELS[record.acceptanceNotice.method],
          at: new Date(record.acceptanceNotice.at).toISOString(),
          note: record.acceptanceNotice.note,
        }
      : null,
    conduct: record.conduct
      ? { officerGiven: record.conduct.officerGiven, matched: record.conduct.concernedStaffIds.length > 0 }
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
