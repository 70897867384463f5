/** The staff case page's view of `staff` `complaint.get` (what to show, which actions the status allows). */
import { COMPLAINT_KIND_LABELS, type StaffComplaintCaseView } from '../../../core-bundle/index';
import { chineseDate, shanghaiMinute } from '../../../utils/date-format';

export type CaseAction = 'accept' | 'reject' | 'reply' | 'close';

export interface CaseView {
  id: string;
  trackingNo: string;
  title: string;
  status: string;
  statusLabel: string;
  source: string;
  received: string;
  dues: Array<{ label: string; value: string }>;
  subjectName: string;
  subjectAddress: string;
  location: string;
  description: string;
  photos: string[];
  contactName: string;
  contactPhone: string;
  identityNote: string;
  anonymous: boolean;
  rejection: string;
  result: string;
  timeline: Array<{ key: string; label: string; time: string; text: string }>;
  actions: CaseAction[];
}

/** Mirrors core/complaint/lifecycle.ts ALLOWED_FROM for the steps this page offers (the backend decides). */
const ACTIONS: Record<string, CaseAction[]> = {
  submitted: ['accept', 'reject'],
  accepted: ['reply', 'close'],
  rejected: ['reply'],
  closed: ['reply'],
};

function duesOf(c: StaffComplaintCaseView): CaseView['dues'] {
  const dues: CaseView['dues'] = [{ label: '受理期限', value: chineseDate(c.acceptanceDueDate) }];
  if (c.handlingDueDate) dues.push({ label: '办理期限', value: chineseDate(c.handlingDueDate) });
  if (c.feedbackDueDate) dues.push({ label: '反馈期限', value: chineseDate(c.feedbackDueDate) });
  return dues;
}

export function caseView(c: StaffComplaintCaseView): CaseView {
  const anonymous = c.anonymous || !c.contact;
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    title: `${COMPLAINT_KIND_LABELS[c.kind] ?? ''} · ${c.category}`,
    status: c.status,
    statusLabel: c.statusLabel,
    source: c.sourceRef ? `${c.sourceLabel}（${c.sourceRef}）` : c.sourceLabel,
    received: shanghaiMinute(c.submittedAt),
    dues: duesOf(c),
    subjectName: c.subject.name,
    subjectAddress: c.subject.address,
    location: c.subjectLocation
      ? `${c.subjectLocation.latitude.toFixed(5)}，${c.subjectLocation.longitude.toFixed(5)}`
      : '',
    description: c.description,
    photos: c.photos.map((p) => p.url).filter(Boolean),
    contactName: anonymous ? '' : c.contact!.name,
    contactPhone: anonymous ? '' : c.contact!.phone,
    identityNote: anonymous
      ? '匿名举报，没有身份信息'
      : c.identityVisible
        ? '您是承办人或其分管领导，可见实名信息；本次查看已记录。请严格保密，不得向被投诉举报方透露。'
        : '身份信息已脱敏，只有承办人及其分管领导可见。',
    anonymous,
    rejection: c.rejection
      ? c.rejection.note
        ? `${c.rejection.label}：${c.rejection.note}`
        : c.rejection.label
      : '',
    result: c.result ?? '',
    timeline: c.timeline.map((t, i) => ({
      key: `${i}-${t.event}`,
      label: t.label,
      time: shanghaiMinute(t.at),
      text: t.text ?? '',
    })),
    actions: ACTIONS[c.status] ?? [],
  };
}
