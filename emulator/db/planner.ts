/**
 * The query planner. mingo decides what matches; SQL only narrows the candidates and orders them. It pushes down
 * equality, `$in` and range conditions found in the top-level AND of a filter (and in `$and`), on fields that have a
 * key column and no "complex" values (see keys.ts), and a sort whose every field is such a field. Range conditions
 * keep MongoDB's type bracketing (a `$gt: 5` only matches numbers, as mingo does) by bounding the key to its type
 * prefix. Ties keep insertion order when the sort is evaluated in memory and follow the index's scan direction when
 * SQLite orders (MongoDB leaves the order of ties unspecified).
 */
import type { IndexConfig } from './config';
import { DbError } from './errors';
import { isPlainObject, type Doc } from './ejson';
import { encodeKey, nextPrefix } from './keys';
import type { CollectionState } from './store';

export type SortSpec = Array<{ field: string; direction: 1 | -1 }>;

type ConditionOp = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

interface Condition {
  field: string;
  op: ConditionOp;
  keys: string[];
}

export interface Plan {
  where: string[];
  params: string[];
  orderBy: string;
  /** True when SQLite returns the rows in the requested sort order. */
  sortPushed: boolean;
}

const RANGE_OPS: Record<string, ConditionOp> = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };

/** Conditions that a key comparison can serve, from the filter's top-level AND. */
export function collectConditions(filter: Doc, out: Condition[] = []): Condition[] {
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) collectConditions(sub, out);
      continue;
    }
    if (field.startsWith('$') || value instanceof RegExp) continue;
    if (isPlainObject(value)) {
      if (!Object.keys(value).some((k) => k.startsWith('$'))) continue; // embedded document equality
      for (const [op, operand] of Object.entries(value)) {
        const condition = operatorCondition(field, op, operand);
        if (condition) out.push(condition);
      }
      continue;
    }
    const key = encodeKey(value);
    if (key !== undefined) out.push({ field, op: 'eq', keys: [key] });
  }
  return out;
}

function operatorCondition(field: string, op: string, operand: unknown): Condition | undefined {
  if (op === '$eq') {
    const key = encodeKey(operand);
    return key === undefined ? undefined : { field, op: 'eq', keys: [key] };
  }
  if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
    const keys = operand.map(encodeKey);
    return keys.every((k): k is string => k !== undefined) ? { field, op: 'in', keys } : undefined;
  }
  const range = RANGE_OPS[op];
  if (range && operand !== null && operand !== undefined) {
    const key = encodeKey(operand);
    return key === undefined ? undefined : { field, op: range, keys: [key] };
  }
  return undefined;
}

function pushable(state: CollectionState, field: string): boolean {
  return state.columns.has(field) && !state.complex.has(field);
}

export function buildPlan(state: CollectionState, filter: Doc, sort: SortSpec): Plan {
  const where: string[] = [];
  const params: string[] = [];
  for (const c of collectConditions(filter)) {
    if (!pushable(state, c.field)) continue;
    const col = state.columns.get(c.field) as string;
    const key = c.keys[0] as string;
    const typePrefix = key.charAt(0);
    switch (c.op) {
      case 'eq':
        where.push(`${col} = ?`);
        params.push(key);
        break;
      case 'in':
        where.push(`${col} IN (${c.keys.map(() => '?').join(', ')})`);
        params.push(...c.keys);
        break;
      case 'gt':
      case 'gte':
        where.push(`${col} ${c.op === 'gt' ? '>' : '>='} ?`, `${col} < ?`);
        params.push(key, nextPrefix(typePrefix));
        break;
      case 'lt':
      case 'lte':
        where.push(`${col} ${c.op === 'lt' ? '<' : '<='} ?`, `${col} >= ?`);
        params.push(key, typePrefix);
        break;
    }
  }
  const sortPushed = sort.length > 0 && sort.every((s) => pushable(state, s.field));
  if (!sortPushed) return { where, params, orderBy: 'rid ASC', sortPushed };
  const equalities = new Set(
    collectConditions(filter)
      .filter((c) => c.op === 'eq')
      .map((c) => c.field),
  );
  const scan = allIndexes(state)
    .map((index) => sortScan(index, equalities, sort))
    .find((s) => s !== undefined);
  const terms = sort.map((s) => `${state.columns.get(s.field)} ${s.direction === 1 ? 'ASC' : 'DESC'}`);
  terms.push(scan === 'backward' ? 'rid DESC' : 'rid ASC');
  return { where, params, orderBy: terms.join(', '), sortPushed };
}

function allIndexes(state: CollectionState): IndexConfig[] {
  return [{ name: '_id_', keys: [{ field: '_id', direction: 1 }], unique: true }, ...state.indexes];
}

/** Whether `index` yields `sort` once its equality-constrained prefix is fixed: the scan direction, or undefined. */
function sortScan(
  index: IndexConfig,
  equalities: Set<string>,
  sort: SortSpec,
): 'forward' | 'backward' | undefined {
  const wanted = sort.filter((s) => !equalities.has(s.field));
  if (wanted.length === 0) return 'forward';
  let i = 0;
  while (
    i < index.keys.length &&
    equalities.has(index.keys[i]?.field ?? '') &&
    index.keys[i]?.field !== wanted[0]?.field
  ) {
    i += 1;
  }
  let direction: 'forward' | 'backward' | undefined;
  for (const [n, s] of wanted.entries()) {
    const key = index.keys[i + n];
    if (!key || key.field !== s.field) return undefined;
    const here = key.direction === s.direction ? 'forward' : 'backward';
    if (direction && direction !== here) return undefined;
    direction = here;
  }
  return direction;
}

/**
 * Strict index mode (DESIGN.md): a query must be served by a declared index, as it would be in production.
 * Served: a query by `_id`; no filter and no sort; or an index whose first field carries an equality, `$in` or
 * range condition and which, when a sort is asked, yields that order after its equality prefix. A top-level `$or`
 * is served when each branch is.
 */
export function assertIndexServed(state: CollectionState, filter: Doc, sort: SortSpec): void {
  if (isServed(state, filter, sort)) return;
  const fields = filterFields(filter);
  throw new DbError(
    'EMULATOR_INDEX_REQUIRED',
    `集合 ${state.name} 的查询没有可用的索引（条件字段：${fields.join('、') || '无'}；排序字段：` +
      `${sort.map((s) => `${s.field}${s.direction === 1 ? '↑' : '↓'}`).join('、') || '无'}）。` +
      '请在 deploy/database.json 中为该集合声明索引',
  );
}

function isServed(state: CollectionState, filter: Doc, sort: SortSpec): boolean {
  const conditions = collectConditions(filter);
  if (conditions.some((c) => c.field === '_id' && (c.op === 'eq' || c.op === 'in'))) return true;
  const constrained = new Set(conditions.map((c) => c.field));
  const equalities = new Set(conditions.filter((c) => c.op === 'eq').map((c) => c.field));
  const hasFilter = Object.keys(filter).length > 0;
  const served = allIndexes(state).some((index) => {
    const first = index.keys[0]?.field ?? '';
    const filterOk = !hasFilter || constrained.has(first);
    return filterOk && (sort.length === 0 || sortScan(index, equalities, sort) !== undefined);
  });
  if (served) return true;
  const branches = filter.$or;
  if (constrained.size === 0 && Array.isArray(branches) && branches.length > 0) {
    const sortOk =
      sort.length === 0 || allIndexes(state).some((i) => sortScan(i, new Set(), sort) !== undefined);
    return sortOk && branches.every((b) => isPlainObject(b) && isServed(state, b, []));
  }
  return false;
}

function filterFields(filter: Doc, out: Set<string> = new Set()): string[] {
  for (const [key, value] of Object.entries(filter)) {
    if (['$and', '$or', '$nor'].includes(key) && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) filterFields(sub, out);
    } else if (!key.startsWith('$')) {
      out.add(key);
    }
  }
  return [...out];
}
