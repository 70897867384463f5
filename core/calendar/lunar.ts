import { getYearLeapMonth, monthDays } from 'chinese-days';
import { assertSupportedYear, epochDayFromParts, formatEpochDay } from './civilDate';

/**
 * Lunar (农历) month/day → Gregorian date, for the statutory holidays of years without official data.
 *
 * The month lengths and leap months come from chinese-days' lunar table (the classic 1900-2100 `lunarInfo`
 * table, derived from the Purple Mountain Observatory's calendar) through its two pure lookups `monthDays` and
 * `getYearLeapMonth`. Its own date converters (`getSolarDateFromLunar`, `getLunarDate`) are NOT used: they read
 * dates through local-time getters, so under TZ=America/New_York they put 春节 2027 on 02-07 instead of 02-06.
 * The walk from the table's anchor is done here on whole day numbers, which no time zone can shift.
 */

/** Lunar 1900-01-01 (正月初一) fell on Gregorian 1900-01-31 — the anchor of the lunar table. */
const ANCHOR_EPOCH_DAY = epochDayFromParts(1900, 1, 31);
const ANCHOR_LUNAR_YEAR = 1900;

function leapMonthOf(lunarYear: number): { month: number; days: number } {
  const leap = getYearLeapMonth(lunarYear);
  return { month: leap.leapMonth ?? 0, days: leap.days };
}

function lunarYearLength(lunarYear: number): number {
  let days = leapMonthOf(lunarYear).days;
  for (let month = 1; month <= 12; month++) days += monthDays(lunarYear, month);
  return days;
}

const newYearCache = new Map<number, number>();

/** Epoch day of 正月初一 of `lunarYear`. */
export function lunarNewYearEpochDay(lunarYear: number): number {
  assertSupportedYear(lunarYear);
  const cached = newYearCache.get(lunarYear);
  if (cached !== undefined) return cached;
  let epochDay = ANCHOR_EPOCH_DAY;
  for (let year = ANCHOR_LUNAR_YEAR; year < lunarYear; year++) epochDay += lunarYearLength(year);
  newYearCache.set(lunarYear, epochDay);
  return epochDay;
}

/** Epoch day of a non-leap lunar month/day (holidays are never in a leap month). */
export function lunarToEpochDay(lunarYear: number, lunarMonth: number, lunarDay: number): number {
  const leap = leapMonthOf(lunarYear);
  let epochDay = lunarNewYearEpochDay(lunarYear);
  for (let month = 1; month < lunarMonth; month++) {
    epochDay += monthDays(lunarYear, month);
    // The leap month follows the ordinary month of the same number (闰六月 comes after 六月).
    if (month === leap.month) epochDay += leap.days;
  }
  return epochDay + lunarDay - 1;
}

/** The Gregorian date (`YYYY-MM-DD`) of a non-leap lunar month/day. */
export function lunarToSolarDate(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  return formatEpochDay(lunarToEpochDay(lunarYear, lunarMonth, lunarDay));
}
