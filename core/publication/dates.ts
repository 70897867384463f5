/**
 * Dates of publication entries: `YYYY-MM-DD` real calendar dates (the 双公示 files write YYYY/MM/DD, converted on
 * import). Pure, no clock.
 */
import { tryParsePlainDate } from '../calendar/civilDate';

export function isPlainDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && tryParsePlainDate(v) !== undefined;
}

/** A 双公示 date (YYYY/MM/DD, also YYYY-MM-DD or YYYYMMDD, one-digit month/day allowed) as YYYY-MM-DD, or null. */
export function fromSgsDate(v: string): string | null {
  const m = /^(\d{4})[/.-]?(\d{1,2})[/.-]?(\d{1,2})$/.exec(v.trim());
  if (!m) return null;
  const out = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isPlainDate(out) ? out : null;
}
