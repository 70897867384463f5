/**
 * The complaint clocks, counted with the working-day calendar (Asia/Shanghai), after 市场监督管理投诉举报处理暂行办法 (the benchmark):
 * - acceptance decided within `acceptanceWorkingDays` (7) working days of receipt;
 * - a real-name reporter told within `reporterFeedbackWorkingDays` (5) working days of the case decision;
 * - handling finished within `handlingDays` calendar days of acceptance. The legal settings hold no such value
 *   yet; the default is the petition rules' 60 days (信访工作条例 Art. 35: finish within 60 days),
 *   the longest period the complaint and petition rules set.
 * Periods start the day after the event (docs/requirements.md "Rules used everywhere").
 */
import type { Calendar, DateResult } from '../calendar';

export interface ComplaintPeriods {
  acceptanceWorkingDays: number;
  reporterFeedbackWorkingDays: number;
  handlingDays: number;
}

export const DEFAULT_HANDLING_DAYS = 60;

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
