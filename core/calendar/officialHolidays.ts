import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import type { YearTable } from './schemas';

/**
 * The State Council's published arrangements as chinese-days ships them (2004 through 2026 in 1.5.x).
 *
 * The data file is read directly instead of calling `isWorkday`/`getDayDetail`: those parse `YYYY-MM-DD` as UTC
 * midnight and then read it with local-time getters, so with TZ=America/New_York `getDayDetail('2026-10-10')`
 * answers for 2026-10-09. The working-day rule applied to the data is exactly `isWorkday`'s (a listed make-up
 * day works; otherwise Monday-Friday work unless listed as a holiday) — the tests compare the two for every day
 * chinese-days knows, with the process zone set to Asia/Shanghai.
 *
 * A year is "known" when the data holds at least one holiday in it: chinese-days answers for any date, and a year
 * it has no data for simply reads as weekends only (2027-01-01 comes back as a working day).
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: ChineseDaysData = chineseDaysData;

function groupByYear(dates: string[]): Map<number, string[]> {
  const byYear = new Map<number, string[]>();
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(date);
    byYear.set(year, list);
  }
  return byYear;
}

const holidaysByYear = groupByYear(Object.keys(data.holidays));
const makeUpWorkdaysByYear = groupByYear(Object.keys(data.workdays));

/** The official table for `year`, or undefined when chinese-days has no arrangement for it. */
export function chineseDaysYearTable(year: number): YearTable | undefined {
  const holidays = holidaysByYear.get(year);
  if (!holidays) return undefined;
  return {
    year,
    holidays: [...holidays].sort(),
    makeUpWorkdays: [...(makeUpWorkdaysByYear.get(year) ?? [])].sort(),
    source: 'chinese-days（国务院办公厅节假日安排通知）',
  };
}

/** Years chinese-days has an arrangement for, ascending. */
export function chineseDaysKnownYears(): number[] {
  return [...holidaysByYear.keys()].sort((a, b) => a - b);
}
