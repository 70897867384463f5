/**
 * Updates MongoDB refuses for the document at hand. mingo skips them silently (the SDK would then see
 * `{updated: 0}`), while the service fails the write: `$inc` on a string, `$push` on a number, a field created
 * inside a scalar or (by name) inside an array ("Cannot create field 'x' in element {arr: [...]}").
 * CloudBase documents no specific code for this; the emulator answers DATABASE_REQUEST_FAILED, the SDK's own
 * generic database failure (@cloudbase/database dist/commonjs/const/code.js), with MongoDB's reason.
 */
import { DbError } from './errors';
import { isPlainObject, type Doc } from './ejson';

const NUMERIC_OPS = new Set(['$inc', '$mul']);
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);
/** Operators that never create a path, so crossing a scalar is a no-op for MongoDB too. */
const LENIENT_OPS = new Set(['$unset', '$pull', '$pullAll', '$pop']);

export function assertUpdateApplies(doc: Doc, update: Doc): void {
  for (const [op, spec] of Object.entries(update)) {
    if (!isPlainObject(spec)) continue;
    for (const path of Object.keys(spec)) {
      const target = walk(doc, path, op);
      if (!target.found) continue;
      const value = target.value;
      if (value === undefined) continue;
      if (NUMERIC_OPS.has(op) && typeof value !== 'number') {
        fail(`Cannot apply ${op} to a value of non-numeric type: field '${path}' is ${typeName(value)}`);
      }
      if (ARRAY_OPS.has(op) && !Array.isArray(value)) {
        fail(`Cannot apply ${op} to a non-array field: field '${path}' is ${typeName(value)}`);
      }
    }
  }
}

/** The value at `path`; refuses a step MongoDB cannot take when it would create the path. */
function walk(doc: Doc, path: string, op: string): { found: boolean; value?: unknown } {
  let current: unknown = doc;
  const segments = path.split('.');
  for (const [i, segment] of segments.entries()) {
    if (current === undefined) return { found: false };
    const parent = segments.slice(0, i).join('.') || '(root)';
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) {
        if (LENIENT_OPS.has(op)) return { found: false };
        fail(
          `Cannot create field '${segment}' in element {${parent}: [...]}: an array takes only index positions`,
        );
      }
      current = current[Number(segment)];
    } else if (isPlainObject(current)) {
      current = current[segment];
    } else {
      if (LENIENT_OPS.has(op)) return { found: false };
      fail(`Cannot create field '${segment}' in element {${parent}: ${typeName(current)}}`);
    }
  }
  return { found: true, value: current };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

function fail(reason: string): never {
  throw new DbError('DATABASE_REQUEST_FAILED', `更新无法应用（MongoDB 拒绝）：${reason}`);
}
