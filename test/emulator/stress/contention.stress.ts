/**
 * Concurrent writers through the real SDK against the emulator with a seeded database latency (jitter reorders
 * the requests). Correctness only, never timing: no lost update, exactly one winner, every error a documented
 * CloudBase code. Run by `npm run test:stress` (not by `npm test`).
 */
import type { TestEmulator } from '../../helpers/emulator';
import { roundTrips } from '../../../emulator/latency';
import { startDbEmulator, type Db, type TxHandle } from '../db/sdk';

let emu: TestEmulator;
let db: Db;
const C = 'accounts';

/** The codes a caller may meet under contention (docs.cloudbase.net/error-code). */
const DOCUMENTED = new Set([
  'DATABASE_TRANSACTION_CONFLICT',
  'DATABASE_DUPLICATE_WRITE',
  'DATABASE_TRANSACTION_FAIL',
]);
const random = roundTrips({ ms: 0, jitterMs: 1, seed: 20260101 });

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator({ dbLatency: { ms: 10, jitterMs: 20, seed: 7 } }));
  jest.spyOn(console, 'log').mockImplementation(() => undefined); // runTransaction logs its retries
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset'));

const doc = async (id: string) => (await db.collection(C).doc(id).get()).data[0] as Record<string, any>;
const all = <T>(n: number, task: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => task(i)));

/** Runs `task`; answers its error code, having checked it is a documented one. */
async function outcome(task: () => Promise<unknown>): Promise<'ok' | string> {
  try {
    await task();
    return 'ok';
  } catch (err) {
    const code = (err as { code?: string }).code ?? String(err);
    expect(DOCUMENTED).toContain(code);
    return code;
  }
}

describe('concurrent writers with database latency', () => {
  it('loses no update under concurrent conditional (compare-and-set) updates and concurrent $inc', async () => {
    await db.collection(C).add([
      { _id: 'cas', version: 0, value: 0 },
      { _id: 'inc', value: 0 },
    ]);
    const workers = 16;
    const each = 8;
    await all(workers, async () => {
      for (let done = 0; done < each;) {
        const { version, value } = await doc('cas');
        const res = await db
          .collection(C)
          .where({ _id: 'cas', version })
          .update({ version: version + 1, value: value + 1 });
        if (res.updated === 1) done += 1;
      }
    });
    expect(await doc('cas')).toMatchObject({ version: workers * each, value: workers * each });
    await all(80, () =>
      db
        .collection(C)
        .doc('inc')
        .update({ value: db.command.inc(1) }),
    );
    expect((await doc('inc')).value).toBe(80);
  });

  it('lets exactly one of many concurrent inserts of the same _id win', async () => {
    for (let round = 0; round < 8; round++) {
      const results = await all(10, (i) =>
        outcome(() => db.collection(C).add({ _id: `same-${round}`, by: i })),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r !== 'ok').every((r) => r === 'DATABASE_DUPLICATE_WRITE')).toBe(true);
    }
  });

  it('keeps money conserved under concurrent transfers in transactions touching the same accounts', async () => {
    const accounts = ['t0', 't1', 't2', 't3', 't4'];
    await db.collection(C).add(accounts.map((_id) => ({ _id, balance: 1000 })));
    const plans = Array.from({ length: 80 }, (_, i) => {
      const from = accounts[Math.floor(random() * accounts.length)] as string;
      const rest = accounts.filter((a) => a !== from);
      return {
        id: `transfer-${i}`,
        from,
        to: rest[Math.floor(random() * rest.length)] as string,
        amount: 1 + Math.floor(random() * 300),
      };
    });
    const results = await all(plans.length, (i) =>
      outcome(() => {
        const p = plans[i]!;
        return db.runTransaction(async (t: TxHandle) => {
          const from = (await t.collection(C).doc(p.from).get()).data;
          if (from.balance < p.amount) return;
          await t
            .collection(C)
            .doc(p.from)
            .update({ balance: db.command.inc(-p.amount) });
          await t
            .collection(C)
            .doc(p.to)
            .update({ balance: db.command.inc(p.amount) });
          await t.collection(C).add({ _id: p.id, ...p });
        }, 5);
      }),
    );
    const balances: Record<string, number> = Object.fromEntries(
      await all(accounts.length, async (i) => [accounts[i], (await doc(accounts[i]!)).balance as number]),
    );
    const expected: Record<string, number> = Object.fromEntries(accounts.map((a) => [a, 1000]));
    for (const p of plans) {
      const log = await doc(p.id);
      if (!log) continue;
      expected[p.from]! -= p.amount;
      expected[p.to]! += p.amount;
    }
    expect(balances).toEqual(expected);
    expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Object.values(balances).every((b) => b >= 0)).toBe(true);
    expect(results.some((r) => r === 'ok')).toBe(true);
  });

  it('commits exactly one of many transactions claiming the same _id', async () => {
    await db.collection(C).add({ _id: 'claims', n: 0 });
    for (let round = 0; round < 8; round++) {
      const results = await all(8, (i) =>
        outcome(() =>
          db.runTransaction(async (t: TxHandle) => {
            await t.collection(C).add({ _id: `claim-${round}`, by: i });
            await t
              .collection(C)
              .doc('claims')
              .update({ n: db.command.inc(1) });
          }, 2),
        ),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect((await doc('claims')).n).toBe(round + 1);
    }
  });

  it('applies every outside write, waiting for transactions on the same document, abandoned ones included', async () => {
    emu.ctx.options.transactionLifetimeMs = 1500;
    try {
      await db.collection(C).add({ _id: 'mix', value: 0 });
      // A client that wrote and died: its lock goes when the transaction expires.
      const abandoned = await db.startTransaction();
      await abandoned
        .collection(C)
        .doc('mix')
        .update({ value: db.command.inc(1000) });
      const txns = all(12, () =>
        outcome(() =>
          db.runTransaction(async (t: TxHandle) => {
            await t
              .collection(C)
              .doc('mix')
              .update({ value: db.command.inc(10) });
          }, 5),
        ),
      );
      const outside = all(30, () =>
        db
          .collection(C)
          .doc('mix')
          .update({ value: db.command.inc(1) }),
      );
      const [results, updates] = await Promise.all([txns, outside]);
      expect(updates.every((u) => u.updated === 1)).toBe(true);
      const committed = results.filter((r) => r === 'ok').length;
      expect((await doc('mix')).value).toBe(30 + 10 * committed);
      expect((await outcome(() => abandoned.commit())) === 'DATABASE_TRANSACTION_FAIL').toBe(true);
    } finally {
      emu.ctx.options.transactionLifetimeMs = undefined;
    }
  });
});
