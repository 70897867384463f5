import type { TestEmulator } from '../../helpers/emulator';
import { startDbEmulator, type Db } from './sdk';

let emu: TestEmulator;
let db: Db;

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator({ strictIndexes: false }));
  await db.collection('people').add([
    { _id: 'c1', name: 'A', city: 'sh' },
    { _id: 'c2', name: 'B', city: 'bj' },
  ]);
  await db.collection('orders').add([
    { _id: 'o1', customerId: 'c1', amount: 10 },
    { _id: 'o2', customerId: 'c1', amount: 5 },
    { _id: 'o3', customerId: 'c2', amount: 7 },
  ]);
});
afterAll(() => emu.stop());

describe('aggregate through the real SDK', () => {
  it('matches, groups, sorts and projects', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('orders')
      .aggregate()
      .match({ amount: db.command.gt(4) })
      .group({ _id: '$customerId', total: $.sum('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, customer: '$_id', total: 1, n: 1 })
      .end();
    expect(res.data).toEqual([
      { customer: 'c1', total: 15, n: 2 },
      { customer: 'c2', total: 7, n: 1 },
    ]);
  });

  it('looks up another collection', async () => {
    const res = await db
      .collection('people')
      .aggregate()
      .lookup({ from: 'orders', localField: '_id', foreignField: 'customerId', as: 'orders' })
      .sort({ _id: 1 })
      .end();
    expect(res.data.map((d: { orders: unknown[] }) => d.orders.length)).toEqual([2, 1]);
  });

  it('counts, skips and limits', async () => {
    const counted = await db.collection('orders').aggregate().match({ customerId: 'c1' }).count('n').end();
    expect(counted.data).toEqual([{ n: 2 }]);
    const paged = await db.collection('orders').aggregate().sort({ amount: 1 }).skip(1).limit(1).end();
    expect(paged.data).toEqual([{ _id: 'o3', customerId: 'c2', amount: 7 }]);
  });
});
