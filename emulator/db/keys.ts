/**
 * Index keys: a field's value encoded as text whose byte order is MongoDB's order for the types the planner pushes
 * down to SQLite (null/missing < numbers < strings < booleans < dates, the BSON comparison order that mingo also
 * follows). An array of such scalars is indexed element by element (a multikey index, as MongoDB does). Values that
 * cannot be ordered this way (objects, nested arrays, other BSON types, NaN) have no key: the field is then marked
 * "complex" for the collection and the planner stops pushing conditions on it down, so mingo alone decides.
 * Strings compare by UTF-8 bytes, i.e. by code point, as MongoDB does.
 */
import { EJSON } from 'bson';

export const TYPE_PREFIX = { null: '1', number: '2', string: '3', boolean: '8', date: '9' } as const;

/** The first prefix after `prefix`: the exclusive upper bound of a type's key range. */
export function nextPrefix(prefix: string): string {
  return String.fromCharCode(prefix.charCodeAt(0) + 1);
}

/** Encodes a scalar; `undefined` when the value has no orderable key. */
export function encodeKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return TYPE_PREFIX.null;
  if (typeof value === 'number')
    return Number.isNaN(value) ? undefined : TYPE_PREFIX.number + sortableNumber(value);
  if (typeof value === 'string') return TYPE_PREFIX.string + value;
  if (typeof value === 'boolean') return TYPE_PREFIX.boolean + (value ? '1' : '0');
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? undefined : TYPE_PREFIX.date + sortableNumber(t);
  }
  return undefined;
}

/** IEEE 754 bits made byte-sortable: flip the sign bit of positives, invert all bits of negatives. */
function sortableNumber(n: number): string {
  const buf = Buffer.alloc(8);
  buf.writeDoubleBE(n === 0 ? 0 : n);
  if ((buf[0] ?? 0) & 0x80) {
    for (let i = 0; i < 8; i++) buf[i] = ~(buf[i] ?? 0) & 0xff;
  } else {
    buf[0] = (buf[0] ?? 0) ^ 0x80;
  }
  return buf.toString('hex');
}

/**
 * Index entries of the value at a dot path: one key for a scalar, the distinct element keys for an array of
 * scalars (multikey), `undefined` when there is no key (an object, a nested array, a path crossing an array).
 */
export function indexKeys(doc: unknown, path: string): string | string[] | undefined {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) return undefined;
    if (current === null || typeof current !== 'object' || current instanceof Date) return TYPE_PREFIX.null;
    current = (current as Record<string, unknown>)[segment];
  }
  if (!Array.isArray(current)) return encodeKey(current);
  const keys = new Set<string>();
  for (const element of current) {
    const key = Array.isArray(element) ? undefined : encodeKey(element);
    if (key === undefined) return undefined;
    keys.add(key);
  }
  return [...keys];
}

/** The primary key column: ordered key for string and number ids, canonical EJSON for any other id type. */
export function idKey(id: unknown): string {
  const key = typeof id === 'string' || typeof id === 'number' ? encodeKey(id) : undefined;
  return key ?? '\u0001' + EJSON.stringify({ id }, { relaxed: false });
}
