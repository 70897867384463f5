/**
 * The dates of electronic service and its rights (PUB-5, REC-7; docs/service-rights.md), counted with the working-day calendar (Asia/Shanghai). A period runs from
 * the day after the event; a calendar-day or month period whose last day is a rest day ends on the next working day
 * (docs/requirements.md "Rules used everywhere"); 行政处罚法 Art. 85: its 2/3/5/7-day periods are working days.
 * Every date says whether it rests on a year whose holiday table is not official yet (`provisional`).
 */
import type { Calendar, DateInput, DateResult, PlainDate } from '../calendar';
import { formatEpochDay, toEpochDay, toShanghaiDate } from '../calendar/civilDate';
import type { RightId, RightItem } from './rights';

export interface RightDeadline {
  id: RightId;
  /** The last day of the period (payment, hearing request, statement, review, litigation). */
  due?: DateResult;
  /** The first day a consequence runs (the surcharge: the day after the payment period). */
  from?: DateResult;
  /** Runs until the decision is made (recusal; a 催告书's statement). */
  untilDecision?: true;
}

/** The dates of `rights` for a service on `serviceDate` (its Shanghai date, or the instant). */
export function deadlinesFrom(
  rights: readonly RightItem[],
  serviceDate: DateInput,
  calendar: Calendar,
): RightDeadline[] {
  const out: RightDeadline[] = [];
  const dueOf = new Map<RightId, DateResult>();
  for (const right of rights) {
    const p = right.period;
    let due: DateResult | undefined;
    if (p.unit === 'workingDays') due = calendar.addWorkingDays(serviceDate, p.count);
    else if (p.unit === 'calendarDays') due = calendar.addCalendarDays(serviceDate, p.count);
    else if (p.unit === 'months') due = calendar.addMonths(serviceDate, p.count);
    if (due) {
      dueOf.set(right.id, due);
      out.push({ id: right.id, due });
    } else if (p.unit === 'afterDue') {
      const base = dueOf.get(p.of);
      if (base) out.push({ id: right.id, from: { date: nextDay(base.date), provisional: base.provisional } });
    } else if (p.unit === 'untilDecision') {
      out.push({ id: right.id, untilDecision: true });
    }
  }
  return out;
}

function nextDay(date: PlainDate): PlainDate {
  return formatEpochDay(toEpochDay(date) + 1);
}

/**
 * A deadline once told to a party never moves earlier (PUB-5): when an official holiday table replaces a
 * provisional one, the recomputed date wins only if it is later. `kept` says the told date was kept.
 */
export function laterOf(
  told: DateResult | undefined,
  recomputed: DateResult,
): DateResult & { kept: boolean } {
  if (told && told.date > recomputed.date)
    return { date: told.date, provisional: recomputed.provisional, kept: true };
  return { ...recomputed, kept: false };
}

/** Calendar days from `today` to `due` (0 on the day itself, negative once past): the countdown shown to the party. */
export function daysLeft(due: DateInput, today: DateInput): number {
  return toEpochDay(due) - toEpochDay(today);
}

/** Working days a document may stay unopened before it is flagged for paper service (docs/service-rights.md). */
export const DEFAULT_NOT_OPENED_WORKING_DAYS = 2;
/** 行政处罚法 Art. 61: a decision not handed over on the spot is served within 7 (working) days. */
export const SERVICE_WORKING_DAYS = 7;

export interface PaperServicePlan {
  /** The last day of the window to open the document electronically. */
  openBy: DateResult;
  /** The first working day after that window: an unopened document is flagged to the officer that day. */
  flagOn: DateResult;
  /** The last day paper service may go out, inside Art. 61's 7 working days. */
  paperBy: DateResult;
  /** Whether the flag still leaves time for paper service (false when the window is set too long). */
  fits: boolean;
}

/**
 * When an electronic service not opened is flagged, and the day paper service must go out by. The 7 working days
 * count from `decidedAt` (the decision) when given, otherwise from the issue — the stricter reading when the
 * decision date is unknown to the service.
 */
export function paperServiceBy(
  issuedAt: DateInput,
  notOpenedWorkingDays: number,
  calendar: Calendar,
  decidedAt?: DateInput,
): PaperServicePlan {
  const openBy = calendar.addWorkingDays(issuedAt, notOpenedWorkingDays);
  const flagOn = calendar.addWorkingDays(openBy.date, 1);
  const start = decidedAt ?? issuedAt;
  const paperBy = calendar.addWorkingDays(start, SERVICE_WORKING_DAYS);
  return {
    openBy,
    flagOn: { date: flagOn.date, provisional: openBy.provisional || flagOn.provisional },
    paperBy,
    fits: flagOn.date <= paperBy.date,
  };
}

/** 行政处罚法 Art. 64(二): the hearing notice reaches the party at least 7 (working) days before the hearing. */
export const HEARING_NOTICE_WORKING_DAYS = 7;

/**
 * The latest day a hearing notice may be served for a hearing on `hearingDate`: the period counts backwards from
 * the hearing, and the full `noticeWorkingDays` working days lie strictly between the service day and the hearing
 * day (the 7th working day after service is before the hearing date). This is the reading that never shortens the
 * party's preparation; the lenient one (the hearing on the 7th working day) would allow one day later.
 */
export function hearingNoticeLatest(
  hearingDate: DateInput,
  calendar: Calendar,
  noticeWorkingDays: number = HEARING_NOTICE_WORKING_DAYS,
): DateResult {
  let day = toEpochDay(hearingDate);
  let provisional = false;
  let counted = 0;
  while (counted < noticeWorkingDays) {
    day--;
    const verdict = calendar.isWorkingDay(formatEpochDay(day));
    provisional ||= verdict.provisional;
    if (verdict.value) counted++;
  }
  return { date: formatEpochDay(day - 1), provisional };
}

export interface ScheduleCheck {
  ok: boolean;
  /** The latest day the hearing notice must be served by. */
  latestServiceDay: DateResult;
}

/** Scheduling on `schedulingDay` a hearing on `hearingDate` is allowed only if the notice can still be served in time. */
export function canSchedule(
  schedulingDay: DateInput,
  hearingDate: DateInput,
  calendar: Calendar,
  noticeWorkingDays: number = HEARING_NOTICE_WORKING_DAYS,
): ScheduleCheck {
  const latestServiceDay = hearingNoticeLatest(hearingDate, calendar, noticeWorkingDays);
  return { ok: toShanghaiDate(schedulingDay) <= latestServiceDay.date, latestServiceDay };
}

/** A hearing needs rescheduling when its notice's service date (first opening or acknowledgement) came too late. */
export function needsReschedule(
  noticeServiceDate: DateInput,
  hearingDate: DateInput,
  calendar: Calendar,
  noticeWorkingDays: number = HEARING_NOTICE_WORKING_DAYS,
): ScheduleCheck & { reschedule: boolean } {
  const latestServiceDay = hearingNoticeLatest(hearingDate, calendar, noticeWorkingDays);
  const late = toShanghaiDate(noticeServiceDate) > latestServiceDay.date;
  return { ok: !late, reschedule: late, latestServiceDay };
}

export type LateKind = 'hearingRequest' | 'statement' | 'recusal';

export type LateVerdict =
  | { outcome: 'onTime' }
  /** A statement after the notice's period: heard and marked late, never refused (行政处罚法 Art. 62). */
  | { outcome: 'acceptedLate' }
  /** A hearing request after its period (Art. 64(一)): refused, with the day it closed. */
  | { outcome: 'refused'; closedOn: PlainDate }
  /** Anything after the decision was made: statements and recusal are heard only until the decision. */
  | { outcome: 'afterDecision' };

/**
 * Judges an act at `at` against its deadline (a Shanghai date; the whole last day counts). Recusal has no deadline
 * (Art. 43). With `decidedAt`, an act after the decision is 'afterDecision'.
 */
export function isLate(
  kind: LateKind,
  at: DateInput,
  deadline: PlainDate | undefined,
  decidedAt?: Date,
): LateVerdict {
  if (decidedAt && at instanceof Date && at.getTime() > decidedAt.getTime())
    return { outcome: 'afterDecision' };
  if (decidedAt && !(at instanceof Date) && toShanghaiDate(at) > toShanghaiDate(decidedAt))
    return { outcome: 'afterDecision' };
  if (kind === 'recusal' || deadline === undefined) return { outcome: 'onTime' };
  if (toShanghaiDate(at) <= toShanghaiDate(deadline)) return { outcome: 'onTime' };
  return kind === 'hearingRequest' ? { outcome: 'refused', closedOn: deadline } : { outcome: 'acceptedLate' };
}
