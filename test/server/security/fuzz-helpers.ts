/**
 * The fuzz suite's pieces: every action of every function (from the functions' own tables), a caller entitled
 * to each, payload generators derived from each action's schema, and a database snapshot to prove that a refused
 * call wrote nothing.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { DEMO_STAFF } from '../../../emulator/seed/org';
import { API } from '../../../core/contract/api';
import type { Declaration } from '../../../core/contract/declare';
import { EXPIRING_COLLECTIONS } from '../../../server/features/system/housekeeping';
import { UPLOAD_SLOTS_COLLECTION } from '../../../server/media/slots';
import { newOpenid } from '../org/helpers';

/** Every declared action of every function: a new declaration is fuzzed without touching this suite. */
export const FUNCTIONS = API;

export interface Target {
  fn: string;
  name: string;
  spec: Declaration;
}

export const TARGETS: Target[] = Object.entries(FUNCTIONS).flatMap(([fn, table]) =>
  Object.entries(table).map(([name, spec]) => ({ fn, name, spec: spec as Declaration })),
);

/** A caller entitled to the action: a seeded account holding one of its roles (admin when unrestricted). */
export function callerFor(spec: Declaration): () => string | undefined {
  switch (spec.access) {
    case 'public':
      return () => undefined;
    case 'citizen':
    case 'unboundStaff':
      return newOpenid;
    default: {
      const wanted = spec.roles?.length ? (spec.roles as readonly string[]) : ['admin'];
      const who = DEMO_STAFF.find((s) => s.roles.some(([role]) => wanted.includes(role)));
      if (!who) throw new Error(`no seeded account holds ${wanted.join('/')}`);
      return () => who.openid;
    }
  }
}

// ---- payloads -------------------------------------------------------------------------------------------------

/** `{a: {a: ... {}}}` without recursion, so building it cannot overflow. */
export function nested(depth: number, leaf: unknown = {}): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = depth % 2 ? { a: value } : [value];
  return value;
}

const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '\uFEFF\u200B',
  'e\u0301',
  '𝕏😀',
  '13912345678王小明',
  '<script>',
  '__proto__',
  '2026-02-30',
  '9'.repeat(400),
];

/** Values of the wrong kind for any field: types, ranges, sizes, nesting, odd unicode. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}),
  fc.constantFrom(...ODD_TEXT),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom('x'.repeat(70_000), '字'.repeat(20_000), 'k'.repeat(300_000)),
  fc.constantFrom(nested(25), nested(19), nested(2000)),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 3 }),
);

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', '$where', 'a.b', 'k'.repeat(100_000)),
  fc.string({ minLength: 1, maxLength: 12 }),
);

interface Def {
  type: string;
  innerType?: Schemaish;
  in?: Schemaish;
  shape?: Record<string, Schemaish>;
  element?: Schemaish;
  options?: Schemaish[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  valueType?: Schemaish;
}
interface Schemaish {
  _zod: { def: Def };
}

const defOf = (schema: unknown) => (schema as Schemaish)._zod.def;

/** A value shaped like the schema (right keys, plausible kinds) that is often wrong somewhere inside. */
export function valueFor(schema: unknown): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  let typed: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return valueFor(def.innerType);
    case 'pipe':
      return valueFor(def.in);
    case 'object':
      return objectFor(def.shape!);
    case 'array':
      typed = fc.array(valueFor(def.element), { maxLength: 4 });
      break;
    case 'union':
      typed = fc.oneof(...def.options!.map(valueFor));
      break;
    case 'enum':
      typed = fc.constantFrom(...Object.values(def.entries!));
      break;
    case 'literal':
      typed = fc.constantFrom(...def.values!);
      break;
    case 'record':
      typed = fc.dictionary(fc.string({ maxLength: 8 }), valueFor(def.valueType), { maxKeys: 3 });
      break;
    case 'string':
      typed = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...ODD_TEXT));
      break;
    case 'number':
    case 'int':
      typed = fc.oneof(fc.integer({ min: -3, max: 5000 }), fc.double({ noNaN: true }));
      break;
    case 'boolean':
      typed = fc.boolean();
      break;
    default:
      typed = fc.anything({ maxDepth: 2 });
  }
  return fc.oneof({ arbitrary: typed, weight: 3 }, { arbitrary: junk, weight: 1 });
}

function objectFor(shape: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, valueFor(s)]));
  const known = fc.record(fields, { requiredKeys: [] });
  const withExtra = fc
    .tuple(known, fc.dictionary(extraKey, junk, { maxKeys: 2 }))
    .map(([a, b]) => Object.assign(Object.create(null), b, a) as unknown);
  return fc.oneof({ arbitrary: known, weight: 3 }, { arbitrary: withExtra, weight: 1 });
}

/** Whole payloads: schema-shaped with mistakes, or not an object at all. */
export const payloadFor = (schema: unknown) =>
  fc.oneof({ arbitrary: valueFor(schema), weight: 4 }, { arbitrary: junk, weight: 1 });

/** Every key path of a schema (array items as `0`), to check each has a label. */
export function keyPaths(schema: unknown, prefix: string[] = []): string[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return keyPaths(def.innerType, prefix);
    case 'pipe':
      return keyPaths(def.in, prefix);
    case 'array':
      return keyPaths(def.element, [...prefix, '0']);
    case 'union':
      return def.options!.flatMap((o) => keyPaths(o, prefix));
    case 'record':
      return keyPaths(def.valueType, [...prefix, 'anyKey']);
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, s]) => [[...prefix, k], ...keyPaths(s, [...prefix, k])]);
    default:
      return [];
  }
}

// ---- checks ---------------------------------------------------------------------------------------------------

/**
 * Collections whose records are technical, not business data: idempotency answers, rate-limit windows, failed
 * binding counters, and the cached WeChat access token (fetched before the call that needs it is refused).
 */
const TECHNICAL = new Set<string>([...EXPIRING_COLLECTIONS, UPLOAD_SLOTS_COLLECTION, 'sys_wechat_tokens']);

/** Documents per collection and the highest write version of each: any insert, update or delete shows. */
export function snapshotter(dataDir: string): () => Record<string, string> {
  const db = new Database(path.join(dataDir, 'db.sqlite'), { readonly: true });
  return () => {
    const names = db.prepare('SELECT name FROM _emu_collections').all() as Array<{ name: string }>;
    const out: Record<string, string> = {};
    for (const { name } of names) {
      if (TECHNICAL.has(name)) continue;
      const row = db.prepare(`SELECT count(*) AS n, max(ver) AS v FROM "c_${name}"`).get() as {
        n: number;
        v: number | null;
      };
      out[name] = `${row.n}@${row.v ?? 0}`;
    }
    return out;
  };
}

const CHINESE = /[\u4e00-\u9fa5]/;
/** Messages that say neither which field nor what is expected. */
const GENERIC = /^(应为\S{1,4}|必填|不能为空|格式不正确|内容不正确|不是允许的取值|无效输入)$|该项/;

/** Why a refusal's fields are not acceptable, or null. */
export function badFields(fields: Record<string, string> | undefined): string | null {
  if (!fields || !Object.keys(fields).length) return 'INVALID_INPUT without fields';
  for (const [key, message] of Object.entries(fields)) {
    if (key.length > 400) return `field path too long (${key.length})`;
    if (!CHINESE.test(message) || GENERIC.test(message)) return `${key}: ${message}`;
  }
  return null;
}

/** Strings the caller sent (values and keys) that are long enough to recognise if echoed. */
export function sentStrings(value: unknown, min = 8): string[] {
  const out: string[] = [];
  const stack = [value];
  while (stack.length && out.length < 200) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length >= min) out.push(v.slice(0, 64));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k.length >= min) out.push(k.slice(0, 64));
        stack.push(item);
      }
    }
  }
  return out;
}
