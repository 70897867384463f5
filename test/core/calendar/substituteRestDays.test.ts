import { createCalendar, statutoryYearTable } from '../../../core/calendar';
import {
  epochDayFromParts,
  formatEpochDay,
  isWeekendEpochDay,
  tryParsePlainDate,
} from '../../../core/calendar/civilDate';
import { lunarNewYearEpochDay } from '../../../core/calendar/lunar';
import { chineseDaysYearTable } from '../../../core/calendar/officialHolidays';
import {
  statutoryHolidaySpans,
  substituteRestDays,
  type HolidaySpan,
} from '../../../core/calendar/statutoryHolidays';

/**
 * 全国年节及纪念日放假办法 Art. 6 (补假): a holiday for all citizens that falls on a Saturday or Sunday is made up
 * on a working day. docs/requirements.md "Calendar rules used everywhere": a year without an official table is
 * computed, and its answers are provisional; without the 补假 they came out one or two working days early.
 */
const epoch = (date: string) => {
  const p = tryParsePlainDate(date)!;
  return epochDayFromParts(p.year, p.month, p.day);
};
const dates = (days: number[]) => days.map(formatEpochDay);

/** The Art. 2 holidays as the 放假办法 gave them in `year`: 2007 text (2008-2013), 2013 text (2014-2024), 2024 text. */
function spansInForce(year: number): HolidaySpan[] {
  const current = statutoryHolidaySpans(year);
  if (year >= 2025) return current;
  const newYear = lunarNewYearEpochDay(year);
  return current.map((span) =>
    span.name === '春节'
      ? { ...span, first: year < 2014 ? newYear - 1 : newYear, days: 3 } // 除夕-初二, then 初一-初三
      : span.name === '劳动节'
        ? { ...span, days: 1 }
        : span,
  );
}

describe('Art. 6 补假 computed for years without a notice', () => {
  it.each([
    // 2027: 除夕 2/5 Fri, 初一 2/6 Sat, 初二 2/7 Sun, 初三 2/8 Mon → 2/9, 2/10; 5/1-5/2 Sat-Sun → 5/3, 5/4;
    // 10/1 Fri, 10/2 Sat, 10/3 Sun → 10/4, 10/5.
    [2027, ['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']],
    // 2028: 元旦 Sat → 1/3 Mon; 端午 5/28 Sun → 5/29; 国庆 10/1-10/3 Sun-Tue → 10/4, and 中秋 10/3 coincides
    // with 国庆 → 10/5.
    [2028, ['2028-01-03', '2028-05-29', '2028-10-04', '2028-10-05']],
    // 2029: 端午 6/16 Sat → 6/18 Mon; 中秋 9/22 Sat → 9/24 Mon.
    [2029, ['2029-06-18', '2029-09-24']],
    // 2030: 除夕 2/2 Sat, 初一 2/3 Sun, 初二-初三 2/4-2/5 Mon-Tue → 2/6, 2/7.
    [2030, ['2030-02-06', '2030-02-07']],
    // 2031: 除夕 1/22 Wed to 初三 1/25 Sat → 1/27 Mon; 清明 4/5 Sat → 4/7 Mon; 中秋 on 10/1 (Wed) itself with
    // 国庆 10/1-10/3 Wed-Fri → one weekday owed for the coinciding day, 10/6 Mon.
    [2031, ['2031-01-27', '2031-04-07', '2031-10-06']],
  ])('%i owes exactly these weekdays', (year, expected) => {
    expect(dates(substituteRestDays(statutoryHolidaySpans(year)))).toEqual(expected);
    const table = statutoryYearTable(year);
    for (const day of expected) expect(table.holidays).toContain(day);
    expect(table.makeUpWorkdays).toEqual([]); // 调休 (Art. 7) is never guessed
  });

  it('every make-up day is a weekday that is not itself a holiday', () => {
    for (let year = 2027; year <= 2060; year++) {
      const spans = statutoryHolidaySpans(year);
      const holidays = new Set(spans.flatMap((s) => Array.from({ length: s.days }, (_, i) => s.first + i)));
      for (const day of substituteRestDays(spans)) {
        expect(isWeekendEpochDay(day)).toBe(false);
        expect(holidays.has(day)).toBe(false);
        expect(formatEpochDay(day).startsWith(`${year}-`)).toBe(true);
      }
    }
  });

  it('moves provisional 2027 deadlines later, never earlier', () => {
    const calendar = createCalendar();
    // 9/30 Thu + 1 working day: 10/1-10/3 holidays (10/2-10/3 a weekend), 10/4-10/5 补假 → 10/6 Wed.
    expect(calendar.addWorkingDays('2027-09-30', 1)).toEqual({ date: '2027-10-06', provisional: true });
    // 4/30 Fri + 1: 5/1-5/2 Sat-Sun, 5/3-5/4 补假 → 5/5.
    expect(calendar.addWorkingDays('2027-04-30', 1)).toEqual({ date: '2027-05-05', provisional: true });
  });
});

describe('the rule against the State Council’s notices (chinese-days, 2008-2026)', () => {
  it('2025 and 2026 (the 2024 text): every computed 补假 weekday is an official rest day', () => {
    // 2025: 端午 5/31 Sat → 6/2. 2026: 清明 4/5 Sun → 4/6; 劳动节 5/2 Sat → 5/4; 国庆 10/3 Sat → 10/5.
    expect(dates(substituteRestDays(statutoryHolidaySpans(2025)))).toEqual(['2025-06-02']);
    expect(dates(substituteRestDays(statutoryHolidaySpans(2026)))).toEqual([
      '2026-04-06',
      '2026-05-04',
      '2026-10-05',
    ]);
    for (const year of [2025, 2026]) {
      const official = chineseDaysYearTable(year)!;
      for (const day of statutoryYearTable(year).holidays) expect(official.holidays).toContain(day);
    }
  });

  it('places the weekday where the notices did, save two years the notice chose otherwise', () => {
    // Art. 6 does not say which weekday; the notices put it after the holiday in every year but these two:
    // 2012 端午 (6/23 Sat) was made up on Friday 6/22, before it; 2015 中秋 (9/27 Sun) inside the 国庆 break.
    const placedElsewhere = ['2012-06-25', '2015-09-28'];
    for (let year = 2008; year <= 2026; year++) {
      const official = new Set(chineseDaysYearTable(year)!.holidays);
      const missing = dates(substituteRestDays(spansInForce(year))).filter((day) => !official.has(day));
      expect(missing).toEqual(placedElsewhere.filter((day) => day.startsWith(`${year}-`)));
    }
  });

  it('owes as many weekdays off as the notices gave, net of 调休 (one-off holidays aside)', () => {
    // Weekday rest days minus weekend days worked (调休 only swaps) = holidays on weekdays + 补假. Known
    // differences: 2012's 元旦 swap was worked on 2011-12-31; 2015-09-03 抗战胜利 70 周年 (a one-off day);
    // 2020's 春节 extended for the epidemic (国办发明电〔2020〕1 号). 2020's 中秋 fell on 10/1: the notice gave
    // it its own weekday, which this rule follows.
    const oneOff: Record<number, number> = { 2011: -1, 2012: 1, 2015: 1, 2020: 2 };
    for (let year = 2008; year <= 2026; year++) {
      const official = chineseDaysYearTable(year)!;
      const weekdayOff = official.holidays.filter((d) => !isWeekendEpochDay(epoch(d))).length;
      const net = weekdayOff - official.makeUpWorkdays.length;
      const spans = spansInForce(year);
      const holidays = new Set(spans.flatMap((s) => Array.from({ length: s.days }, (_, i) => s.first + i)));
      const computed =
        [...holidays].filter((d) => !isWeekendEpochDay(d)).length + substituteRestDays(spans).length;
      expect({ year, net }).toEqual({ year, net: computed + (oneOff[year] ?? 0) });
    }
  });
});
