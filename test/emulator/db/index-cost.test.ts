/** Cost-true strict index mode: multikey indexes, counts served from the index, documents-read accounting. */
import { databaseOf } from '../../../emulator/db';
import type { TestEmulator } from '../../helpers/emulator';
import { sdkError, startDbEmulator, type Db } from './sdk';

let emu: TestEmulator;
let db: Db;

const CASES = [
  { _id: 'c1', unitId: 'u1', status: 'open', handlerIds: ['h1', 'h2'], createdAt: new Date(1) },
  { _id: 'c2', unitId: 'u1', status: 'closed', handlerIds: ['h2'], createdAt: new Date(2) },
  { _id: 'c3', unitId: 'u2', status: 'open', handlerIds: 'h1', createdAt: new Date(3) },
  { _id: 'c4', unitId: 'u2', status: 'open', handlerIds: [], createdAt: new Date(4) },
  { _id: 'c5', unitId: 'u1', status: 'open', createdAt: new Date(5) },
];

beforeAll(async () => {
  ({ emu, db } = await startDbEmulator({ strictIndexes: true, logScanned: true }));
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.post('/_emulator/reset');
  await db.collection('cases').add(CASES);
  await db.collection('orders').add([{ _id: 'o1', customerId: 'k', handlerIds: ['h1'] }]);
});

const ids = (res: { data: Array<{ _id: string }> }) => res.data.map((d) => d._id).sort();
const scanned = () => databaseOf(emu.ctx).scannedDocuments();

describe('strict index mode refuses what no declared index fully serves', () => {
  it('refuses an array-field query without a multikey index', async () => {
    const err = await sdkError(db.collection('orders').where({ handlerIds: 'h1' }).get());
    expect(err.code).toBe('EMULATOR_INDEX_REQUIRED');
    expect(err.message).toMatch(/handlerIds/);
  });

  it('serves an array-field query from a multikey index and returns the documents holding the value', async () => {
    const _ = db.command;
    expect(ids(await db.collection('cases').where({ handlerIds: 'h1' }).get())).toEqual(['c1', 'c3']);
    expect(ids(await db.collection('cases').where({ handlerIds: 'h2' }).get())).toEqual(['c1', 'c2']);
    expect(
      ids(
        await db
          .collection('cases')
          .where({ handlerIds: _.in(['h1', 'h9']) })
          .get(),
      ),
    ).toEqual(['c1', 'c3']);
    const before = scanned();
    expect((await db.collection('cases').where({ handlerIds: 'h2' }).get()).data).toHaveLength(2);
    expect(scanned() - before).toBe(2); // only the matching documents are read
  });

  it('keeps the multikey index current through updates and removals', async () => {
    const _ = db.command;
    await db
      .collection('cases')
      .doc('c2')
      .update({ handlerIds: _.push('h1') });
    await db
      .collection('cases')
      .doc('c1')
      .update({ handlerIds: ['h3'] });
    await db.collection('cases').doc('c3').remove();
    expect(ids(await db.collection('cases').where({ handlerIds: 'h1' }).get())).toEqual(['c2']);
    expect(ids(await db.collection('cases').where({ handlerIds: 'h3' }).get())).toEqual(['c1']);
  });

  it('refuses a count no index fully serves, and a filter field outside the index', async () => {
    const _ = db.command;
    const count = await sdkError(
      db
        .collection('cases')
        .where({ unitId: 'u1', createdAt: _.gt(new Date(0)) })
        .count(),
    );
    expect(count.code).toBe('EMULATOR_INDEX_REQUIRED');
    const regex = await sdkError(
      db
        .collection('cases')
        .where({ unitId: 'u1', status: db.RegExp({ regexp: '^op' }) })
        .count(),
    );
    expect(regex.code).toBe('EMULATOR_INDEX_REQUIRED');
    const exists = await sdkError(
      db
        .collection('cases')
        .where({ unitId: 'u1', status: _.exists(true) })
        .get(),
    );
    expect(exists.code).toBe('EMULATOR_INDEX_REQUIRED');
  });

  it('serves a filter on the index fields, equality, $in, $ne and $or branches each served', async () => {
    const _ = db.command;
    const c = db.collection('cases');
    expect((await c.where({ unitId: 'u1', status: _.in(['open', 'closed']) }).count()).total).toBe(3);
    expect((await c.where({ unitId: 'u1', status: _.neq('open') }).count()).total).toBe(1);
    expect((await c.where(_.or([{ unitId: 'u2' }, { handlerIds: 'h2' }])).count()).total).toBe(4);
    // An $in before the sort field: MongoDB merges the point scans in index order.
    const sorted = await c
      .where({ unitId: _.in(['u1', 'u2']) })
      .orderBy('status', 'desc')
      .get();
    expect(sorted.data.map((d: { status: string }) => d.status)).toEqual([
      'open',
      'open',
      'open',
      'open',
      'closed',
    ]);
  });
});

describe('documents read per query', () => {
  it('counts from the index without reading a document when the index serves the whole filter', async () => {
    const _ = db.command;
    const before = scanned();
    expect((await db.collection('cases').where({ unitId: 'u1', status: 'open' }).count()).total).toBe(2);
    expect((await db.collection('cases').where({ handlerIds: 'h1' }).count()).total).toBe(2);
    expect(
      (
        await db
          .collection('cases')
          .where({ unitId: _.in(['u1', 'u2']) })
          .count()
      ).total,
    ).toBe(5);
    expect(scanned() - before).toBe(0);
    const line = emu.logs
      .map((l) => JSON.parse(l) as { action?: string; scanned?: number })
      .filter((l) => l.action === 'database.calculateDocument')
      .pop();
    expect(line?.scanned).toBe(0);
  });

  it('reads every candidate when the filter is left to the document matcher (strict mode off)', async () => {
    emu.ctx.options.strictIndexes = false;
    try {
      const before = scanned();
      const res = await db
        .collection('cases')
        .where({ createdAt: db.command.gt(new Date(0)) })
        .count();
      expect(res.total).toBe(5);
      expect(scanned() - before).toBe(5);
    } finally {
      emu.ctx.options.strictIndexes = true;
    }
  });
});
