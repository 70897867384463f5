/**
 * Extended JSON in and out. The SDK sends queries, updates and documents as canonical EJSON strings
 * (@cloudbase/database dist/commonjs/utils/utils.js stringifyByEJSON) and parses answers with EJSON.parse.
 * `db.serverDate({offset})` arrives as `{"$tcb_server_date":{"offset":N}}` (serverDate/index.js) and becomes the
 * emulator clock plus offset; `db.RegExp` arrives as `$regularExpression` and becomes a JS RegExp for mingo.
 */
import { BSONRegExp, EJSON } from 'bson';
import { clockNow } from '../clock';
import { DbError } from './errors';

export type Doc = Record<string, unknown>;

/** Parses an EJSON string (or passes an already decoded value), replacing server dates. */
export function decodeEjson(input: unknown, what: string): unknown {
  if (input === undefined || input === null || input === '') return undefined;
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = EJSON.parse(input, { relaxed: true });
    } catch {
      throw new DbError('INVALID_PARAM', `${what} 不是合法的 Extended JSON`);
    }
  }
  return replaceServerDates(value);
}

function replaceServerDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceServerDates);
  if (!isPlainObject(value)) return value;
  const marker = value.$tcb_server_date;
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date(clockNow().getTime() + offset);
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = replaceServerDates(v);
  return out;
}

/** In queries a stored regular expression means "matches": mingo needs a JS RegExp. */
export function regexpsForQuery(value: unknown): unknown {
  if (value instanceof BSONRegExp) {
    // JS has no `x` (extended) flag; refusing beats matching differently from CloudBase's MongoDB.
    if (/[^imsu]/.test(value.options)) {
      throw new DbError(
        'DATABASE_INVALID_OPERRATOR',
        `模拟器不支持正则选项 ${value.options}（仅支持 i、m、s）`,
      );
    }
    return new RegExp(value.pattern, value.options);
  }
  if (Array.isArray(value)) return value.map(regexpsForQuery);
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = regexpsForQuery(v);
  return out;
}

/** Storage and answer form: relaxed EJSON keeps numbers plain (so SQLite can read them) and dates typed. */
export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

export function parseStoredDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
