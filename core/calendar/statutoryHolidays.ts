import { epochDayFromParts, formatEpochDay } from './civilDate';
import { lunarNewYearEpochDay, lunarToEpochDay } from './lunar';
import type { YearTable } from './schemas';
import { pureBrightnessEpochDay } from './solarTerm';

/**
 * The rest days a year is certain to have under the 全国年节及纪念日放假办法 as revised by the State Council
 * on 2024-11-10 (国务院令第 795 号, in force 2025-01-01), Art. 2 (holidays for all citizens):
 *   元旦 1 day (1/1); 春节 4 days (除夕 to 正月初三); 清明节 1 day (the 清明 solar-term day); 劳动节 2 days (5/1-5/2);
 *   端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (10/1-10/3).
 * Used only for a year with neither chinese-days data nor an administrator's table, and every answer that
 * touches such a year is flagged provisional. Deliberately NOT guessed: the 调休 swaps of the State Council's
 * yearly notice, and the substitute weekday off that Art. 6 grants when a holiday falls on a weekend (which
 * weekday is chosen is left to that notice). An administrator's table for the year replaces all of this.
 */
export function statutoryYearTable(year: number): YearTable {
  const days: number[] = [];
  const range = (first: number, count: number) => {
    for (let offset = 0; offset < count; offset++) days.push(first + offset);
  };
  range(epochDayFromParts(year, 1, 1), 1); // 元旦
  range(lunarNewYearEpochDay(year) - 1, 4); // 春节: 除夕 is the day before 正月初一
  range(pureBrightnessEpochDay(year), 1); // 清明
  range(epochDayFromParts(year, 5, 1), 2); // 劳动节
  range(lunarToEpochDay(year, 5, 5), 1); // 端午
  range(lunarToEpochDay(year, 8, 15), 1); // 中秋
  range(epochDayFromParts(year, 10, 1), 3); // 国庆
  return {
    year,
    // A Set because 中秋 can coincide with 国庆 (2020-10-01). 正月初一 lies between 01-21 and 02-20, so 除夕
    // never leaves the year; the filter only keeps that promise explicit.
    holidays: [...new Set(days)].map(formatEpochDay).filter((date) => date.startsWith(`${year}-`)),
    makeUpWorkdays: [],
    source: '全国年节及纪念日放假办法（2024 年修订）推算，无调休',
  };
}
