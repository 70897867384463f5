import { CalendarError, createCalendar, yearTableSchema } from '../../../core/calendar';

const calendar = createCalendar();

function thrownBy(action: () => unknown): CalendarError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    return error as CalendarError;
  }
  throw new Error('expected a CalendarError');
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('bad dates', () => {
  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026/01/01',
    '20260101',
    '2026-1-1',
    '',
    '2026-01-01T10:00:00', // a time without an offset would depend on the reader's zone
    'not a date',
  ])('%p is refused with INVALID_DATE', (input) => {
    const error = thrownBy(() => calendar.isWorkingDay(input));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.message).toMatch(/日期/);
  });

  it('refuses an invalid Date object and non-string input', () => {
    expect(thrownBy(() => calendar.addWorkingDays(new Date(Number.NaN), 1)).code).toBe('INVALID_DATE');
    expect(thrownBy(() => calendar.isWorkingDay(20260101 as unknown as string)).code).toBe('INVALID_DATE');
  });

  it('refuses years beyond the lunar table with OUT_OF_RANGE', () => {
    const error = thrownBy(() => calendar.isWorkingDay('2100-01-04'));
    expect(error.code).toBe('OUT_OF_RANGE');
    expect(error.message).toMatch(/超出日历支持范围/);
    expect(thrownBy(() => calendar.addMonths('2099-12-01', 1)).code).toBe('OUT_OF_RANGE');
  });
});

describe('bad period lengths', () => {
  it.each([
    ['addWorkingDays', -1],
    ['addWorkingDays', 1.5],
    ['addCalendarDays', -60],
    ['addCalendarDays', Number.NaN],
    ['addMonths', -6],
    ['addMonths', Number.POSITIVE_INFINITY],
  ] as const)('%s with %p is refused with INVALID_COUNT', (method, n) => {
    const error = thrownBy(() => calendar[method]('2026-03-02', n));
    expect(error.code).toBe('INVALID_COUNT');
    expect(error.message).toMatch(/应为不小于 0 的整数/);
  });
});

describe('bad administrator tables', () => {
  const valid = {
    year: 2027,
    holidays: ['2027-01-01'],
    makeUpWorkdays: ['2027-02-20'],
    source: '国办发明电',
  };

  it('accepts a valid table, and a holiday on a weekend (pointless but harmless)', () => {
    expect(yearTableSchema.safeParse(valid).success).toBe(true);
    expect(yearTableSchema.safeParse({ ...valid, holidays: ['2027-01-02'] }).success).toBe(true); // Saturday
  });

  it.each([
    ['a date outside the year', { ...valid, holidays: ['2026-12-31'] }, /不在 2027 年内/],
    ['a day in both lists', { ...valid, holidays: ['2027-02-20'] }, /调休上班日期不能同时是放假日期/],
    [
      'a make-up day on a weekday',
      { ...valid, makeUpWorkdays: ['2027-02-19'] },
      /调休上班日期应为星期六或星期日/,
    ],
    ['an impossible date', { ...valid, holidays: ['2027-02-30'] }, /放假日期无效/],
    ['a duplicated day', { ...valid, holidays: ['2027-01-01', '2027-01-01'] }, /重复/],
    ['an empty source', { ...valid, source: '  ' }, /请填写来源/],
    ['a fractional year', { ...valid, year: 2027.5 }, /年份应为整数/],
    ['a missing list', { year: 2027, holidays: [], source: 'x' }, /调休上班日期应为日期列表/],
  ])('refuses %s with a Chinese message', (_label, table, message) => {
    const parsed = yearTableSchema.safeParse(table);
    expect(parsed.success).toBe(false);
    const error = thrownBy(() => createCalendar({ adminTables: [table] }));
    expect(error.code).toBe('INVALID_TABLE');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(CHINESE);
  });

  it('refuses two tables for the same year', () => {
    const error = thrownBy(() => createCalendar({ adminTables: [valid, valid] }));
    expect(error.code).toBe('INVALID_TABLE');
    expect(error.message).toMatch(/2027 年的节假日表重复提供/);
  });
});
