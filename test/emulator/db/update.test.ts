import type { TestEmulator } from '../../helpers/emulator';
import { sdkError, startDbEmulator, type Db } from './sdk';

let emu: TestEmulator;
let db: Db;

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator({ strictIndexes: false }));
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.post('/_emulator/reset');
});

const get = async (id: string) => (await db.collection('people').doc(id).get()).data[0];

describe('update operators through the real SDK', () => {
  it('applies every update operator, with nested dot paths', async () => {
    const _ = db.command;
    await db.collection('people').add({
      _id: 'u1',
      n: 1,
      m: 3,
      lo: 5,
      hi: 5,
      arr: [1, 2, 3],
      set: ['a'],
      pulls: [1, 2, 3, 2],
      gone: true,
      old: 'x',
      nested: { a: { b: 1 } },
    });
    const res = await db
      .collection('people')
      .doc('u1')
      .update({
        n: _.inc(2),
        m: _.mul(4),
        lo: _.min(2),
        hi: _.max(9),
        arr: _.push([4, 5]),
        set: _.addToSet('a'),
        pulls: _.pull(2),
        gone: _.remove(),
        old: _.rename('renamed'),
        nested: { a: { b: _.inc(1), c: 'new' } },
        whole: _.set({ x: 1 }),
      });
    expect(res.updated).toBe(1);
    const doc = await get('u1');
    expect(doc).toEqual({
      _id: 'u1',
      n: 3,
      m: 12,
      lo: 2,
      hi: 9,
      arr: [1, 2, 3, 4, 5],
      set: ['a'],
      pulls: [1, 3],
      renamed: 'x',
      nested: { a: { b: 2, c: 'new' } },
      whole: { x: 1 },
    });
    await db
      .collection('people')
      .doc('u1')
      .update({ arr: _.shift(), pulls: _.pullAll([1, 3]) });
    await db
      .collection('people')
      .doc('u1')
      .update({ arr: _.unshift([0]), set: _.addToSet({ $each: ['b', 'a'] }) });
    await db.collection('people').doc('u1').update({ arr: _.pop() });
    const after = await get('u1');
    expect(after.arr).toEqual([0, 2, 3, 4]);
    expect(after.pulls).toEqual([]);
    expect(after.set).toEqual(['a', 'b']);
  });

  it('replaces with set (merge false), keeps _id, and upserts a missing document', async () => {
    await db.collection('people').add({ _id: 's1', a: 1, b: 2 });
    const replaced = await db.collection('people').doc('s1').set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect(await get('s1')).toEqual({ _id: 's1', c: 3 });
    const created = await db.collection('people').doc('s2').set({ d: 4 });
    expect(created.updated).toBe(0);
    expect(created.upsertedId).toBe('s2');
    expect(await get('s2')).toEqual({ _id: 's2', d: 4 });
  });

  it('updates many with where (multi) and reports the modified count', async () => {
    await db.collection('people').add([
      { _id: 'w1', city: 'sh', v: 1 },
      { _id: 'w2', city: 'sh', v: 1 },
      { _id: 'w3', city: 'bj', v: 1 },
    ]);
    const res = await db
      .collection('people')
      .where({ city: 'sh' })
      .update({ v: db.command.inc(1) });
    expect(res.updated).toBe(2);
    expect((await get('w3')).v).toBe(1);
    expect((await get('w1')).v).toBe(2);
    expect((await db.collection('people').doc('nope').update({ v: 1 })).updated).toBe(0);
  });

  it('upserts through the raw protocol with the filter equalities', async () => {
    const res = await emu.post('/admin', {
      action: 'database.modifyDocument',
      collectionName: 'people',
      query: JSON.stringify({ city: 'hz' }),
      data: JSON.stringify({ $set: { v: 7 } }),
      queryType: 'WHERE',
      multi: false,
      merge: true,
      upsert: true,
    });
    expect(res.body.data.updated).toBe(0);
    const doc = await get(res.body.data.upsert_id);
    expect(doc).toEqual({ _id: res.body.data.upsert_id, city: 'hz', v: 7 });
  });

  it('replaces db.serverDate() with the emulator clock plus offset', async () => {
    await emu.post('/_emulator/clock', { now: '2026-12-01T09:00:00+08:00' });
    await db
      .collection('people')
      .add({ _id: 'c1', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    await db.collection('people').doc('c1').update({ touched: db.serverDate() });
    const doc = await get('c1');
    await emu.post('/_emulator/clock', { now: null });
    const expected = Date.parse('2026-12-01T01:00:00Z');
    expect(Math.abs(doc.at.getTime() - expected)).toBeLessThan(5000);
    expect(doc.later.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(59_000);
    expect(Math.abs(doc.touched.getTime() - expected)).toBeLessThan(5000);
  });

  it('updates and returns the new document (updateAndReturn), and removes', async () => {
    await db.collection('people').add([
      { _id: 'r1', k: 'x', n: 1 },
      { _id: 'r2', k: 'x', n: 1 },
    ]);
    const res = await db
      .collection('people')
      .where({ _id: 'r1' })
      .updateAndReturn({ n: db.command.inc(5) });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'r1', k: 'x', n: 6 });
    expect((await db.collection('people').doc('r1').remove()).deleted).toBe(1);
    expect((await db.collection('people').where({ k: 'x' }).remove()).deleted).toBe(1);
    expect((await db.collection('people').count()).total).toBe(0);
  });

  it('inserts arrays of documents and keeps given ids', async () => {
    const res = await db.collection('people').add([{ _id: 'given', a: 1 }, { a: 2 }]);
    expect(res.ids?.[0]).toBe('given');
    expect(res.ids?.[1]).toMatch(/^[0-9a-f]{32}$/);
    expect((await db.collection('people').count()).total).toBe(2);
  });

  it('creates collections with createCollection', async () => {
    await db.createCollection('made_at_runtime');
    await db.collection('made_at_runtime').add({ a: 1 });
    expect((await db.collection('made_at_runtime').count()).total).toBe(1);
  });
});

describe('updates MongoDB rejects', () => {
  it('fail with DATABASE_REQUEST_FAILED instead of answering {updated: 0}, and change nothing', async () => {
    const _ = db.command;
    await db.collection('people').add({ _id: 'r1', arr: [1, 2], n: 5, s: 'a' });
    const doc = db.collection('people').doc('r1');
    const overArray = await sdkError(doc.update({ arr: { x: 1 } }));
    expect(overArray.code).toBe('DATABASE_REQUEST_FAILED');
    expect(overArray.message).toMatch(/Cannot create field 'x'/);
    expect((await sdkError(doc.update({ n: _.push(1) }))).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await sdkError(doc.update({ s: _.inc(1) }))).code).toBe('DATABASE_REQUEST_FAILED');
    expect((await sdkError(doc.update({ 'n.x': 1 }))).code).toBe('DATABASE_REQUEST_FAILED');
    const where = await sdkError(
      db
        .collection('people')
        .where({ _id: 'r1' })
        .update({ s: _.mul(2) }),
    );
    expect(where.code).toBe('DATABASE_REQUEST_FAILED');
    expect(await get('r1')).toEqual({ _id: 'r1', arr: [1, 2], n: 5, s: 'a' });
    // Setting an array element by position is what MongoDB allows.
    expect((await doc.update({ 'arr.0': 9 })).updated).toBe(1);
  });

  it('fail inside a transaction too', async () => {
    await db.collection('people').add({ _id: 'r2', s: 'a' });
    const t = await db.startTransaction();
    const err = await sdkError(
      t
        .collection('people')
        .doc('r2')
        .update({ s: db.command.inc(1) }),
    );
    expect(err.code).toBe('DATABASE_REQUEST_FAILED');
    await t.rollback();
  });
});
