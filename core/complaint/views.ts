/**
 * The complainant's (owner's) projection of a complaint (PUB-3: they follow their own matter): only their own
 * matter's steps, no handlers, no links to other complaints (it must not hint at anyone else's complaint). Pure,
 * declared with the complaint workflow (workflow.ts `projections`).
 */
import type {
  CitizenComplaintListItem,
  CitizenComplaintView,
  ComplaintCategory,
  ComplaintKind,
  ComplaintStatus,
  ComplaintTimelineEntry,
} from '../contract/complaint';
import { STATUS_LABELS, TIMELINE_LABELS } from './lifecycle';

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

export function citizenView(record: ComplaintViewSource): CitizenComplaintView {
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
