import { epochDayFromParts, formatEpochDay, isWeekendEpochDay } from './civilDate';
import { lunarNewYearEpochDay, lunarToEpochDay } from './lunar';
import type { YearTable } from './schemas';
import { pureBrightnessEpochDay } from './solarTerm';

/** One holiday of 放假办法 Art. 2: its first day and how many days it has (epoch days). */
export interface HolidaySpan {
  name: string;
  first: number;
  days: number;
}

/**
 * The holidays for all citizens (全体公民放假的节日) of the 全国年节及纪念日放假办法 as revised by the State
 * Council on 2024-11-10 (国务院令第 795 号, in force 2025-01-01), Art. 2:
 *   元旦 1 day (1/1); 春节 4 days (除夕 to 正月初三); 清明节 1 day (the 清明 solar-term day); 劳动节 2 days (5/1-5/2);
 *   端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (10/1-10/3).
 * Art. 3's holidays for some citizens (妇女节, 青年节, 儿童节, 建军节) are not here: Art. 6 gives them no 补假 and
 * they do not stop a government office, so they are not rest days for deadlines.
 */
export function statutoryHolidaySpans(year: number): HolidaySpan[] {
  return [
    { name: '元旦', first: epochDayFromParts(year, 1, 1), days: 1 },
    // 除夕 is the day before 正月初一 (which lies between 01-21 and 02-20, so 除夕 never leaves the year).
    { name: '春节', first: lunarNewYearEpochDay(year) - 1, days: 4 },
    { name: '清明节', first: pureBrightnessEpochDay(year), days: 1 },
    { name: '劳动节', first: epochDayFromParts(year, 5, 1), days: 2 },
    { name: '端午节', first: lunarToEpochDay(year, 5, 5), days: 1 },
    { name: '中秋节', first: lunarToEpochDay(year, 8, 15), days: 1 },
    { name: '国庆节', first: epochDayFromParts(year, 10, 1), days: 3 },
  ];
}

/**
 * The weekdays off that 放假办法 Art. 6 owes (全体公民放假的假日，如果适逢周六、周日，应当在工作日补假), as this code
 * reads it:
 *  - Every holiday DAY of Art. 2 counts on its own: a 4-day 春节 or 3-day 国庆 whose span covers a Saturday and a
 *    Sunday owes two weekdays, one per holiday day lost to the weekend. The weekend days inside a span are rest
 *    days anyway; they do not "use up" the holiday, and the span is not stretched to include them.
 *  - A holiday day that coincides with another holiday's day (中秋 on 10/1, as in 2020; computed again for
 *    2031-10-01) is a rest day lost in the same way, and owes a weekday too. Art. 6 names only weekends; the
 *    State Council's 2020 arrangement (国办发明电〔2019〕16 号: 10/1-10/8, eight days with two 调休 Saturdays/
 *    Sundays worked, i.e. four holiday days) counted both holidays, and this code follows it.
 *  - Where the weekday goes is not fixed by Art. 6; the yearly notices have always put it on the first weekday
 *    after the holiday that is neither another holiday nor an earlier make-up day (元旦 on Saturday 2022-01-01 →
 *    Monday 01-03; 中秋 on Sunday 2012-09-30, right before 国庆 10/1-10/3 → Thursday 10-04). The test against
 *    chinese-days checks this placement on every year from 2008 with the rules then in force.
 * What the rule cannot predict, and does not guess: the 调休 of Art. 7 (weekdays swapped with weekend days to make
 * longer breaks). The yearly notice (an administrator's table) replaces all of this.
 * Spans are processed in date order; days outside `year` are never produced for the spans of one year.
 */
export function substituteRestDays(spans: readonly HolidaySpan[]): number[] {
  const holidayDays = new Set<number>();
  for (const span of spans) for (let d = 0; d < span.days; d++) holidayDays.add(span.first + d);
  const taken = new Set<number>();
  const seen = new Set<number>();
  const ordered = [...spans].sort((a, b) => a.first - b.first);
  for (const span of ordered) {
    let owed = 0;
    for (let d = 0; d < span.days; d++) {
      const day = span.first + d;
      if (isWeekendEpochDay(day) || seen.has(day)) owed++;
      seen.add(day);
    }
    for (let day = span.first + span.days; owed > 0; day++) {
      if (isWeekendEpochDay(day) || holidayDays.has(day) || taken.has(day)) continue;
      taken.add(day);
      owed--;
    }
  }
  return [...taken].sort((a, b) => a - b);
}

/**
 * The rest days a year is certain to have under the 2024 放假办法: the Art. 2 holidays and the Art. 6 补假
 * weekdays (substituteRestDays). Used only for a year with neither chinese-days data nor an administrator's table,
 * and every answer that touches such a year is flagged provisional. The 调休 swaps of the yearly notice are not
 * guessed (`makeUpWorkdays` stays empty); an administrator's table for the year replaces all of this.
 */
export function statutoryYearTable(year: number): YearTable {
  const spans = statutoryHolidaySpans(year);
  const days = new Set<number>();
  for (const span of spans) for (let d = 0; d < span.days; d++) days.add(span.first + d);
  for (const day of substituteRestDays(spans)) days.add(day);
  return {
    year,
    holidays: [...days]
      .sort((a, b) => a - b)
      .map(formatEpochDay)
      .filter((date) => date.startsWith(`${year}-`)),
    makeUpWorkdays: [],
    source: '全国年节及纪念日放假办法（2024 年修订）推算（含周末补假，无调休）',
  };
}
