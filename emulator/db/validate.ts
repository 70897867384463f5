/**
 * What the emulator accepts. Every operator here is one the SDK emits (@cloudbase/database dist/commonjs/
 * commands/query.js, logic.js, update.js, aggregate.js) and mingo evaluates; anything else is refused with
 * CloudBase's code for an unsupported operator (DATABASE_INVALID_OPERRATOR, docs.cloudbase.net/error-code/basic)
 * instead of being answered differently from the real service.
 */
import { DbError } from './errors';
import { isPlainObject, type Doc } from './ejson';

const QUERY_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$not',
  '$exists',
  '$mod',
  '$all',
  '$elemMatch',
  '$size',
  '$regex',
  '$options',
]);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
const GEO_OPERATORS = new Set(['$geoNear', '$nearSphere', '$near', '$geoWithin', '$geoIntersects']);

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$push',
  '$pull',
  '$pullAll',
  '$pop',
  '$addToSet',
  '$rename',
  '$min',
  '$max',
]);

/** The stages Aggregation (aggregate.js) offers, less $geoNear. */
const AGGREGATE_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$match',
  '$project',
  '$lookup',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

function refuseOperator(op: string): never {
  if (GEO_OPERATORS.has(op)) {
    throw new DbError(
      'DATABASE_INVALID_OPERRATOR',
      `模拟器不支持地理位置操作符 ${op}：请勿在本项目中使用地理查询`,
    );
  }
  throw new DbError('DATABASE_INVALID_OPERRATOR', `不支持的数据库操作符 ${op}`);
}

export function validateQuery(query: unknown): void {
  if (query === undefined) return;
  if (!isPlainObject(query)) throw new DbError('INVALID_PARAM', '查询条件必须是对象');
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0)
        throw new DbError('INVALID_PARAM', `${key} 需要非空数组`);
      value.forEach(validateQuery);
    } else if (key === '$expr') {
      continue; // aggregation expressions: mingo evaluates them, as MongoDB's $expr does
    } else if (key.startsWith('$')) {
      refuseOperator(key);
    } else {
      validateFieldCondition(value);
    }
  }
}

function validateFieldCondition(value: unknown): void {
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (!keys.some((k) => k.startsWith('$'))) return; // an embedded document compared for equality
  for (const op of keys) {
    if (!QUERY_OPERATORS.has(op)) refuseOperator(op);
    const operand = value[op];
    if (op === '$not') validateFieldCondition(operand);
    if (op === '$elemMatch' && isPlainObject(operand)) {
      if (Object.keys(operand).some((k) => k.startsWith('$') && !LOGICAL_OPERATORS.has(k))) {
        validateFieldCondition(operand);
      } else {
        validateQuery(operand);
      }
    }
    if ((op === '$in' || op === '$nin' || op === '$all') && !Array.isArray(operand)) {
      throw new DbError('INVALID_PARAM', `${op} 需要数组`);
    }
  }
}

/** Update documents: operators only, never `_id`, never empty (document.js refuses `_id`: 不能更新_id的值). */
export function validateUpdate(update: Doc): void {
  const ops = Object.keys(update);
  if (ops.length === 0) throw new DbError('INVALID_PARAM', '更新内容不能为空');
  let fields = 0;
  for (const op of ops) {
    if (!UPDATE_OPERATORS.has(op)) refuseOperator(op);
    const spec = update[op];
    if (!isPlainObject(spec)) throw new DbError('INVALID_PARAM', `${op} 的参数必须是对象`);
    for (const path of Object.keys(spec)) {
      fields += 1;
      if (touchesId(path) || (op === '$rename' && typeof spec[path] === 'string' && touchesId(spec[path]))) {
        throw new DbError('INVALID_PARAM', '不能更新_id的值');
      }
    }
  }
  if (fields === 0) throw new DbError('INVALID_PARAM', '更新内容不能为空');
}

/** Whole-document replacement (doc.set): plain fields only. */
export function validateReplacement(doc: Doc, id: unknown): void {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) throw new DbError('INVALID_PARAM', `替换文档不能包含操作符 ${key}`);
  }
  if ('_id' in doc && JSON.stringify(doc._id) !== JSON.stringify(id)) {
    throw new DbError('INVALID_PARAM', '不能更新_id的值');
  }
}

export function validatePipeline(stages: Doc[]): void {
  for (const stage of stages) {
    const [name, ...rest] = Object.keys(stage);
    if (!name || rest.length) throw new DbError('INVALID_PARAM', '每个聚合阶段只能有一个操作符');
    if (name === '$geoNear') refuseOperator(name);
    if (!AGGREGATE_STAGES.has(name)) {
      throw new DbError('DATABASE_INVALID_OPERRATOR', `不支持的聚合阶段 ${name}`);
    }
    if (name === '$match') validateQuery(stage[name]);
  }
}

function touchesId(path: string): boolean {
  return path === '_id' || path.startsWith('_id.');
}
