/**
 * The detail page's view model, free of `wx` (unit-tested as it is): what is expected next and by when at the
 * top, the timeline newest first, for 不予受理 the reason and where to go instead, the owner's rating and
 * withdrawal, and which of the owner's steps to offer (as the backend answered: `citizenSteps`).
 */
import {
  COMPLAINT_KIND_LABELS,
  type CitizenComplaintView,
  type ComplaintCitizenStep,
} from '../../../core-bundle/index';
import { chineseDate, shanghaiMinute } from '../../../utils/date-format';
import { PROVISIONAL_MARK } from '../provisional';

export interface DetailView {
  trackingNo: string;
  kind: string;
  kindLabel: string;
  category: string;
  status: string;
  statusLabel: string;
  statusNote: string;
  /** 下一步 and its date, or '' once the matter is over. */
  nextStep: string;
  nextDue: string;
  /** The date is the acceptance date and it is provisional: the mark, or ''. */
  nextDueMark: string;
  subjectName: string;
  subjectAddress: string;
  description: string;
  photoText: string;
  photoUrls: string[];
  contactText: string;
  submitted: string;
  result: string;
  open: boolean;
  anonymous: boolean;
  rejection: { label: string; advice: string; note: string } | null;
  rating: { stars: string; score: number; comment: string; at: string } | null;
  /** A report's recorded withdrawal (a withdrawn complaint shows as its status instead). */
  reportWithdrawn: string;
  steps: Record<ComplaintCitizenStep, boolean>;
  withdrawLabel: string;
  /** Newest first. */
  timeline: Array<{ key: string; label: string; time: string; text: string }>;
}

function statusNote(c: CitizenComplaintView): string {
  switch (c.status) {
    case 'submitted':
      return '正在审查，将决定是否受理';
    case 'accepted':
      return '已受理，正在依法核查处理';
    case 'rejected':
      return '不予受理，理由和您可以怎么做见下方';
    case 'withdrawn':
      return '您已撤回投诉，投诉处理已终止';
    default:
      return '已办结，处理结果见下方';
  }
}

export function detailView(c: CitizenComplaintView): DetailView {
  const steps = c.citizenSteps ?? [];
  const n = c.photoUrls?.length || c.photoCount;
  return {
    trackingNo: c.trackingNo,
    kind: c.kind,
    kindLabel: COMPLAINT_KIND_LABELS[c.kind] ?? '',
    category: c.category,
    status: c.status,
    statusLabel: c.statusLabel,
    statusNote: statusNote(c),
    nextStep: c.nextStep?.label ?? '',
    nextDue: c.nextStep?.dueDate ? `${chineseDate(c.nextStep.dueDate)}前` : '',
    nextDueMark:
      c.status === 'submitted' && c.nextStep?.dueDate && c.acceptanceDueProvisional ? PROVISIONAL_MARK : '',
    subjectName: c.subject.name,
    subjectAddress: c.subject.address,
    description: c.description,
    photoText: n ? `${n} 张` : '无',
    photoUrls: (c.photoUrls ?? []).filter(Boolean),
    contactText: c.anonymous || !c.contact ? '匿名' : `${c.contact.name} ${c.contact.phone}`,
    submitted: shanghaiMinute(c.submittedAt),
    result: c.result ?? '',
    open: c.status === 'submitted' || c.status === 'accepted',
    anonymous: c.anonymous,
    rejection: c.rejection
      ? { label: c.rejection.label, advice: c.rejection.advice, note: c.rejection.note ?? '' }
      : null,
    rating: c.rating
      ? {
          score: c.rating.score,
          stars: '★'.repeat(c.rating.score) + '☆'.repeat(5 - c.rating.score),
          comment: c.rating.comment ?? '',
          at: shanghaiMinute(c.rating.at),
        }
      : null,
    reportWithdrawn: c.kind === 'report' && c.withdrawnAt ? shanghaiMinute(c.withdrawnAt) : '',
    steps: {
      addMaterial: steps.includes('addMaterial'),
      rate: steps.includes('rate'),
      withdraw: steps.includes('withdraw'),
      withdrawReport: steps.includes('withdrawReport'),
    },
    withdrawLabel: steps.includes('withdraw') ? '撤回投诉' : '撤回举报',
    timeline: c.timeline
      .map((t, i) => ({
        key: `${i}-${t.event}`,
        label: t.label,
        time: shanghaiMinute(t.at),
        text: t.text ?? '',
      }))
      .reverse(),
  };
}

/** What the confirmation says before a withdrawal: a complaint ends, a report's lead may still be acted on. */
export const WITHDRAW_CONFIRM = {
  withdraw: {
    title: '撤回投诉',
    content: '撤回后，本投诉的处理将终止，不能恢复。确定撤回吗？',
  },
  withdrawReport: {
    title: '撤回举报',
    content: '我们会记录您撤回举报的意愿。举报反映的违法线索，执法机关仍可依法核查处理。确定撤回吗？',
  },
} as const;
