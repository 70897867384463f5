import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { createCalendar, toShanghaiDate } from '../../../core/calendar';
import { runZoneProbe } from './helpers';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('instants are read as Shanghai dates', () => {
  it.each([
    ['2026-01-01T15:59:59Z', '2026-01-01'],
    ['2026-01-01T16:00:00Z', '2026-01-02'], // Shanghai midnight
    ['2026-01-01T17:00:00Z', '2026-01-02'],
    ['2026-01-01T17:00:00.123Z', '2026-01-02'],
    ['2026-01-02T00:30:00+08:00', '2026-01-02'],
    ['2026-01-01T23:30:00-05:00', '2026-01-02'], // 04:30Z → 12:30 in Shanghai
    ['2025-12-31T16:00:00Z', '2026-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(toShanghaiDate(instant)).toBe(date);
  });

  it('accepts Date instants too', () => {
    expect(toShanghaiDate(new Date(Date.UTC(2026, 0, 1, 16, 0, 0)))).toBe('2026-01-02');
    expect(toShanghaiDate(new Date(Date.UTC(2026, 0, 1, 15, 59, 59, 999)))).toBe('2026-01-01');
  });

  it('agrees with dayjs’ Asia/Shanghai zone over a spread of instants', () => {
    for (
      let ms = Date.UTC(2004, 0, 1);
      ms < Date.UTC(2030, 0, 1);
      ms += 86_400_000 * 7 + 3_600_000 * 5 + 60_017
    ) {
      const instant = new Date(ms);
      expect(toShanghaiDate(instant)).toBe(dayjs(instant).tz('Asia/Shanghai').format('YYYY-MM-DD'));
    }
  });

  it('decides working days on the Shanghai date: 2026-01-03T16:00Z is Sunday 1/4, a make-up day', () => {
    const calendar = createCalendar();
    expect(calendar.isWorkingDay('2026-01-03T15:59:00Z').value).toBe(false); // still Saturday 1/3 (元旦)
    expect(calendar.isWorkingDay('2026-01-03T16:00:00Z').value).toBe(true);
    expect(calendar.addWorkingDays(new Date('2026-02-13T16:30:00Z'), 1).date).toBe('2026-02-24'); // from 2/14
  });
});

describe('the process time zone does not matter', () => {
  const reference = runZoneProbe('Asia/Shanghai');

  it('reference answers in Asia/Shanghai are the hand-checked ones', () => {
    expect(reference.offsetMinutes).toBe(-480);
    expect(reference.calendar).toEqual({
      workingMakeUp: { value: true, provisional: false },
      friday: { value: true, provisional: false },
      added: { date: '2026-10-15', provisional: false },
      counted: { value: 248, provisional: false },
      months: { date: '2027-03-01', provisional: true },
      instant: { date: '2026-10-08', provisional: false },
      statutory: { value: false, provisional: true },
      due: { value: 'dueSoon', provisional: false },
      lunarNewYear2027: '2027-02-06',
      pureBrightness2027: '2027-04-05',
    });
  });

  it.each([
    ['America/New_York', 300],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
    ['Pacific/Pago_Pago', 660],
  ])('same answers in a process running under TZ=%s', (zone, offsetMinutes) => {
    const elsewhere = runZoneProbe(zone);
    expect(elsewhere.offsetMinutes).toBe(offsetMinutes); // the zone really was in effect
    expect(elsewhere.calendar).toEqual(reference.calendar);
  });
});
