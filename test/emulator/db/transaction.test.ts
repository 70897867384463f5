import type { TestEmulator } from '../../helpers/emulator';
import { sdkError, startDbEmulator, type Db, type TxHandle } from './sdk';

let emu: TestEmulator;
let db: Db;

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator());
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.post('/_emulator/reset');
  await db.collection('accounts').add([
    { _id: 'a', amount: 100 },
    { _id: 'b', amount: 0 },
  ]);
});

const amount = async (id: string) => (await db.collection('accounts').doc(id).get()).data[0]?.amount;

describe('transactions through the real SDK', () => {
  it('commits single-document operations atomically', async () => {
    const _ = db.command;
    const result = await db.runTransaction(async (t: TxHandle) => {
      const a = await t.collection('accounts').doc('a').get();
      await t
        .collection('accounts')
        .doc('a')
        .update({ amount: _.inc(-30) });
      await t
        .collection('accounts')
        .doc('b')
        .update({ amount: _.inc(30) });
      await t.collection('accounts').add({ _id: 'log1', moved: 30 });
      await t.collection('accounts').doc('c').set({ amount: 1 });
      return a.data.amount;
    });
    expect(result).toBe(100);
    expect([await amount('a'), await amount('b'), await amount('c')]).toEqual([70, 30, 1]);
    expect((await db.collection('accounts').doc('log1').get()).data[0].moved).toBe(30);
  });

  it('isolates: uncommitted writes are invisible outside and visible inside', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('a').update({ amount: 1 });
    await t.collection('accounts').doc('b').remove();
    expect((await t.collection('accounts').doc('a').get()).data.amount).toBe(1);
    expect((await t.collection('accounts').doc('b').get()).data).toBeNull();
    expect(await amount('a')).toBe(100);
    expect(await amount('b')).toBe(0);
    await t.commit();
    expect(await amount('a')).toBe(1);
    expect(await amount('b')).toBeUndefined();
  });

  it('rolls back', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('a').update({ amount: 5 });
    await t.rollback();
    expect(await amount('a')).toBe(100);
    const rejected = await db
      .runTransaction(async (tx: TxHandle) => {
        await tx.collection('accounts').doc('a').update({ amount: 6 });
        await tx.rollback('stop');
      })
      .catch((e: unknown) => e);
    expect(rejected).toBe('stop');
    expect(await amount('a')).toBe(100);
  });

  // Was: a commit failed when a document the transaction had only READ changed meanwhile (optimistic read-set
  // validation). CloudBase (MongoDB snapshot isolation) fails the WRITE to a document changed since the start.
  it('fails a write to a document changed since the transaction started, with the conflict code', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('a').get();
    await t.collection('accounts').doc('b').update({ amount: 1 });
    await db.collection('accounts').doc('a').update({ amount: 99 });
    const err = await sdkError(t.collection('accounts').doc('a').update({ amount: 5 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await sdkError(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect([await amount('a'), await amount('b')]).toEqual([99, 0]);
  });

  it('retries an injected conflict in runTransaction and then succeeds', async () => {
    const faults = await emu.post('/_emulator/db-faults', { transactionConflict: 2 });
    expect(faults.status).toBe(200);
    let attempts = 0;
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await db.runTransaction(async (t: TxHandle) => {
      attempts += 1;
      await t
        .collection('accounts')
        .doc('a')
        .update({ amount: db.command.inc(1) });
      return 'done';
    }, 3);
    log.mockRestore();
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    expect(await amount('a')).toBe(101);
  });

  it('refuses where, count and aggregate inside a transaction (single-document only)', async () => {
    const t = await db.startTransaction();
    const where = await sdkError(t.collection('accounts').where({ amount: 0 }).get());
    expect(where.code).toBe('INVALID_PARAM');
    expect(where.message).toMatch(/单记录/);
    const batch = await sdkError(t.collection('accounts').add([{ a: 1 }, { a: 2 }]));
    expect(batch.code).toBe('INVALID_PARAM');
    await t.rollback();
  });
});
