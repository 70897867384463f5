/**
 * The complaint clocks, counted with the working-day calendar (Asia/Shanghai). Legal limits unless marked:
 * - acceptance decided within `acceptanceWorkingDays` (7) working days of receipt (市场监督管理投诉举报处理暂行办法,
 *   the benchmark);
 * - a report's decision whether to open a case (立案) within `caseDecisionWorkingDays` (15) working days of
 *   receipt, extendable once by `caseDecisionExtensionWorkingDays` (15) with a leader's approval (the benchmark:
 *   市场监督管理行政处罚程序规定 Art. 18);
 * - a real-name reporter told within `reporterFeedbackWorkingDays` (5) working days of the case decision;
 * - handling finished within `handlingDays` calendar days of acceptance: NOT a legal limit for complaints and
 *   reports (the benchmark sets none), an internal target (内部目标) whose default is the petition rules' 60 days;
 * - a matter that came in as a petition (信访) runs on the petition clocks instead (信访工作条例 Art. 32, 35):
 *   told whether it is accepted within `petitionReplyDays` (15) days of receipt, finished within
 *   `petitionFinishDays` (60) days of acceptance, extended once by at most `petitionExtensionDays` (30) days.
 * Periods start the day after the event (docs/requirements.md "Rules used everywhere").
 */
import type { Calendar, DateResult } from '../calendar';

export interface ComplaintPeriods {
  acceptanceWorkingDays: number;
  reporterFeedbackWorkingDays: number;
  handlingDays: number;
  caseDecisionWorkingDays: number;
  caseDecisionExtensionWorkingDays: number;
  petitionReplyDays: number;
  petitionFinishDays: number;
  petitionExtensionDays: number;
}

export const DEFAULT_HANDLING_DAYS = 60;
/** 市场监督管理行政处罚程序规定 Art. 18: 15 working days to decide on 立案, 15 more with the head's approval. */
export const DEFAULT_CASE_DECISION_WORKING_DAYS = 15;
export const DEFAULT_CASE_DECISION_EXTENSION_WORKING_DAYS = 15;
/** 信访工作条例 Art. 35: extended once, by at most 30 days. */
export const DEFAULT_PETITION_EXTENSION_DAYS = 30;

export function acceptanceDue(calendar: Calendar, receivedAt: Date, periods: ComplaintPeriods): DateResult {
  return calendar.addWorkingDays(receivedAt, periods.acceptanceWorkingDays);
}

export function reporterFeedbackDue(
  calendar: Calendar,
  caseDecidedAt: Date,
  periods: ComplaintPeriods,
): DateResult {
  return calendar.addWorkingDays(caseDecidedAt, periods.reporterFeedbackWorkingDays);
}

export function handlingDue(calendar: Calendar, acceptedAt: Date, periods: ComplaintPeriods): DateResult {
  return calendar.addCalendarDays(acceptedAt, periods.handlingDays);
}
