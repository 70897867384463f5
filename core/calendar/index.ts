/**
 * Working-day calendar (Asia/Shanghai) for deadlines: see calendar.ts for the API, periods.ts for the counting
 * rules, yearSources.ts for which holiday data answers for a year.
 */
export { createCalendar } from './calendar';
export type { Calendar, CalendarOptions, DateResult, FlaggedValue, YearSourceInfo } from './calendar';
export { CalendarError } from './errors';
export type { CalendarErrorCode } from './errors';
export { yearTableSchema } from './schemas';
export type { YearTable } from './schemas';
export { DUE_SOON_WORKING_DAYS } from './periods';
export type { DueStatus } from './periods';
export type { YearSourceKind } from './yearSources';
export {
  endOfShanghaiDay,
  formatShanghaiMinute,
  shanghaiWindowStart,
  toShanghaiDate,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
} from './civilDate';
export type { DateInput, PlainDate } from './civilDate';
export { chineseDaysKnownYears } from './officialHolidays';
export { statutoryYearTable } from './statutoryHolidays';
export { lunarToSolarDate } from './lunar';
export { pureBrightnessDate } from './solarTerm';
