/**
 * The complainant's (owner's) projection of a complaint (PUB-3: they follow their own matter): only their own
 * matter's steps, no handlers, no links to other complaints (it must not hint at anyone else's complaint). Pure,
 * declared with the complaint workflow (workflow.ts `projections`).
 */
import type {
  CitizenComplaintListItem,
  ComplaintCitizenStep,
  CitizenComplaintView,
  ComplaintCategory,
  ComplaintKind,
  ComplaintStatus,
  ComplaintTimelineEntry,
} from '../contract/complaint';
import { owesReporterFeedback, STATUS_LABELS, TIMELINE_LABELS } from './lifecycle';
import { REJECTION_ADVICE, REJECTION_REASONS, type RejectionReason } from './reasons';

/** What the owner's projection reads of a stored complaint. */
export interface ComplaintViewSource {
  trackingNo: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject: { name: string; address: string };
  description: string;
  photos: readonly unknown[];
  status: ComplaintStatus;
  receivedAt: Date | string;
  acceptanceDueDate: string;
  /** The kernel's clocks: whether the acceptance date is provisional (core/workflow/define.ts ClockState). */
  _wf?: { clocks: Readonly<Record<string, { provisional?: boolean }>> };
  anonymous: boolean;
  contactMasked: { name: string; phone: string } | null;
  timeline: ReadonlyArray<Omit<ComplaintTimelineEntry, 'at' | 'label'> & { at: Date | string }>;
  result: string | null;
  /** Absent on records stored before these were kept. */
  handlingDueDate?: string | null;
  feedbackDueDate?: string | null;
  feedbackState?: string;
  rejection?: { reason: RejectionReason; note: string | null } | null;
  rating?: { score: number; comment: string | null; at: Date | string } | null;
  withdrawnAt?: Date | string | null;
  materials?: ReadonlyArray<unknown>;
}

/** What the owner is waiting for next, and by when (the clocks' due dates as stored). */
function nextStepOf(record: ComplaintViewSource): CitizenComplaintView['nextStep'] {
  if (record.status === 'submitted') return { label: '决定是否受理', dueDate: record.acceptanceDueDate };
  if (record.status !== 'accepted') return null;
  if (
    owesReporterFeedback(record.kind, record.anonymous) &&
    record.feedbackState === 'due' &&
    record.feedbackDueDate
  ) {
    return { label: '告知您核查处理情况', dueDate: record.feedbackDueDate };
  }
  return { label: '核查处理并办结', dueDate: record.handlingDueDate ?? null };
}

function timelineOf(record: ComplaintViewSource): ComplaintTimelineEntry[] {
  return record.timeline.map((t) => ({
    at: new Date(t.at).toISOString(),
    event: t.event,
    label: TIMELINE_LABELS[t.event],
    ...(t.text ? { text: t.text } : {}),
  }));
}

/** The acceptance date rests on a year without an official holiday table (it may still move later). */
const acceptanceDueProvisional = (record: ComplaintViewSource) =>
  record._wf?.clocks.acceptance?.provisional === true;

/** The server adds what needs I/O or the caller: photo URLs, and the steps the owner may take now. */
export interface OwnerExtras {
  photoUrls?: string[];
  citizenSteps?: ComplaintCitizenStep[];
}

export function citizenView(record: ComplaintViewSource, extras: OwnerExtras = {}): CitizenComplaintView {
  return {
    trackingNo: record.trackingNo,
    kind: record.kind,
    category: record.category,
    subject: { name: record.subject.name, address: record.subject.address },
    description: record.description,
    photoCount: record.photos.length,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    submittedAt: new Date(record.receivedAt).toISOString(),
    acceptanceDueDate: record.acceptanceDueDate,
    acceptanceDueProvisional: acceptanceDueProvisional(record),
    anonymous: record.anonymous,
    contact: record.contactMasked,
    timeline: timelineOf(record),
    result: record.result,
    nextStep: nextStepOf(record),
    rejection:
      record.status === 'rejected' && record.rejection
        ? {
            label: REJECTION_REASONS[record.rejection.reason],
            advice: REJECTION_ADVICE[record.rejection.reason],
            note: record.rejection.note,
          }
        : null,
    rating: record.rating
      ? {
          score: record.rating.score,
          comment: record.rating.comment,
          at: new Date(record.rating.at).toISOString(),
        }
      : null,
    withdrawnAt: record.withdrawnAt ? new Date(record.withdrawnAt).toISOString() : null,
    materialCount: record.materials?.length ?? 0,
    photoUrls: extras.photoUrls ?? [],
    citizenSteps: extras.citizenSteps ?? [],
  };
}

export function citizenListItem(record: ComplaintViewSource): CitizenComplaintListItem {
  return {
    trackingNo: record.trackingNo,
    kind: record.kind,
    category: record.category,
    subjectName: record.subject.name,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    submittedAt: new Date(record.receivedAt).toISOString(),
    acceptanceDueDate: record.acceptanceDueDate,
    acceptanceDueProvisional: acceptanceDueProvisional(record),
  };
}
