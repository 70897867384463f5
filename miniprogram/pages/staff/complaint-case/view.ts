/** The staff case page's view of `staff` `complaint.get` (what to show; the steps are those the backend allows). */
import { COMPLAINT_KIND_LABELS, type StaffComplaintCaseView } from '../../../core-bundle/index';
import { chineseDate, shanghaiMinute } from '../../../utils/date-format';
import { STEP_LABELS, STEP_ORDER, type CaseAction } from './steps';

export interface ActionButton {
  key: CaseAction;
  label: string;
  theme: 'primary' | 'danger' | 'light';
}

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
  /** Where the map opens (wx.openLocation), when the complainant picked a point. */
  point: { latitude: number; longitude: number } | null;
  description: string;
  photos: string[];
  contactName: string;
  contactPhone: string;
  /** The phone in clear (the caller may see it): tap-to-call. A masked number is not callable. */
  phoneCallable: boolean;
  identityNote: string;
  anonymous: boolean;
  rejection: string;
  result: string;
  timeline: Array<{ key: string; label: string; time: string; text: string }>;
  kind: string;
  /** What splitting creates: the other kind. */
  splitKindLabel: string;
  handlerIds: string[];
  handlerSummary: string;
  duplicateOf: string;
  caseDecision: string;
  /** 信访: the petition clocks apply (shown only for a petition). */
  channelNote: string;
  /** A conduct complaint: the officer as given, and whether the register matched. */
  conduct: string;
  /** How and when a staff-recorded complainant was told of the acceptance decision. */
  acceptanceNotice: string;
  actions: ActionButton[];
  /** The one next step in the bottom bar, and the rest (the action sheet). */
  primary: ActionButton | null;
  more: ActionButton[];
  steps: CaseAction[];
}

/** Which allowed step is "the next step": deciding first, then the case decision, then closing or replying. */
export const PRIMARY_ORDER: CaseAction[] = [
  'accept',
  'decideCase',
  'close',
  'reply',
  'assign',
  'linkDuplicate',
  'split',
  'reject',
];

/** An instant as 2026年11月27日 10:05 (Beijing): the same format as the card's plain dates (2026年12月8日). */
export function chineseMinute(iso: string | null | undefined): string {
  const s = shanghaiMinute(iso);
  return s ? `${chineseDate(s.slice(0, 10))} ${s.slice(11)}` : '';
}

function buttonOf(key: CaseAction): ActionButton {
  return {
    key,
    label: STEP_LABELS[key],
    // Filled buttons throughout (an outline's hairline border is easy to miss): the decisive steps in colour.
    theme: key === 'reject' ? 'danger' : key === 'accept' || key === 'close' ? 'primary' : 'light',
  };
}

/**
 * The running clocks as the backend labels them (a handling period that is no legal limit says 内部目标);
 * answers from before the clocks were listed fall back to the stored due dates.
 */
function duesOf(c: StaffComplaintCaseView): CaseView['dues'] {
  if (c.clocks?.length) {
    return c.clocks
      .filter((k) => !k.stoppedOn && k.dueDate)
      .map((k) => ({
        label: k.label,
        value: `${chineseDate(k.dueDate!)}${k.extendedDays ? '（已延长）' : ''}`,
      }));
  }
  const dues: CaseView['dues'] = [{ label: '受理期限', value: chineseDate(c.acceptanceDueDate) }];
  if (c.handlingDueDate) dues.push({ label: '办结期限（内部目标）', value: chineseDate(c.handlingDueDate) });
  if (c.feedbackDueDate) dues.push({ label: '反馈期限', value: chineseDate(c.feedbackDueDate) });
  return dues;
}

function primaryAndMore(steps: CaseAction[]): Pick<CaseView, 'primary' | 'more'> {
  // A step outside the usual order (an extension, recording the notice) is the next step when it is the only one.
  const key = PRIMARY_ORDER.find((s) => steps.includes(s)) ?? steps[0];
  return {
    primary: key ? { ...buttonOf(key), theme: key === 'reject' ? 'danger' : 'primary' } : null,
    more: steps.filter((s) => s !== key).map(buttonOf),
  };
}

export function caseView(c: StaffComplaintCaseView): CaseView {
  const anonymous = c.anonymous || !c.contact;
  // Only what the backend allows this caller now, in the page's order.
  const steps = STEP_ORDER.filter((s) => (c.allowedSteps ?? []).includes(s));
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    title: `${COMPLAINT_KIND_LABELS[c.kind] ?? ''} · ${c.category}`,
    status: c.status,
    statusLabel: c.statusLabel,
    source: c.sourceRef ? `${c.sourceLabel}（${c.sourceRef}）` : c.sourceLabel,
    received: chineseMinute(c.submittedAt),
    dues: duesOf(c),
    subjectName: c.subject.name,
    subjectAddress: c.subject.address,
    location: c.subjectLocation
      ? `${c.subjectLocation.latitude.toFixed(5)}，${c.subjectLocation.longitude.toFixed(5)}`
      : '',
    point: c.subjectLocation
      ? { latitude: c.subjectLocation.latitude, longitude: c.subjectLocation.longitude }
      : null,
    description: c.description,
    photos: c.photos.map((p) => p.url).filter(Boolean),
    contactName: anonymous ? '' : c.contact!.name,
    contactPhone: anonymous ? '' : c.contact!.phone,
    phoneCallable: !anonymous && c.identityVisible && /^[0-9-]{5,20}$/.test(c.contact!.phone),
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
      time: chineseMinute(t.at),
      text: t.text ?? '',
    })),
    kind: c.kind,
    splitKindLabel: c.kind === 'complaint' ? '举报' : '投诉',
    handlerIds: c.handlerIds ?? [],
    handlerSummary: c.handlerIds?.length ? `已指派 ${c.handlerIds.length} 名` : '尚未指派',
    duplicateOf: c.duplicateOfTrackingNo ?? '',
    caseDecision: c.caseDecision
      ? `${c.caseDecision.caseOpened ? '已立案' : '不予立案'}（${chineseMinute(c.caseDecision.at)} 记录）${c.caseDecision.note ? `：${c.caseDecision.note}` : ''}`
      : '',
    channelNote: c.channel === 'petition' ? '信访（按《信访工作条例》的期限办理）' : '',
    conduct: c.conduct
      ? [
          '反映执法行为，由委机关法规与综合监督科办理',
          c.conduct.officerGiven
            ? `所反映的执法人员：${[c.conduct.officerGiven.name, c.conduct.officerGiven.certNo].filter(Boolean).join('，')}`
            : '',
          c.conduct.matched ? '已与执法人员名册比对，被反映人员不能查看或承办本件' : '',
        ]
          .filter(Boolean)
          .join('；')
      : '',
    acceptanceNotice: c.acceptanceNotice
      ? `${c.acceptanceNotice.methodLabel}，${shanghaiMinute(c.acceptanceNotice.at)}${c.acceptanceNotice.note ? `：${c.acceptanceNotice.note}` : ''}`
      : '',
    actions: steps.map(buttonOf),
    ...primaryAndMore(steps),
    steps,
  };
}
