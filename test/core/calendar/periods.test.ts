import { createCalendar, DUE_SOON_WORKING_DAYS } from '../../../core/calendar';

/** Calendar-day and month periods (docs/requirements.md "Rules used everywhere"; 行政复议法 Art. 20, 行政诉讼法 Art. 46), and the dashboard's due status. */
const calendar = createCalendar();

describe('addCalendarDays: counted from the day after, a rest-day end moves to the next working day', () => {
  it.each([
    // 8/5 + 60: 26 days to 8/31, 30 to 9/30, 4 more → 10/4 (国庆, Sunday) → 10/8 Thursday
    ['2026-08-05', 60, '2026-10-08', false],
    // 1/13 + 60: 18 to 1/31, 28 to 2/28, 14 more → 3/14 Saturday → 3/16 Monday
    ['2026-01-13', 60, '2026-03-16', false],
    // 8/11 + 60 → 10/10, a make-up Saturday: a working day, so the period ends there
    ['2026-08-11', 60, '2026-10-10', false],
    // 11/20 + 60: 10 to 11/30, 31 to 12/31, 19 more → 2027-01-19 Tuesday, in a year without official data
    ['2026-11-20', 60, '2027-01-19', true],
    // 2027-08-02 + 60 → 2027-10-01 (statutory 国庆, Friday), 10/2-10/3 weekend, 10/4-10/5 补假 → 10/6 Wednesday
    ['2027-08-02', 60, '2027-10-06', true],
    ['2026-03-02', 0, '2026-03-02', false],
  ])('%s + %i days ends %s (provisional %s)', (start, n, date, provisional) => {
    expect(calendar.addCalendarDays(start, n)).toEqual({ date, provisional });
  });
});

describe('addMonths: same day of month or the month’s last day, then the rest-day rule', () => {
  it.each([
    // 2027-02-28 does exist as the last day; it is a Sunday → Monday 2027-03-01, provisional (2027)
    ['2026-08-31', 6, '2027-03-01', true],
    // 2/31 does not exist → 2/28, a make-up Saturday in 2026 → stays
    ['2026-01-31', 1, '2026-02-28', false],
    // 2028 is a leap year: 2/29 is a Tuesday
    ['2027-08-31', 6, '2028-02-29', true],
    ['2026-04-05', 6, '2026-10-08', false], // 10/5 is 国庆 → 10/8
    ['2026-03-31', 6, '2026-09-30', false], // 9/31 does not exist → 9/30 Wednesday
    ['2026-07-15', 12, '2027-07-15', true], // Thursday
    ['2026-03-02', 0, '2026-03-02', false],
  ])('%s + %i months ends %s (provisional %s)', (start, n, date, provisional) => {
    expect(calendar.addMonths(start, n)).toEqual({ date, provisional });
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day and moves a rest day on', () => {
    expect(calendar.nextWorkingDay('2026-10-10').date).toBe('2026-10-10');
    expect(calendar.nextWorkingDay('2026-10-01').date).toBe('2026-10-08');
  });
});

describe('dueStatus: dueSoon within the last 2 working days of the period', () => {
  it('uses a two-working-day window', () => {
    expect(DUE_SOON_WORKING_DAYS).toBe(2);
  });

  it.each([
    ['2026-10-09', '2026-10-09', 'dueSoon'], // the due day itself
    ['2026-10-09', '2026-10-08', 'dueSoon'], // the working day before
    ['2026-10-09', '2026-09-30', 'ok'], // 10/8 and 10/9 still ahead
    ['2026-10-09', '2026-10-10', 'overdue'],
    ['2026-10-08', '2026-09-30', 'dueSoon'], // only 10/8 ahead: the holiday week does not count
    ['2026-10-12', '2026-10-10', 'dueSoon'], // make-up Saturday, only Monday ahead
    ['2026-10-12', '2026-10-09', 'ok'], // 10/10 and 10/12 ahead
    ['2026-10-12', '2026-10-11', 'dueSoon'], // Sunday between the last two working days
  ])('due %s, today %s → %s', (due, today, expected) => {
    expect(calendar.dueStatus(due, today)).toEqual({ value: expected, provisional: false });
  });

  it('is provisional when the remaining days reach into 2027', () => {
    expect(calendar.dueStatus('2027-01-04', '2026-12-31')).toEqual({ value: 'dueSoon', provisional: true });
  });
});

describe('dueSoonHorizon: what is due on a day is exactly the due dates on or before the horizon', () => {
  it.each([
    ['2026-09-30', '2026-10-08'], // 10/8 is the one working day ahead; 10/9 would leave two
    ['2026-10-08', '2026-10-09'],
    ['2026-10-09', '2026-10-11'], // 10/10 (make-up Saturday) and Sunday: 10/12 is the second working day
    ['2026-03-06', '2026-03-09'], // Friday: the weekend and Monday
  ])('today %s → horizon %s', (today, horizon) => {
    expect(calendar.dueSoonHorizon(today)).toEqual({ date: horizon, provisional: false });
  });

  it('agrees with dueStatus on every due date around every day of a year', () => {
    const day = (epoch: number) => new Date(epoch * 86_400_000).toISOString().slice(0, 10);
    const start = Date.UTC(2026, 0, 1) / 86_400_000;
    for (let t = start; t < start + 365; t += 1) {
      const horizon = calendar.dueSoonHorizon(day(t)).date;
      for (let d = t - 3; d <= t + 20; d += 1) {
        const due = day(d);
        expect([due, calendar.dueStatus(due, day(t)).value !== 'ok']).toEqual([due, due <= horizon]);
      }
    }
  });
});
