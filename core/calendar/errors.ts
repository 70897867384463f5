/**
 * The one error type the calendar throws. `code` is for programs, `message` (Chinese) is for people: callers in
 * `server/` turn it into the envelope's validation error without rewording it.
 */
export type CalendarErrorCode =
  | 'INVALID_DATE' // not a real YYYY-MM-DD date, or an instant without an explicit offset
  | 'INVALID_COUNT' // a period length that is negative or not an integer
  | 'INVALID_TABLE' // an administrator's year table that fails the schema
  | 'OUT_OF_RANGE'; // a year outside what the lunar table and the solar-term algorithm cover

export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
