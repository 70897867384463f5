/**
 * The query planner. mingo decides what matches; SQL only narrows the candidates and orders them. It pushes down
 * equality, `$in`, `$ne`, `$nin` and range conditions found in the top-level AND of a filter (and in `$and`), on
 * fields that have a key column and no "complex" values (see keys.ts), and a sort whose every field is such a field.
 * On a multikey field (an indexed array) a condition matches the scalar or any element, through the multikey
 * table. A plan is `exact` when SQL alone decides the filter: a count then reads no document. Range conditions
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

type ConditionOp = 'eq' | 'in' | 'ne' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte';

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
  /** True when the WHERE clause decides the filter exactly (no condition left to mingo). */
  exact: boolean;
  /**
   * The whole statement, when the WHERE clause alone would not let SQLite read in index order: a sorted query
   * with a condition on a multikey field (see `multikeyMerge`). Its parameters are `params`.
   */
  select?: string;
}

/** The filter's key conditions; `complete` when the filter is nothing but such conditions. */
export interface Conditions {
  list: Condition[];
  complete: boolean;
}

const RANGE_OPS: Record<string, ConditionOp> = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };

/** Conditions that a key comparison can serve, from the filter's top-level AND. */
export function collectConditions(filter: Doc, out: Conditions = { list: [], complete: true }): Conditions {
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const sub of value) {
        if (isPlainObject(sub)) collectConditions(sub, out);
        else out.complete = false;
      }
      continue;
    }
    if (field.startsWith('$') || value instanceof RegExp) {
      out.complete = false;
      continue;
    }
    if (isPlainObject(value)) {
      if (!Object.keys(value).some((k) => k.startsWith('$'))) {
        out.complete = false; // embedded document equality
        continue;
      }
      for (const [op, operand] of Object.entries(value)) {
        const condition = operatorCondition(field, op, operand);
        if (condition) out.list.push(condition);
        else out.complete = false;
      }
      continue;
    }
    const key = encodeKey(value);
    if (key !== undefined) out.list.push({ field, op: 'eq', keys: [key] });
    else out.complete = false;
  }
  return out;
}

function operatorCondition(field: string, op: string, operand: unknown): Condition | undefined {
  if (op === '$eq' || op === '$ne') {
    const key = encodeKey(operand);
    return key === undefined ? undefined : { field, op: op === '$eq' ? 'eq' : 'ne', keys: [key] };
  }
  if ((op === '$in' || op === '$nin') && Array.isArray(operand) && operand.length > 0) {
    const keys = operand.map(encodeKey);
    if (!keys.every((k): k is string => k !== undefined)) return undefined;
    return { field, op: op === '$in' ? 'in' : 'nin', keys };
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

/** `$ne`/`$nin` on an array mean "no element": left to mingo on multikey fields. */
function pushableCondition(state: CollectionState, c: Condition): boolean {
  return pushable(state, c.field) && !((c.op === 'ne' || c.op === 'nin') && state.multikey.has(c.field));
}

/** SQL for one condition over a key expression (`col` or the multikey table's `key`), with its parameters. */
function comparison(expr: string, c: Condition): [string, string[]] {
  const key = c.keys[0] as string;
  const marks = c.keys.map(() => '?').join(', ');
  switch (c.op) {
    case 'eq':
      return [`${expr} = ?`, [key]];
    case 'ne':
      return [`${expr} != ?`, [key]];
    case 'in':
      return [`${expr} IN (${marks})`, c.keys];
    case 'nin':
      return [`${expr} NOT IN (${marks})`, c.keys];
    case 'gt':
    case 'gte':
      return [`${expr} ${c.op === 'gt' ? '>' : '>='} ? AND ${expr} < ?`, [key, nextPrefix(key.charAt(0))]];
    case 'lt':
    case 'lte':
      return [`${expr} ${c.op === 'lt' ? '<' : '<='} ? AND ${expr} >= ?`, [key, key.charAt(0)]];
  }
}

export function buildPlan(state: CollectionState, filter: Doc, sort: SortSpec): Plan {
  const where: string[] = [];
  const params: string[] = [];
  const conditions = collectConditions(filter);
  let exact = conditions.complete;
  for (const c of conditions.list) {
    if (!pushableCondition(state, c)) {
      exact = false;
      continue;
    }
    const col = state.columns.get(c.field) as string;
    const [sql, values] = comparison(col, c);
    if (!state.multikey.has(c.field)) {
      where.push(sql);
      params.push(...values);
      continue;
    }
    // A scalar value matches in its column, an array through any of its elements.
    const [elementSql, elementValues] = comparison('key', c);
    where.push(`((${sql}) OR rid IN (SELECT rid FROM ${state.mkTable} WHERE col = ? AND ${elementSql}))`);
    params.push(...values, col, ...elementValues);
  }
  const sortPushed =
    sort.length > 0 && sort.every((s) => pushable(state, s.field) && !state.multikey.has(s.field));
  if (!sortPushed) return { where, params, orderBy: 'rid ASC', sortPushed, exact };
  const equalities = equalityFields(conditions);
  const scan = allIndexes(state)
    .map((index) => sortScan(index, equalities, sort))
    .find((s) => s !== undefined);
  const terms = sort.map((s) => `${state.columns.get(s.field)} ${s.direction === 1 ? 'ASC' : 'DESC'}`);
  terms.push(scan === 'backward' ? 'rid DESC' : 'rid ASC');
  const plan: Plan = { where, params, orderBy: terms.join(', '), sortPushed, exact };
  return multikeyMerge(state, conditions, sort, plan) ?? inMerge(state, conditions, sort, plan) ?? plan;
}

/** Columns of the sort, selected as s0, s1, ... so a compound statement can order by them. */
function armSelect(state: CollectionState, sort: SortSpec): string {
  const cols = sort.map((s, i) => `, ${state.columns.get(s.field) as string} AS s${i}`).join('');
  return `SELECT rid, id, ver, doc${cols} FROM ${state.table}`;
}

function armOrder(sort: SortSpec, plan: Plan): string {
  return [
    ...sort.map((s, i) => `s${i} ${s.direction === 1 ? 'ASC' : 'DESC'}`),
    plan.orderBy.endsWith('rid DESC') ? 'rid DESC' : 'rid ASC',
  ].join(', ');
}

/** The SQL and parameters of every pushed condition but `skip`. */
function otherConditions(state: CollectionState, pushed: Condition[], skip: Condition): [string[], string[]] {
  const sql: string[] = [];
  const params: string[] = [];
  for (const c of pushed) {
    if (c === skip) continue;
    const [text, values] = comparison(state.columns.get(c.field) as string, c);
    sql.push(text);
    params.push(...values);
  }
  return [sql, params];
}

/**
 * A sorted query with `$in` on a field before the sort key, e.g. officers `{status: $in [a, b]}` by `certNo`:
 * strict mode serves it (MongoDB merges the point scans of `status_certNo`), but as one WHERE SQLite reads every
 * match and sorts them. Here it becomes one arm per value, each read along the index in sort order, merged.
 */
function inMerge(
  state: CollectionState,
  conditions: Conditions,
  sort: SortSpec,
  plan: Plan,
): Plan | undefined {
  if (!plan.sortPushed) return undefined;
  const pushed = conditions.list.filter((c) => pushableCondition(state, c));
  if (pushed.some((c) => state.multikey.has(c.field))) return undefined;
  const ins = pushed.filter((c) => c.op === 'in' && c.keys.length > 1 && c.keys.length <= 20);
  if (ins.length !== 1 || sort.some((s) => s.field === ins[0]!.field)) return undefined;
  const target = ins[0]!;
  const keys = [...new Set(target.keys)];
  const [rest, restParams] = otherConditions(state, pushed, target);
  const col = state.columns.get(target.field) as string;
  const select = armSelect(state, sort);
  const arms = keys.map(() => `${select} WHERE ${[...rest, `${col} = ?`].join(' AND ')}`);
  return {
    ...plan,
    params: keys.flatMap((k) => [...restParams, k]),
    select: `${arms.join(' UNION ALL ')} ORDER BY ${armOrder(sort, plan)}`,
  };
}

/**
 * A sorted query with one condition on a multikey field, e.g. `{officerStaffIds: x}` by `sortKey`: as one WHERE
 * (`scalar = x OR rid IN (elements = x)`) SQLite reads every match and sorts them, so a page costs as much as
 * all of the matches. MongoDB walks its compound multikey index `{officerStaffIds: 1, sortKey: -1}` in order
 * instead, so here the query becomes two arms, documents holding a scalar there and documents holding an array
 * (the key column is NULL then) whose element matches, each read along a declared index in sort order and merged
 * (UNION ALL with ORDER BY: SQLite's merge of ordered arms): a page reads about a page. A document is in one arm
 * only, so the result is the same as the one WHERE's.
 */
function multikeyMerge(
  state: CollectionState,
  conditions: Conditions,
  sort: SortSpec,
  plan: Plan,
): Plan | undefined {
  if (!plan.sortPushed) return undefined;
  const pushed = conditions.list.filter((c) => pushableCondition(state, c));
  const multi = pushed.filter((c) => state.multikey.has(c.field));
  if (multi.length !== 1) return undefined;
  const target = multi[0]!;
  const [rest, restParams] = otherConditions(state, pushed, target);
  const col = state.columns.get(target.field) as string;
  const [scalarSql, scalarValues] = comparison(col, target);
  const [elementSql, elementValues] = comparison('m.key', target);
  const select = armSelect(state, sort);
  const arm = (conds: string[]) => `${select} WHERE ${conds.join(' AND ')}`;
  const scalarArm = arm([...rest, scalarSql]);
  const arrayArm = arm([
    ...rest,
    `${col} IS NULL`,
    `EXISTS (SELECT 1 FROM ${state.mkTable} m WHERE m.rid = ${state.table}.rid AND m.col = ? AND ${elementSql})`,
  ]);
  return {
    ...plan,
    params: [...restParams, ...scalarValues, ...restParams, col, ...elementValues],
    select: `${scalarArm} UNION ALL ${arrayArm} ORDER BY ${armOrder(sort, plan)}`,
  };
}

function equalityFields(conditions: Conditions): Set<string> {
  return new Set(conditions.list.filter((c) => c.op === 'eq').map((c) => c.field));
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
 * Strict index mode (README, the emulator section): a query must be FULLY served by a declared index, as it should be in production
 * (documents read = documents matched). Served: a query by `_id` (equality or `$in`); no filter (with a sort the
 * index order yields); or an index whose first field is constrained, that covers every filter field, and when a
 * sort is asked yields that order after its equality (or `$in`) prefix. The filter may hold only equality, `$in`, `$ne`,
 * `$nin` and range conditions (a regex, `$exists`, `$elemMatch`, ... would be checked on fetched documents). A
 * `$or` is served when each branch, with the conditions beside it, is (MongoDB's index union). Counts included.
 */
export function assertIndexServed(state: CollectionState, filter: Doc, sort: SortSpec): void {
  if (isServed(state, filter, sort)) return;
  const fields = filterFields(filter);
  throw new DbError(
    'EMULATOR_INDEX_REQUIRED',
    `集合 ${state.name} 的查询没有能完全服务它的索引（条件字段：${fields.join('、') || '无'}；排序字段：` +
      `${sort.map((s) => `${s.field}${s.direction === 1 ? '↑' : '↓'}`).join('、') || '无'}）。` +
      '请在 deploy/database.json 中为该集合声明索引（条件字段须都在索引中、首字段须受约束；正则、$exists 等无法由索引完全服务）',
  );
}

function isServed(state: CollectionState, filter: Doc, sort: SortSpec): boolean {
  const { $or: branches, ...rest } = filter;
  if (Array.isArray(branches) && branches.length > 0) {
    return branches.every((b) => isPlainObject(b) && isServed(state, { $and: [rest, b] }, sort));
  }
  const conditions = collectConditions(filter);
  if (conditions.list.some((c) => c.field === '_id' && (c.op === 'eq' || c.op === 'in'))) return true;
  if (!conditions.complete) return false;
  const fields = new Set(conditions.list.map((c) => c.field));
  // MongoDB explodes an `$in` into point scans merged in index order, so before a sort it counts as equality.
  const points = new Set(conditions.list.filter((c) => c.op === 'eq' || c.op === 'in').map((c) => c.field));
  return allIndexes(state).some((index) => {
    const keyFields = new Set(index.keys.map((k) => k.field));
    const filterOk =
      fields.size === 0 ||
      (fields.has(index.keys[0]?.field ?? '') && [...fields].every((f) => keyFields.has(f)));
    return filterOk && (sort.length === 0 || sortScan(index, points, sort) !== undefined);
  });
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
