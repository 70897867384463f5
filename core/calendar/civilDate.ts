import { isDate } from '../canonical';
import { CalendarError } from './errors';

/**
 * Plain calendar dates (`YYYY-MM-DD`, no time, no zone) and the arithmetic on them.
 *
 * Dates are handled as whole day numbers since 1970-01-01 built with `Date.UTC`, so nothing here reads the
 * process time zone. China Standard Time has been a fixed UTC+8 with no daylight saving since 1992, so an
 * instant maps to its Shanghai date by adding 8 hours; this avoids depending on the Intl time-zone database,
 * which the mini-program runtime does not reliably ship (core is bundled into the mini-program).
 */

/** A date in the Asia/Shanghai calendar, written `YYYY-MM-DD`. */
export type PlainDate = string;

/** What the public functions accept: a plain date, or an instant (a `Date` or an ISO string with an offset). */
export type DateInput = PlainDate | Date;

/** Years the calendar can answer for: the lunar table of chinese-days covers 1900-2100. */
export const FIRST_SUPPORTED_YEAR = 1901;
export const LAST_SUPPORTED_YEAR = 2099;

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO instant must carry `Z` or `±hh:mm`; a bare local time would depend on the reader's zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function epochDayFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function partsFromEpochDay(epochDay: number): DateParts {
  const utc = new Date(epochDay * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function formatParts({ year, month, day }: DateParts): PlainDate {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatEpochDay(epochDay: number): PlainDate {
  return formatParts(partsFromEpochDay(epochDay));
}

/** Parses a strict `YYYY-MM-DD` that names a real day (2026-02-30 is refused), or returns undefined. */
export function tryParsePlainDate(text: string): DateParts | undefined {
  const match = PLAIN_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const roundTrip = partsFromEpochDay(epochDayFromParts(year, month, day));
  if (roundTrip.year !== year || roundTrip.month !== month || roundTrip.day !== day) return undefined;
  return { year, month, day };
}

/** The Shanghai calendar date of an instant (2026-01-01T17:00Z is 2026-01-02 in Shanghai). */
export function shanghaiEpochDayOfInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new CalendarError('INVALID_DATE', '日期无效：时间值不是有效的时刻');
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The instant Shanghai's day `epochDay` begins (its 00:00, UTC+8). */
function shanghaiDayStart(epochDay: number): Date {
  return new Date(epochDay * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The last second of a Shanghai calendar date (23:59:59, UTC+8): a due date is met until then. */
export function endOfShanghaiDay(date: PlainDate): Date {
  return new Date(shanghaiDayStart(toEpochDay(date) + 1).getTime() - 1000);
}

/**
 * The start (epoch ms) of the window of `windowMs` that contains `instant`; windows of whole days are aligned to
 * Shanghai midnight ("5 per day" counts the calendar day as people in Shanghai do), shorter ones to the epoch.
 */
export function shanghaiWindowStart(instant: Date, windowMs: number): number {
  const offset = windowMs % MS_PER_DAY === 0 ? SHANGHAI_OFFSET_MS : 0;
  return Math.floor((instant.getTime() + offset) / windowMs) * windowMs - offset;
}

/** `YYYY-MM-DD HH:mm` in Shanghai time, for messages people read. */
export function formatShanghaiMinute(instant: Date): string {
  const s = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** Any accepted input to its Shanghai epoch day, refusing what is ambiguous or outside the supported years. */
export function toEpochDay(input: DateInput): number {
  let epochDay: number;
  if (isDate(input)) {
    epochDay = shanghaiEpochDayOfInstant(input);
  } else if (typeof input === 'string') {
    const parts = tryParsePlainDate(input);
    if (parts) {
      epochDay = epochDayFromParts(parts.year, parts.month, parts.day);
    } else if (ISO_INSTANT.test(input)) {
      epochDay = shanghaiEpochDayOfInstant(new Date(input));
    } else {
      throw new CalendarError(
        'INVALID_DATE',
        `日期格式无效：“${input}”，应为 YYYY-MM-DD，或带时区偏移的时刻（如 2026-01-01T17:00:00Z）`,
      );
    }
  } else {
    throw new CalendarError('INVALID_DATE', '日期无效：应为 YYYY-MM-DD 字符串或时刻');
  }
  assertSupportedYear(partsFromEpochDay(epochDay).year);
  return epochDay;
}

/** Normalises any accepted input to its Shanghai `YYYY-MM-DD`. */
export function toShanghaiDate(input: DateInput): PlainDate {
  return formatEpochDay(toEpochDay(input));
}

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `年份 ${year} 超出日历支持范围（${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR} 年）`,
    );
  }
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (epoch day 0) was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekendEpochDay(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

export function daysInMonth(year: number, month: number): number {
  return epochDayFromParts(year, month + 1, 1) - epochDayFromParts(year, month, 1);
}
