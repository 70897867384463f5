/**
 * The complaint lifecycle's labels and rules (its steps are the workflow declaration, workflow.ts):
 * submitted → accepted → closed, or submitted → rejected. Acceptance is decided within
 * the acceptance period (7 working days, 市场监督管理投诉举报处理暂行办法); a report's case decision (whether a case was opened) starts
 * the real-name reporter's feedback period (5 working days). Linking duplicates and splitting do not change the
 * status (a citizen must learn nothing of other people's complaints, so no "merged" state shows to them).
 */
import type { ComplaintStatus, ComplaintTimelineEntry } from '../contract/complaint';

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  closed: '已办结',
  withdrawn: '已撤回',
};

export const TIMELINE_LABELS: Record<ComplaintTimelineEntry['event'], string> = {
  submitted: '已提交',
  accepted: '已受理',
  rejected: '不予受理',
  caseDecided: '核查处理情况',
  replied: '答复',
  closed: '已办结',
  materialAdded: '补充材料',
  withdrawn: '撤回',
  rated: '评价',
  extended: '延长办理期限',
};

/**
 * Whether a real-name reporter is owed feedback on the case decision (the benchmark rules: tell a real-name reporter within
 * 5 working days of deciding whether a case was opened; anonymous reports are accepted without that duty).
 */
export function owesReporterFeedback(kind: string, anonymous: boolean): boolean {
  return kind === 'report' && !anonymous;
}

/** 信访 (a petition) runs on the petition clocks; every other source is a regular complaint or report. */
export function channelOf(source: string): 'regular' | 'petition' {
  return source === 'petition' ? 'petition' : 'regular';
}
