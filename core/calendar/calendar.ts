import {
  formatEpochDay,
  isWeekendEpochDay,
  partsFromEpochDay,
  toEpochDay,
  type DateInput,
  type PlainDate,
} from './civilDate';
import * as periods from './periods';
import type { DueStatus, EpochDayResult, WorkingDayOracle } from './periods';
import { createYearResolver, validateAdminTables, type YearSourceKind } from './yearSources';

/** A date answer; `provisional` is true when any year it consulted has no official holiday arrangement. */
export interface DateResult {
  date: PlainDate;
  provisional: boolean;
}

export interface FlaggedValue<T> {
  value: T;
  provisional: boolean;
}

export interface YearSourceInfo {
  year: number;
  kind: YearSourceKind;
  source: string;
  provisional: boolean;
}

/**
 * The working-day calendar. Every function accepts a plain `YYYY-MM-DD` (a Shanghai date) or an instant (a `Date`
 * or an ISO string with `Z`/offset, converted to its Shanghai date first), and answers in plain dates.
 * Invalid input throws `CalendarError` with a Chinese message.
 */
export interface Calendar {
  /** Working day in the isWorkday sense: 调休 make-up Saturdays/Sundays are working days. */
  isWorkingDay(date: DateInput): FlaggedValue<boolean>;
  /** The n-th working day after `start` (n ≥ 0; n = 0 → start, or the next working day if start is a rest day). */
  addWorkingDays(start: DateInput, n: number): DateResult;
  /** Working days in (from, to]; negative when `to` is before `from`. */
  countWorkingDays(from: DateInput, to: DateInput): FlaggedValue<number>;
  /** End of an n-calendar-day period counted from the day after `start`, moved off rest days. */
  addCalendarDays(start: DateInput, n: number): DateResult;
  /** End of an n-month period (same day of month or the month's last day), moved off rest days. */
  addMonths(start: DateInput, n: number): DateResult;
  /** `date` itself when it is a working day, otherwise the next working day. */
  nextWorkingDay(date: DateInput): DateResult;
  /** Dashboard status of a due date on `today`: 'overdue' after it, 'dueSoon' in its last 2 working days. */
  dueStatus(dueDate: DateInput, today: DateInput): FlaggedValue<DueStatus>;
  /** The last due date whose status on `today` is not 'ok': what is due is exactly `due <= horizon`. */
  dueSoonHorizon(today: DateInput): DateResult;
  /** Which data answers for a year (admin table, chinese-days, or the provisional statutory computation). */
  yearSource(year: number): YearSourceInfo;
}

export interface CalendarOptions {
  /** Administrator-loaded year tables (validated with `yearTableSchema`); they win over every other source. */
  adminTables?: readonly unknown[];
}

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const resolveYear = createYearResolver(validateAdminTables(options.adminTables ?? []));

  const oracle: WorkingDayOracle = (epochDay) => {
    const year = resolveYear(partsFromEpochDay(epochDay).year);
    const working =
      year.makeUpWorkdays.has(epochDay) || (!isWeekendEpochDay(epochDay) && !year.holidays.has(epochDay));
    return { working, provisional: year.provisional };
  };
  const asDate = (result: EpochDayResult): DateResult => ({
    date: formatEpochDay(result.epochDay),
    provisional: result.provisional,
  });

  return {
    isWorkingDay: (date) => {
      const verdict = oracle(toEpochDay(date));
      return { value: verdict.working, provisional: verdict.provisional };
    },
    addWorkingDays: (start, n) => asDate(periods.addWorkingDays(oracle, toEpochDay(start), n)),
    countWorkingDays: (from, to) => periods.countWorkingDays(oracle, toEpochDay(from), toEpochDay(to)),
    addCalendarDays: (start, n) => asDate(periods.addCalendarDays(oracle, toEpochDay(start), n)),
    addMonths: (start, n) => asDate(periods.addMonths(oracle, toEpochDay(start), n)),
    nextWorkingDay: (date) => asDate(periods.nextWorkingDayOnOrAfter(oracle, toEpochDay(date))),
    dueStatus: (dueDate, today) => periods.dueStatus(oracle, toEpochDay(dueDate), toEpochDay(today)),
    dueSoonHorizon: (today) => asDate(periods.dueSoonHorizon(oracle, toEpochDay(today))),
    yearSource: (year) => {
      const { kind, source, provisional } = resolveYear(year);
      return { year, kind, source, provisional };
    },
  };
}
