import { epochDayFromParts, tryParsePlainDate } from './civilDate';
import { CalendarError } from './errors';
import { chineseDaysYearTable } from './officialHolidays';
import { yearTableSchema, type YearTable } from './schemas';
import { statutoryYearTable } from './statutoryHolidays';

/**
 * Which holiday data answers for a year. Order of precedence:
 *   1. an administrator's table for the year — it wins even over chinese-days, so that an error in the
 *      package or a late change by the State Council can be corrected without a release;
 *   2. chinese-days, for the years it has an arrangement for;
 *   3. the statutory holidays computed from the 2024 放假办法, flagged provisional.
 */
export type YearSourceKind = 'admin' | 'chinese-days' | 'statutory';

export interface ResolvedYear {
  year: number;
  kind: YearSourceKind;
  source: string;
  /** True when no official arrangement exists for the year (only the statutory computation). */
  provisional: boolean;
  holidays: ReadonlySet<number>; // epoch days
  makeUpWorkdays: ReadonlySet<number>; // epoch days
}

function toEpochDays(dates: string[]): Set<number> {
  return new Set(
    dates.map((date) => {
      const parts = tryParsePlainDate(date);
      if (!parts) throw new CalendarError('INVALID_TABLE', `节假日表中的日期无效：“${date}”`);
      return epochDayFromParts(parts.year, parts.month, parts.day);
    }),
  );
}

function resolve(table: YearTable, kind: YearSourceKind): ResolvedYear {
  return {
    year: table.year,
    kind,
    source: table.source,
    provisional: kind === 'statutory',
    holidays: toEpochDays(table.holidays),
    makeUpWorkdays: toEpochDays(table.makeUpWorkdays),
  };
}

/** Validates administrator tables, refusing two tables for one year; messages are the schema's Chinese ones. */
export function validateAdminTables(tables: readonly unknown[]): Map<number, YearTable> {
  const byYear = new Map<number, YearTable>();
  tables.forEach((candidate, index) => {
    const parsed = yearTableSchema.safeParse(candidate);
    if (!parsed.success) {
      const details = parsed.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
        .join('；');
      throw new CalendarError('INVALID_TABLE', `第 ${index + 1} 个节假日表无效：${details}`);
    }
    if (byYear.has(parsed.data.year)) {
      throw new CalendarError('INVALID_TABLE', `${parsed.data.year} 年的节假日表重复提供`);
    }
    byYear.set(parsed.data.year, parsed.data);
  });
  return byYear;
}

/** A memoising resolver over the three sources; the tables it is built from never change afterwards. */
export function createYearResolver(
  adminTables: ReadonlyMap<number, YearTable>,
): (year: number) => ResolvedYear {
  const cache = new Map<number, ResolvedYear>();
  return (year) => {
    const cached = cache.get(year);
    if (cached) return cached;
    const adminTable = adminTables.get(year);
    const officialTable = chineseDaysYearTable(year);
    const resolved = adminTable
      ? resolve(adminTable, 'admin')
      : officialTable
        ? resolve(officialTable, 'chinese-days')
        : resolve(statutoryYearTable(year), 'statutory');
    cache.set(year, resolved);
    return resolved;
  };
}
