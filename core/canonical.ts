/**
 * Canonical JSON: object keys sorted, no whitespace, dates as ISO strings, undefined dropped. The same value
 * always gives the same text, so hashes of states and payloads are stable (ledger, idempotency).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
  }
  if (isDate(value)) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  const maybeEjsonDate = value as { toHexString?: () => string };
  if (typeof maybeEjsonDate.toHexString === 'function') return maybeEjsonDate.toHexString();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = normalise(v);
  }
  return out;
}

/**
 * A Date whichever class or realm made it: `instanceof Date` fails for a date from another realm (structuredClone,
 * a vm context) or when the global `Date` was replaced (the emulator's clock), and such a date would hash as `{}`.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
