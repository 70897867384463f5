/** Transactions as CloudBase (MongoDB) has them: write locks, snapshot reads, waiting outside writes, 30 s life. */
import type { TestEmulator } from '../../helpers/emulator';
import { sdkError, startDbEmulator, type Db } from './sdk';

let emu: TestEmulator;
let db: Db;

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator());
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.post('/_emulator/reset');
  emu.ctx.options.transactionLifetimeMs = undefined;
  await db.collection('accounts').add([
    { _id: 'a', amount: 100 },
    { _id: 'b', amount: 0 },
  ]);
});

const amount = async (id: string) => (await db.collection('accounts').doc(id).get()).data[0]?.amount;
/** Whether a promise is still pending after a few event-loop turns (plenty for a loopback answer). */
const pending = async (p: Promise<unknown>) => {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, 150));
  return !settled;
};

describe('transactions as CloudBase has them', () => {
  it('fails a write to a document another open transaction has written, at that write, with DATABASE_TRANSACTION_CONFLICT', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('accounts').doc('a').update({ amount: 1 });
    const err = await sdkError(t2.collection('accounts').doc('a').update({ amount: 2 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    // The conflict ended t2 (as MongoDB aborts it); t1 is unaffected.
    expect((await sdkError(t2.collection('accounts').doc('b').get())).code).toBe('DATABASE_TRANSACTION_FAIL');
    await t1.commit();
    expect(await amount('a')).toBe(1);
  });

  it('fails the second of two concurrent inserts of the same _id with DATABASE_TRANSACTION_CONFLICT, not DATABASE_DUPLICATE_WRITE', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('accounts').add({ _id: 'new', amount: 1 });
    const err = await sdkError(t2.collection('accounts').add({ _id: 'new', amount: 2 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await t1.commit();
    expect(await amount('new')).toBe(1);
  });

  it('reads from a snapshot: a document changed, added or removed by others after the start reads as at the start', async () => {
    const t = await db.startTransaction();
    await db.collection('accounts').doc('a').update({ amount: 7 });
    await db.collection('accounts').doc('b').remove();
    await db.collection('accounts').add({ _id: 'c', amount: 3 });
    expect((await t.collection('accounts').doc('a').get()).data.amount).toBe(100);
    expect((await t.collection('accounts').doc('b').get()).data.amount).toBe(0);
    expect((await t.collection('accounts').doc('c').get()).data).toBeNull();
    // Writing any of them now would lose the other writer's change: a conflict.
    const err = await sdkError(t.collection('accounts').doc('a').update({ amount: 1 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await amount('a')).toBe(7);
  });

  it('makes a write outside transactions to a document an open transaction wrote wait until it ends, then applies it', async () => {
    const _ = db.command;
    const t = await db.startTransaction();
    await t
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(-30) });
    const outside = db
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(5) });
    expect(await pending(outside)).toBe(true);
    expect(await amount('a')).toBe(100); // reads do not wait
    await t.commit();
    expect((await outside).updated).toBe(1);
    expect(await amount('a')).toBe(75);
  });

  it('lets a waiting outside write fail or match nothing when the transaction it waited for changed the outcome', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').add({ _id: 'x', amount: 1 });
    await t.collection('accounts').doc('a').update({ amount: 50 });
    const insert = db.collection('accounts').add({ _id: 'x', amount: 2 });
    const conditional = db.collection('accounts').where({ _id: 'a', amount: 100 }).update({ amount: 0 });
    expect(await pending(insert)).toBe(true);
    await t.commit();
    expect((await sdkError(insert)).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await conditional).updated).toBe(0);
    expect([await amount('x'), await amount('a')]).toEqual([1, 50]);
  });

  it('applies a waiting outside write once the transaction rolls back', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('b').remove();
    const outside = db.collection('accounts').doc('b').update({ amount: 9 });
    expect(await pending(outside)).toBe(true);
    await t.rollback();
    expect((await outside).updated).toBe(1);
    expect(await amount('b')).toBe(9);
  });

  it('aborts a transaction left open past its lifetime (30 s on CloudBase): its locks go and later calls fail with DATABASE_TRANSACTION_FAIL', async () => {
    emu.ctx.options.transactionLifetimeMs = 300; // the 30 s of CloudBase, shortened for the test
    const t = await db.startTransaction();
    await t.collection('accounts').doc('a').update({ amount: 1 });
    // The client "dies" here: nobody commits or rolls back. An outside write waits, then applies.
    await db.collection('accounts').doc('a').update({ amount: 2 });
    expect(await amount('a')).toBe(2);
    const late = await sdkError(t.collection('accounts').doc('b').get());
    expect(late.code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(late.message).toMatch(/30 秒/);
    expect((await sdkError(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  });

  it('lets runTransaction retry a write conflict until the other transaction has ended', async () => {
    const _ = db.command;
    const blocker = await db.startTransaction();
    await blocker
      .collection('accounts')
      .doc('a')
      .update({ amount: _.inc(1) });
    let attempts = 0;
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const run = db.runTransaction(async (t: { collection: Db['collection'] }) => {
      attempts += 1;
      if (attempts === 2) await blocker.commit();
      await t
        .collection('accounts')
        .doc('a')
        .update({ amount: _.inc(10) });
    }, 3);
    await run;
    log.mockRestore();
    expect(attempts).toBe(3);
    expect(await amount('a')).toBe(111);
  });
});
