/**
 * The /admin database actions, with the request and answer shapes the SDK uses
 * (@cloudbase/database dist/commonjs/collection.js, document.js, query.js, aggregate.js, transaction/index.js):
 * documents travel as Extended JSON strings, answers put results under `data` (transaction control answers at
 * top level), and an error answer is `{code, message, requestId}`.
 */
import type { EmulatorContext } from '../context';
import { COLLECTION_NAME } from './config';
import { DbError, LockedByTransaction, errorAnswer, newRequestId } from './errors';
import { decodeEjson, encodeDoc, isPlainObject, regexpsForQuery, type Doc } from './ejson';
import { MAX_LIMIT, type Engine } from './engine';
import type { SortSpec } from './planner';
import type { Transactions } from './transactions';
import { validateQuery } from './validate';

type Body = Record<string, unknown>;

/** The SDK's default page when no limit is given (query.js: `param.limit = 100`). */
const DEFAULT_LIMIT = 100;

export function registerDatabaseActions(ctx: EmulatorContext, engine: Engine, txns: Transactions): void {
  /** Requests from the SDK are subject to strict index mode (Engine applies it when ctx.options.strictIndexes). */
  const strict = true;
  const on = (action: string, handler: (body: Body) => Body) => {
    ctx.adminActions.set(`database.${action}`, async (body, note) => {
      const requestId = newRequestId();
      const scannedBefore = engine.scanned;
      try {
        for (;;) {
          try {
            return { ...handler(body), requestId };
          } catch (err) {
            // A write to a document an open transaction wrote waits for it to end, then runs again.
            if (!(err instanceof LockedByTransaction)) throw err;
            await txns.whenEnded(err.transactionId);
          }
        }
      } catch (err) {
        return errorAnswer(err, requestId);
      } finally {
        if (ctx.options.logScanned && note) note.scanned = engine.scanned - scannedBefore;
      }
    });
  };

  on('insertDocument', (body) => {
    const collection = collectionName(body);
    const raw = Array.isArray(body.data) ? body.data : [body.data];
    const docs = raw.map((item) => decodeEjson(item, 'data'));
    if (!docs.every(isPlainObject)) throw new DbError('INVALID_PARAM', '插入的文档必须是对象');
    const txnId = transactionId(body);
    if (txnId) {
      // 事务中不允许批量操作 (WeChat cloud docs, Database.startTransaction, 限制)
      if (docs.length !== 1) throw new DbError('INVALID_PARAM', '事务中只能插入单条文档');
      return { data: { insertedIds: [txns.insert(txnId, collection, docs[0] as Doc)] } };
    }
    return { data: { insertedIds: engine.insert(collection, docs) } };
  });

  on('getDocument', (body) => {
    const collection = collectionName(body);
    const query = decodeQuery(body.query);
    const projection = decodeProjection(body.projection);
    const txnId = transactionId(body);
    if (txnId) {
      const doc = txns.get(txnId, collection, singleDocumentId(body, query));
      const list = doc ? (projection ? engine.project([doc], projection) : [doc]) : [];
      return { data: { list: list.map(encodeDoc) } };
    }
    const found = engine.find(collection, query, {
      sort: decodeOrder(body.order),
      skip: nonNegativeInteger(body.offset, 'offset') ?? 0,
      limit: pageLimit(body.limit),
      enforceIndexes: strict,
    });
    const list = projection
      ? engine
          .project(
            found.map((f) => f.doc),
            projection,
          )
          .map(encodeDoc)
      : found.map((f) => f.row.doc);
    return { data: { list } };
  });

  on('calculateDocument', (body) => {
    refuseInTransaction(body, 'count');
    return { data: { total: engine.count(collectionName(body), decodeQuery(body.query), strict) } };
  });

  on('modifyDocument', (body) => {
    const collection = collectionName(body);
    const query = decodeQuery(body.query);
    const data = decodeData(body.data);
    const merge = body.merge !== false;
    const upsert = body.upsert === true;
    const txnId = transactionId(body);
    if (txnId) {
      const result = txns.modify(txnId, collection, singleDocumentId(body, query), data, merge, upsert);
      return { data: { updated: result.updated, upsert_id: result.upsertId } };
    }
    const multi = body.queryType === 'DOC' ? false : body.multi !== false;
    const result = engine.update(collection, query, data, { multi, merge, upsert }, strict);
    return { data: { updated: result.updated, upsert_id: result.upsertId } };
  });

  on('removeDocument', (body) => {
    const collection = collectionName(body);
    const query = decodeQuery(body.query);
    const txnId = transactionId(body);
    if (txnId) return { data: { deleted: txns.remove(txnId, collection, singleDocumentId(body, query)) } };
    const multi = body.queryType === 'DOC' ? false : body.multi !== false;
    return { data: { deleted: engine.remove(collection, query, multi, strict) } };
  });

  on('modifyAndReturnDoc', (body) => {
    refuseInTransaction(body, 'updateAndReturn');
    const result = engine.findAndModify(
      collectionName(body),
      decodeQuery(body.query),
      decodeData(body.data),
      strict,
    );
    return { data: { updated: result.updated, doc: result.doc ? encodeDoc(result.doc) : null } };
  });

  on('aggregateDocuments', (body) => {
    refuseInTransaction(body, 'aggregate');
    const stages = decodeStages(body.stages);
    return { data: { list: engine.aggregate(collectionName(body), stages, strict).map(encodeDoc) } };
  });

  on('startTransaction', () => ({ transactionId: txns.start() }));
  on('commitTransaction', (body) => {
    txns.commit(requiredTransactionId(body));
    return {};
  });
  on('abortTransaction', (body) => {
    txns.abort(requiredTransactionId(body));
    return {};
  });

  on('addCollection', (body) => {
    const name = collectionName(body);
    if (engine.store.has(name)) throw new DbError('DATABASE_REQUEST_FAILED', `集合 ${name} 已存在`);
    engine.store.create(name);
    return {};
  });
}

function collectionName(body: Body): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new DbError('INVALID_PARAM', '集合名称不合法');
  }
  return name;
}

function transactionId(body: Body): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined;
}

function requiredTransactionId(body: Body): string {
  const id = transactionId(body);
  if (!id) throw new DbError('INVALID_PARAM', '缺少 transactionId');
  return id;
}

/** 在事务中仅能进行单记录操作，也就是不能使用 where、aggregate 接口 (WeChat cloud docs, Transaction.collection). */
function refuseInTransaction(body: Body, what: string): void {
  if (transactionId(body)) throw new DbError('INVALID_PARAM', `事务中只能进行单记录操作，不能使用 ${what}`);
}

function singleDocumentId(body: Body, query: Doc): unknown {
  if (body.queryType !== 'DOC' || query._id === undefined || isPlainObject(query._id)) {
    throw new DbError('INVALID_PARAM', '事务中只能进行单记录操作，不能使用 where 查询（请用 doc(id)）');
  }
  return query._id;
}

function decodeQuery(raw: unknown): Doc {
  const decoded = regexpsForQuery(decodeEjson(raw, 'query'));
  if (decoded === undefined) return {};
  validateQuery(decoded);
  return decoded as Doc;
}

function decodeData(raw: unknown): Doc {
  const data = decodeEjson(raw, 'data');
  if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', '更新内容必须是对象');
  return data;
}

function decodeProjection(raw: unknown): Doc | undefined {
  const projection = decodeEjson(raw, 'projection');
  if (projection === undefined) return undefined;
  if (!isPlainObject(projection)) throw new DbError('INVALID_PARAM', 'projection 必须是对象');
  return Object.keys(projection).length ? projection : undefined;
}

/** Accepts the object form query.js sends (`{field: 1|-1}`) and the older array form (`[{field, direction}]`). */
function decodeOrder(raw: unknown): SortSpec {
  const order = decodeEjson(raw, 'order');
  if (order === undefined) return [];
  const pairs: Array<[unknown, unknown]> = Array.isArray(order)
    ? order.map((o) => (isPlainObject(o) ? [o.field, o.direction] : [undefined, undefined]))
    : isPlainObject(order)
      ? Object.entries(order)
      : [[undefined, undefined]];
  return pairs.map(([field, direction]) => {
    if (typeof field !== 'string' || !field) throw new DbError('INVALID_PARAM', '排序字段不合法');
    if (direction === 1 || direction === 'asc') return { field, direction: 1 };
    if (direction === -1 || direction === 'desc') return { field, direction: -1 };
    throw new DbError('INVALID_PARAM', `排序方向不合法：${String(direction)}`);
  });
}

function decodeStages(raw: unknown): Doc[] {
  if (!Array.isArray(raw)) throw new DbError('INVALID_PARAM', 'stages 必须是数组');
  return raw.map((stage) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string') {
      throw new DbError('INVALID_PARAM', '聚合阶段格式不合法');
    }
    let value = decodeEjson(stage.stageValue, stage.stageKey);
    if (stage.stageKey === '$match') value = regexpsForQuery(value);
    return { [stage.stageKey]: value };
  });
}

function nonNegativeInteger(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DbError('INVALID_PARAM', `${name} 必须是非负整数`);
  }
  return value;
}

/** More than 1000 documents per get is refused; the SDK itself never asks for more (query.js clamps). */
function pageLimit(value: unknown): number {
  const limit = nonNegativeInteger(value, 'limit');
  if (!limit) return DEFAULT_LIMIT;
  if (limit > MAX_LIMIT)
    throw new DbError('INVALID_PARAM', `单次查询最多返回 ${MAX_LIMIT} 条文档（limit=${limit}）`);
  return limit;
}
