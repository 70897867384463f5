import { chineseDaysKnownYears, lunarToSolarDate, pureBrightnessDate } from '../../../core/calendar';
import { runZoneProbe } from './helpers';

/**
 * The calendar reads chinese-days' data and re-implements its date handling without local-time getters. These
 * tests pin that the result equals chinese-days' own functions wherever those are right (a child process in
 * Asia/Shanghai, see helpers.ts), and show why its functions are not called directly.
 */
describe('agreement with chinese-days', () => {
  const shanghai = runZoneProbe('Asia/Shanghai');

  it('runs the comparison in Asia/Shanghai', () => {
    expect(shanghai.offsetMinutes).toBe(-480);
  });

  it('knows the years 2004 through 2026, contiguously', () => {
    const years = chineseDaysKnownYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, index) => 2004 + index));
  });

  it('isWorkingDay equals isWorkday on every day of 2004-2026, and none of those days is provisional', () => {
    expect(shanghai.disagreements.isWorkday).toEqual([]);
  });

  it('computes 清明 on the same day as chinese-days’ solar-term formula for every year 1901-2099', () => {
    expect(shanghai.disagreements.pureBrightness).toEqual([]);
  });

  it('converts 正月初一, 五月初五 and 八月十五 like chinese-days for every year 1901-2099', () => {
    expect(shanghai.disagreements.lunar).toEqual([]);
  });

  it('puts 春节, 清明, 端午 and 中秋 of 2024-2026 where the official arrangements put them', () => {
    // Holiday blocks of the 2024, 2025 and 2026 notices contain these days (chinese-days' official tables).
    expect([2024, 2025, 2026].map((year) => lunarToSolarDate(year, 1, 1))).toEqual([
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
    ]);
    expect([2024, 2025, 2026].map(pureBrightnessDate)).toEqual(['2024-04-04', '2025-04-04', '2026-04-05']);
    expect([2024, 2025, 2026].map((year) => lunarToSolarDate(year, 5, 5))).toEqual([
      '2024-06-10',
      '2025-05-31',
      '2026-06-19',
    ]);
    expect([2024, 2025, 2026].map((year) => lunarToSolarDate(year, 8, 15))).toEqual([
      '2024-09-17',
      '2025-10-06',
      '2026-09-25',
    ]);
  });
});

describe('why chinese-days’ functions are not called directly', () => {
  it('they read dates in the process zone: in New York 2026-10-10 is looked up as 10-09 and 春节 2027 moves', () => {
    const newYork = runZoneProbe('America/New_York');
    expect(newYork.offsetMinutes).toBe(300);
    expect(newYork.chineseDays.dayDetail20261010).toBe('2026-10-09');
    expect(newYork.chineseDays.lunarNewYear2027).toBe('2027-02-07');
    expect(newYork.chineseDays.pureBrightness2027).toBe('2027-04-04');
    // while the calendar's own answers there are the Shanghai ones
    expect(newYork.calendar).toEqual(runZoneProbe('Asia/Shanghai').calendar);
    expect(newYork.calendar.lunarNewYear2027).toBe('2027-02-06');
    expect(newYork.calendar.pureBrightness2027).toBe('2027-04-05');
  });
});
