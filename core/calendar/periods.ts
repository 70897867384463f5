import { assertSupportedYear, daysInMonth, epochDayFromParts, partsFromEpochDay } from './civilDate';
import { CalendarError } from './errors';

/**
 * Period arithmetic on epoch days (docs/requirements.md "Rules used everywhere"):
 *  - a period is counted from the day after the event that starts it;
 *  - "N working days" skips weekends and holidays and counts 调休 make-up Saturdays/Sundays;
 *  - a calendar-day or month period whose last day is a rest day ends on the next working day;
 *  - a month period ends on the same day of the month, or the month's last day where that day does not exist.
 * Every result says whether any day it consulted lies in a year without official holiday data.
 */

export interface DayVerdict {
  working: boolean;
  provisional: boolean;
}

/** Answers whether an epoch day is a working day, and whether that answer rests on official data. */
export type WorkingDayOracle = (epochDay: number) => DayVerdict;

export interface EpochDayResult {
  epochDay: number;
  provisional: boolean;
}

/** A dashboard item is "due soon" from the last DUE_SOON_WORKING_DAYS working days of its period on. */
export const DUE_SOON_WORKING_DAYS = 2;

export type DueStatus = 'ok' | 'dueSoon' | 'overdue';

export function assertPeriodLength(n: number, what: string): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new CalendarError('INVALID_COUNT', `${what}无效：${String(n)}，应为不小于 0 的整数`);
  }
}

/** The day itself if it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(oracle: WorkingDayOracle, epochDay: number): EpochDayResult {
  let provisional = false;
  for (let day = epochDay; ; day++) {
    const verdict = oracle(day);
    provisional ||= verdict.provisional;
    if (verdict.working) return { epochDay: day, provisional };
  }
}

/**
 * The n-th working day after `start` (start itself is never counted: the period runs from the next day).
 * n = 0 means "no working days to add": the answer is `start` when it is a working day, otherwise the next
 * working day — the same as chinese-days' `findWorkday(0)`, and the rest-day rule applied to an empty period.
 */
export function addWorkingDays(oracle: WorkingDayOracle, start: number, n: number): EpochDayResult {
  assertPeriodLength(n, '工作日天数');
  if (n === 0) return nextWorkingDayOnOrAfter(oracle, start);
  let provisional = false;
  let remaining = n;
  let day = start;
  while (remaining > 0) {
    day++;
    const verdict = oracle(day);
    provisional ||= verdict.provisional;
    if (verdict.working) remaining--;
  }
  return { epochDay: day, provisional };
}

/**
 * Working days in the half-open interval (from, to]: the days after `from` up to and including `to`. So
 * countWorkingDays(due, today) is how many working days late `today` is, and addWorkingDays(s, n) = d implies
 * countWorkingDays(s, d) = n. When `to` is before `from` the count is negated (working days in (to, from]).
 */
export function countWorkingDays(
  oracle: WorkingDayOracle,
  from: number,
  to: number,
): { value: number; provisional: boolean } {
  if (to < from) {
    const reversed = countWorkingDays(oracle, to, from);
    return { value: reversed.value === 0 ? 0 : -reversed.value, provisional: reversed.provisional };
  }
  let provisional = false;
  let value = 0;
  for (let day = from + 1; day <= to; day++) {
    const verdict = oracle(day);
    provisional ||= verdict.provisional;
    if (verdict.working) value++;
  }
  return { value, provisional };
}

/** A period of n calendar days from the day after `start`; a last day that is a rest day moves on. */
export function addCalendarDays(oracle: WorkingDayOracle, start: number, n: number): EpochDayResult {
  assertPeriodLength(n, '自然日天数');
  return nextWorkingDayOnOrAfter(oracle, start + n);
}

/** A period of n months: same day of the month n months later (or that month's last day), then the rest-day rule. */
export function addMonths(oracle: WorkingDayOracle, start: number, n: number): EpochDayResult {
  assertPeriodLength(n, '月数');
  const { year, month, day } = partsFromEpochDay(start);
  const monthIndex = month - 1 + n;
  const endYear = year + Math.floor(monthIndex / 12);
  const endMonth = (monthIndex % 12) + 1;
  assertSupportedYear(endYear);
  const lastDay = epochDayFromParts(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth)));
  return nextWorkingDayOnOrAfter(oracle, lastDay);
}

/**
 * 'overdue' once `today` is after the due date; 'dueSoon' when today lies within the last two working days of
 * the period, i.e. fewer than DUE_SOON_WORKING_DAYS working days remain in (today, due] — the working day
 * before the due date, the due date itself, and any rest day between them; 'ok' otherwise.
 */
export function dueStatus(
  oracle: WorkingDayOracle,
  due: number,
  today: number,
): { value: DueStatus; provisional: boolean } {
  if (today > due) return { value: 'overdue', provisional: false };
  const remaining = countWorkingDays(oracle, today, due);
  return {
    value: remaining.value < DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'ok',
    provisional: remaining.provisional,
  };
}

/**
 * The last due date that is not 'ok' on `today` (dueStatus): every due date on or before it is overdue or due
 * soon, every later one is 'ok'. It is the day before the DUE_SOON_WORKING_DAYS-th working day after today, so
 * a list of what is due can be read as `due <= horizon` from an index instead of judging every open item.
 */
export function dueSoonHorizon(oracle: WorkingDayOracle, today: number): EpochDayResult {
  const first = addWorkingDays(oracle, today, DUE_SOON_WORKING_DAYS);
  return { epochDay: first.epochDay - 1, provisional: first.provisional };
}
