// Benchmark-only function: the same cursor-paged list query as the raw SDK case, behind a function call.
const tcb = require('@cloudbase/node-sdk');

exports.main = async (event) => {
  const db = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  const _ = db.command;
  const where = { status: event.status };
  if (event.cursor) where.createdAt = _.lt(new Date(event.cursor));
  const res = await db
    .collection('bench_items')
    .where(where)
    .orderBy('createdAt', 'desc')
    .limit(event.pageSize)
    .get();
  const items = res.data;
  const last = items[items.length - 1];
  return { ok: true, data: { items, nextCursor: last ? new Date(last.createdAt).toISOString() : null } };
};
