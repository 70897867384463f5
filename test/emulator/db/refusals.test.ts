import type { TestEmulator } from '../../helpers/emulator';
import { sdkError, startDbEmulator, type Db } from './sdk';

let emu: TestEmulator;
let db: Db;

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator({ strictIndexes: true }));
  await db.collection('items').add([
    { _id: 'i1', status: 'open', n: 1, createdAt: new Date(1), free: 'x' },
    { _id: 'i2', status: 'open', n: 2, createdAt: new Date(2), free: 'y' },
  ]);
});
afterAll(() => emu.stop());

const admin = (body: Record<string, unknown>) => emu.post('/admin', body).then((r) => r.body);

describe('refusals CloudBase itself makes', () => {
  it('answers errors as {code, message, requestId}', async () => {
    const err = await sdkError(db.collection('undeclared').get());
    expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(err.requestId).toEqual(expect.any(String));
    expect(err.message).toMatch(/undeclared/);
  });

  it('refuses more than 1000 documents per get; the SDK itself clamps to 1000', async () => {
    const raw = await admin({ action: 'database.getDocument', collectionName: 'items', limit: 1001 });
    expect(raw.code).toBe('INVALID_PARAM');
    const viaSdk = await db.collection('items').limit(5000).get();
    expect(viaSdk.data).toHaveLength(2);
  });

  it('refuses an insert batch over the cap', async () => {
    const docs = Array.from({ length: 1001 }, (_, i) => ({ n: i }));
    const err = await sdkError(db.collection('people').add(docs));
    expect(err.code).toBe('INVALID_PARAM');
    expect((await db.collection('people').count()).total).toBe(0);
  });

  it('refuses updating _id and empty updates', async () => {
    const setId = await admin({
      action: 'database.modifyDocument',
      collectionName: 'items',
      query: JSON.stringify({ _id: 'i1' }),
      queryType: 'DOC',
      data: JSON.stringify({ $set: { _id: 'other' } }),
      merge: true,
    });
    expect(setId).toMatchObject({ code: 'INVALID_PARAM', message: '不能更新_id的值' });
    const sdkId = await sdkError(db.collection('items').doc('i1').update({ _id: 'x' }));
    expect(sdkId.message).toMatch(/_id/);
    const empty = await sdkError(db.collection('items').doc('i1').update({}));
    expect(empty.code).toBe('INVALID_PARAM');
  });

  it('refuses operators it cannot serve, including geo, instead of answering wrongly', async () => {
    const where = await admin({
      action: 'database.getDocument',
      collectionName: 'items',
      query: JSON.stringify({ _id: 'i1', $where: 'this.n > 1' }),
    });
    expect(where.code).toBe('DATABASE_INVALID_OPERRATOR');
    const type = await admin({
      action: 'database.getDocument',
      collectionName: 'items',
      query: JSON.stringify({ _id: { $type: 'string' } }),
    });
    expect(type.code).toBe('DATABASE_INVALID_OPERRATOR');
    const geo = await sdkError(
      db
        .collection('items')
        .where({
          _id: 'i1',
          loc: db.command.geoNear({ geometry: new db.Geo.Point(113, 23), maxDistance: 10 }),
        })
        .get(),
    );
    expect(geo.code).toBe('DATABASE_INVALID_OPERRATOR');
    expect(geo.message).toMatch(/地理/);
    const bit = await admin({
      action: 'database.modifyDocument',
      collectionName: 'items',
      query: JSON.stringify({ _id: 'i1' }),
      queryType: 'DOC',
      data: JSON.stringify({ $bit: { n: { and: 1 } } }),
    });
    expect(bit.code).toBe('DATABASE_INVALID_OPERRATOR');
    const stage = await admin({
      action: 'database.aggregateDocuments',
      collectionName: 'items',
      stages: [{ stageKey: '$out', stageValue: '"x"' }],
    });
    expect(stage.code).toBe('DATABASE_INVALID_OPERRATOR');
  });

  it('refuses duplicate ids', async () => {
    const err = await sdkError(db.collection('items').add({ _id: 'i1' }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(err.message).toMatch(/duplicate/);
  });

  it('enforces unique indexes', async () => {
    await db.collection('users').add({ email: 'a@x' });
    const err = await sdkError(db.collection('users').add({ email: 'a@x' }));
    expect(err.message).toMatch(/duplicate/);
  });
});

describe('strict index mode', () => {
  it('serves queries by _id and by declared indexes', async () => {
    const _ = db.command;
    expect((await db.collection('items').doc('i1').get()).data).toHaveLength(1);
    expect(
      (
        await db
          .collection('items')
          .where({ _id: _.in(['i1', 'i2']) })
          .get()
      ).data,
    ).toHaveLength(2);
    const page = await db.collection('items').where({ status: 'open' }).orderBy('createdAt', 'desc').get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['i2', 'i1']);
    expect(
      (
        await db
          .collection('items')
          .where({ n: _.gt(1) })
          .count()
      ).total,
    ).toBe(1);
    expect(
      (
        await db
          .collection('items')
          .where(_.or([{ n: 1 }, { status: 'x' }]))
          .get()
      ).data,
    ).toHaveLength(1);
  });

  it('refuses a filter or a sort no declared index serves, naming collection and fields', async () => {
    const byFree = await sdkError(db.collection('items').where({ free: 'x' }).get());
    expect(byFree.code).toBe('EMULATOR_INDEX_REQUIRED');
    expect(byFree.message).toMatch(/items/);
    expect(byFree.message).toMatch(/free/);
    const sortFree = await sdkError(
      db.collection('items').where({ status: 'open' }).orderBy('free', 'asc').get(),
    );
    expect(sortFree.message).toMatch(/free/);
    const rangeSecond = await sdkError(
      db
        .collection('items')
        .where({ createdAt: db.command.gt(new Date(0)) })
        .get(),
    );
    expect(rangeSecond.code).toBe('EMULATOR_INDEX_REQUIRED');
    const update = await sdkError(db.collection('items').where({ free: 'x' }).update({ n: 3 }));
    expect(update.code).toBe('EMULATOR_INDEX_REQUIRED');
    // The index on n narrows, but free would be checked on every fetched document: not fully served.
    const partly = await sdkError(
      db
        .collection('items')
        .where({ n: db.command.gt(1), free: 'y' })
        .count(),
    );
    expect(partly.code).toBe('EMULATOR_INDEX_REQUIRED');
  });

  it('is off in dev mode', async () => {
    emu.ctx.options.strictIndexes = false;
    try {
      expect((await db.collection('items').where({ free: 'x' }).get()).data).toHaveLength(1);
    } finally {
      emu.ctx.options.strictIndexes = true;
    }
  });
});
