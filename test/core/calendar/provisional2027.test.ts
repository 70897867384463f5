import {
  createCalendar,
  lunarToSolarDate,
  pureBrightnessDate,
  statutoryYearTable,
} from '../../../core/calendar';
import { apparentSolarLongitude } from '../../../core/calendar/solarTerm';
import { beijingDateOfJde, firstNewMoonOnOrAfter, newMoonJde, runZoneProbe } from './helpers';

/**
 * 2027 has no official arrangement yet (chinese-days stops at 2026), so its days come from the 2024 放假办法:
 * 元旦 1/1; 春节 除夕 2/5 to 初三 2/8; 清明 4/5; 劳动节 5/1-5/2; 端午 6/9; 中秋 9/15; 国庆 10/1-10/3.
 * Weekdays by hand from 2027-01-01 = Friday (2026 has 365 days and began on a Thursday).
 */
const calendar = createCalendar();

describe('2027 statutory holidays, verified independently', () => {
  it('lists exactly the 2024 放假办法 days and the Art. 6 补假 weekdays, with no 调休', () => {
    expect(statutoryYearTable(2027)).toMatchObject({
      year: 2027,
      holidays: [
        '2027-01-01',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09', // 补假: 初一 and 初二 fell on Saturday and Sunday
        '2027-02-10',
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
        '2027-05-03', // 补假: 劳动节 fell on Saturday and Sunday
        '2027-05-04',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
        '2027-10-04', // 补假: 10/2 and 10/3 fell on Saturday and Sunday
        '2027-10-05',
      ],
      makeUpWorkdays: [],
    });
  });

  it('春节, 端午 and 中秋 agree with astronomical new moons (Meeus ch. 49), not only with the lunar table', () => {
    // 正月初一 is the Beijing day of the new moon; 2027-02-06's falls at 23:56 Beijing time (15:56 UTC).
    const firstMonth = firstNewMoonOnOrAfter('2027-02-01');
    expect(beijingDateOfJde(newMoonJde(firstMonth))).toBe('2027-02-06');
    expect(lunarToSolarDate(2027, 1, 1)).toBe('2027-02-06');
    // It is the second new moon after the 2026 winter solstice (solar longitude 270°, on 2026-12-22):
    // 十一月 holds the solstice, 十二月 follows, then 正月.
    const solsticeMonth = firstMonth - 2;
    const longitudeAt = (k: number) => apparentSolarLongitude(newMoonJde(k));
    expect(longitudeAt(solsticeMonth)).toBeLessThan(270);
    expect(longitudeAt(solsticeMonth + 1)).toBeGreaterThan(270);
    // Every month from 正月 through 八月 contains a 中气 (a multiple of 30° of solar longitude), so none of them
    // is a leap month, and 五月 / 八月 begin exactly 4 / 7 lunations after 正月.
    for (let k = firstMonth; k < firstMonth + 8; k++) {
      const start = Math.floor(longitudeAt(k) / 30);
      const end = Math.floor(longitudeAt(k + 1) / 30);
      expect(end).not.toBe(start);
    }
    expect(beijingDateOfJde(newMoonJde(firstMonth + 4))).toBe('2027-06-05'); // 五月初一 → 初五 = 06-09
    expect(beijingDateOfJde(newMoonJde(firstMonth + 7))).toBe('2027-09-01'); // 八月初一 → 十五 = 09-15
    expect(lunarToSolarDate(2027, 5, 5)).toBe('2027-06-09');
    expect(lunarToSolarDate(2027, 8, 15)).toBe('2027-09-15');
  });

  it('清明 2027 is 04-05 both astronomically and by chinese-days’ solar-term formula', () => {
    expect(pureBrightnessDate(2027)).toBe('2027-04-05');
    expect(runZoneProbe('Asia/Shanghai').chineseDays.pureBrightness2027).toBe('2027-04-05');
  });
});

describe('answers touching 2027 are provisional', () => {
  it('chinese-days itself calls 2027-01-01 a working day; the calendar does not, and says it is provisional', () => {
    expect(runZoneProbe('Asia/Shanghai').chineseDays.isWorkday20270101).toBe(true);
    expect(calendar.isWorkingDay('2027-01-01')).toEqual({ value: false, provisional: true });
    expect(calendar.yearSource(2027)).toMatchObject({ kind: 'statutory', provisional: true });
  });

  it.each([
    ['2026-12-30', 1, '2026-12-31', false], // only 2026 consulted
    ['2026-12-30', 2, '2027-01-04', true], // 12/31 (1), 1/1 Fri off, weekend, 1/4 Mon (2)
    ['2027-02-04', 1, '2027-02-11', true], // 2/5 Fri 除夕 off, 2/6-2/7 weekend, 2/8 Mon 初三, 2/9-2/10 补假
    ['2027-09-30', 1, '2027-10-06', true], // 10/1 Fri off, 10/2-10/3 weekend, 10/4-10/5 补假 (Art. 6)
  ])('%s + %i working days = %s (provisional %s)', (start, n, date, provisional) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date, provisional });
  });

  it('a count that reaches into 2027 is provisional', () => {
    expect(calendar.countWorkingDays('2026-12-30', '2027-01-04')).toEqual({ value: 2, provisional: true });
    expect(calendar.countWorkingDays('2026-12-01', '2026-12-31').provisional).toBe(false);
  });
});

describe('administrator tables', () => {
  // A made-up 2027 arrangement (not the real one): 春节 2/5-2/11 off with Saturday 2/20 worked.
  const admin2027 = {
    year: 2027,
    holidays: ['2027-01-01', ...['05', '06', '07', '08', '09', '10', '11'].map((day) => `2027-02-${day}`)],
    makeUpWorkdays: ['2027-02-20'],
    source: '测试用 2027 年安排',
  };
  const withAdmin = createCalendar({ adminTables: [admin2027] });

  it('replace the computed 2027 days and make the answers official', () => {
    expect(withAdmin.yearSource(2027)).toMatchObject({
      kind: 'admin',
      provisional: false,
      source: '测试用 2027 年安排',
    });
    expect(withAdmin.isWorkingDay('2027-02-09')).toEqual({ value: false, provisional: false }); // admin holiday
    expect(withAdmin.isWorkingDay('2027-02-20')).toEqual({ value: true, provisional: false }); // admin make-up Sat
    // 端午 (Wednesday 6/9) is not in this table, so it is a plain working day now.
    expect(withAdmin.isWorkingDay('2027-06-09')).toEqual({ value: true, provisional: false });
    expect(calendar.isWorkingDay('2027-06-09')).toEqual({ value: false, provisional: true });
    // 2/4 Thu + 1: 2/5-2/11 off, 2/12 Fri
    expect(withAdmin.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-12', provisional: false });
  });

  it('do not make other unknown years official', () => {
    expect(withAdmin.isWorkingDay('2028-01-04')).toEqual({ value: true, provisional: true });
  });

  it('win over chinese-days for a year it knows', () => {
    const corrected = createCalendar({
      adminTables: [{ year: 2026, holidays: ['2026-10-01'], makeUpWorkdays: [], source: '更正' }],
    });
    expect(corrected.yearSource(2026).kind).toBe('admin');
    expect(corrected.isWorkingDay('2026-10-01').value).toBe(false);
    expect(corrected.isWorkingDay('2026-10-02').value).toBe(true); // Friday, no longer listed
    expect(corrected.isWorkingDay('2026-10-10').value).toBe(false); // Saturday, no longer a make-up day
  });
});
