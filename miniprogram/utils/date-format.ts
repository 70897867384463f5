/**
 * Dates as citizens read them: in Beijing time (the backend answers ISO instants in UTC and calendar dates as
 * `YYYY-MM-DD` in Shanghai), written the Chinese way.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `2026-12-08` → `2026年12月8日`; anything else is shown as it came. */
export function chineseDate(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return date ?? '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO instant as `2026-11-27 10:05` in Beijing time. */
export function shanghaiMinute(iso: string | null | undefined): string {
  const t = Date.parse(iso ?? '');
  if (!Number.isFinite(t)) return '';
  const s = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** Today in Beijing as `YYYY-MM-DD` (for "overdue" marks; the backend's clocks decide, this only highlights). */
export function shanghaiToday(now = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
