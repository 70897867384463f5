import { createCalendar } from '../../../core/calendar';
import { runZoneProbe } from './helpers';

/**
 * Hand-checked table for 2026 (国务院办公厅关于2026年部分节假日安排的通知):
 *   元旦 1/1-1/3 off, 1/4 (Sun) work; 春节 2/15-2/23 off, 2/14 (Sat) and 2/28 (Sat) work; 清明 4/4-4/6 off;
 *   劳动节 5/1-5/5 off, 5/9 (Sat) work; 端午 6/19-6/21 off; 中秋 9/25-9/27 off;
 *   国庆 10/1-10/7 off, 9/20 (Sun) and 10/10 (Sat) work.
 * Weekdays worked out by hand from 2026-01-01 = Thursday: 02-13 Fri, 04-06 Mon, 05-01 Fri, 05-08 Fri,
 * 06-19 Fri, 09-18 Fri, 09-25 Fri, 09-30 Wed, 10-01 Thu, 10-08 Thu, 10-11 Sun. Each expectation below is counted
 * on those facts, never read off the code under test.
 */
const calendar = createCalendar();

const OFFICIAL_2026_HOLIDAYS = [
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
] as const;
const OFFICIAL_2026_MAKE_UP_DAYS = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += 86_400_000) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

describe('2026 against the State Council notice', () => {
  it('chinese-days holds exactly the notice’s holidays and make-up days (no disagreement found)', () => {
    const expectedHolidays = OFFICIAL_2026_HOLIDAYS.flatMap(([first, last]) => datesBetween(first, last));
    // chinese-days' functions are asked in a child process running in Asia/Shanghai (see helpers.ts).
    const probe = runZoneProbe('Asia/Shanghai');
    expect(probe.chineseDays.holidays2026).toEqual(expectedHolidays);
    expect(probe.chineseDays.makeUpDays2026).toEqual(OFFICIAL_2026_MAKE_UP_DAYS); // weekend days it calls working
    expect(calendar.yearSource(2026)).toMatchObject({ kind: 'chinese-days', provisional: false });
  });

  it.each(OFFICIAL_2026_MAKE_UP_DAYS)('调休 make-up day %s is a working day', (date) => {
    expect(calendar.isWorkingDay(date)).toEqual({ value: true, provisional: false });
  });

  it.each(OFFICIAL_2026_HOLIDAYS.flatMap(([first, last]) => datesBetween(first, last)))(
    'holiday %s is a rest day',
    (date) => {
      expect(calendar.isWorkingDay(date)).toEqual({ value: false, provisional: false });
    },
  );

  it.each([
    ['2026-01-05', true], // Monday after the 元旦 make-up Sunday
    ['2026-02-13', true], // Friday before 春节
    ['2026-02-24', true], // Tuesday after 春节
    ['2026-03-01', false], // ordinary Sunday between the make-up Saturday 2/28 and Monday
    ['2026-10-08', true], // Thursday after 国庆
    ['2026-10-11', false], // ordinary Sunday after the make-up Saturday 10/10
    ['2026-07-15', true], // ordinary Wednesday
  ])('%s working: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date).value).toBe(expected);
  });
});

describe('addWorkingDays in 2026', () => {
  it.each([
    // Fri before 春节: 2/14 Sat make-up (1), 2/15-2/23 off, 2/24-2/27 (2-5), 2/28 Sat make-up (6), 3/1 Sun, 3/2 Mon (7)
    ['2026-02-13', 7, '2026-03-02'],
    ['2026-02-12', 2, '2026-02-14'], // 2/13 (1), 2/14 make-up Sat (2)
    // Fri before the 劳动节 make-up Saturday: 5/9 (1), 5/11-5/15 (2-6), 5/18 Mon (7)
    ['2026-05-08', 1, '2026-05-09'],
    ['2026-05-08', 7, '2026-05-18'],
    // across 国庆 with 10/10 counted: 10/8 (1), 10/9 (2), 10/10 Sat (3), 10/12-10/15 (4-7); without 10/10 it would be 10/16
    ['2026-09-30', 7, '2026-10-15'],
    ['2026-09-18', 3, '2026-09-22'], // 9/19 Sat off, 9/20 Sun make-up (1), 9/21 (2), 9/22 (3)
    ['2025-12-31', 1, '2026-01-04'], // 1/1-1/3 off, 1/4 make-up Sunday
    ['2025-12-31', 2, '2026-01-05'],
    ['2026-04-02', 2, '2026-04-07'], // 4/3 Fri (1), 4/4-4/6 off, 4/7 (2)
    ['2026-04-30', 2, '2026-05-07'], // 5/1-5/5 off, 5/6 (1), 5/7 (2)
    ['2026-06-18', 1, '2026-06-22'], // 端午 6/19-6/21
    ['2026-09-24', 1, '2026-09-28'], // 中秋 9/25-9/27
    ['2026-10-03', 1, '2026-10-08'], // start inside a holiday: the next working day is the first
    // n = 0: the start itself when working, else the next working day
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-10-10', 0, '2026-10-10'],
    ['2026-10-01', 0, '2026-10-08'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
  });

  it('differs from getWorkdaysInRange(…, false), which drops the make-up Saturday 10/10 (a chinese-days pitfall)', () => {
    const withoutWeekends = runZoneProbe('Asia/Shanghai').chineseDays.workdaysWithoutWeekends;
    expect(withoutWeekends).not.toContain('2026-10-10');
    expect(calendar.countWorkingDays('2026-09-30', '2026-10-15').value).toBe(withoutWeekends.length + 1);
  });
});

describe('countWorkingDays in 2026 (days in (from, to])', () => {
  it.each([
    ['2026-02-13', '2026-03-02', 7], // 2/14, 2/24, 2/25, 2/26, 2/27, 2/28, 3/2
    ['2026-09-30', '2026-10-15', 7], // 10/8, 10/9, 10/10, 10/12-10/15
    ['2026-09-30', '2026-10-11', 3], // 10/8, 10/9, 10/10
    ['2026-09-30', '2026-10-07', 0], // only holidays
    ['2026-10-15', '2026-09-30', -7], // reversed interval is negated
    ['2026-05-05', '2026-05-05', 0],
    // Whole year: 52 weeks + Thursday 1/1 → 261 weekdays; 19 weekday holidays (1/1, 1/2; 2/16-2/20, 2/23; 4/6;
    // 5/1, 5/4, 5/5; 6/19; 9/25; 10/1, 10/2, 10/5, 10/6, 10/7); 6 make-up days → 261 − 19 + 6 = 248
    ['2025-12-31', '2026-12-31', 248],
  ])('(%s, %s] holds %i working days', (from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toEqual({ value: expected, provisional: false });
  });
});
