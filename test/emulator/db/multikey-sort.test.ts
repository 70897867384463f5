/**
 * A sorted page over a multikey field (the officer's own cases, `{officerStaffIds: x}` by `sortKey`, index
 * `officerStaffIds_sortKey` of deploy/database.json) is planned as two arms read in index order and merged
 * (emulator/db/planner.ts multikeyMerge), so its cost no longer grows with the matches (bench/case.ts shows the
 * time); these tests hold its answers: documents holding the value in an array and those holding it as a scalar,
 * merged by the sort key, with a cursor, a further condition and both directions, reading only the page. The same
 * for `$in` before the sort key (the public officer list: in-post statuses by certificate number).
 */
import tcb from '@cloudbase/node-sdk';
import { databaseOf } from '../../../emulator/db';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;
let db: ReturnType<ReturnType<typeof tcb.init>['database']>;
const N = 400;

const key = (i: number) => `2026-01-01T00:00:${String(i).padStart(5, '0')}Z_case_${i}`;
/** Every 4th case is officer a's; a few of those hold the id as a scalar (old data) rather than an array. */
const officersOf = (i: number) => (i % 4 === 0 ? (i % 40 === 0 ? 'a' : ['b', 'a']) : ['b', 'c']);

beforeAll(async () => {
  delete process.env.EMULATOR_DB_CONFIG; // the deployment's own indexes
  emu = await startTestEmulator();
  db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database();
  const docs = Array.from({ length: N }, (_, i) => ({
    _id: `case_${i}`,
    unitId: 'u1',
    stage: i % 8 === 0 ? 'closed' : 'open',
    officerStaffIds: officersOf(i),
    sortKey: key(i),
  }));
  databaseOf(emu.ctx).insert('cases', docs);
});
afterAll(() => emu.stop());

const scanned = () => databaseOf(emu.ctx).scannedDocuments();
const ids = (res: { data: unknown[] }) => (res.data as Array<{ _id: string }>).map((d) => d._id);
const expected = (pred: (i: number) => boolean, desc = true) =>
  Array.from({ length: N }, (_, i) => i)
    .filter((i) => officersOf(i) === 'a' || (officersOf(i) as string[]).includes('a'))
    .filter(pred)
    .sort((x, y) => (desc ? y - x : x - y))
    .map((i) => `case_${i}`);

test('a first page reads the page, newest first, array and scalar holders merged', async () => {
  const before = scanned();
  const page = await db
    .collection('cases')
    .where({ officerStaffIds: 'a' })
    .orderBy('sortKey', 'desc')
    .limit(21)
    .get();
  expect(ids(page)).toEqual(expected(() => true).slice(0, 21));
  expect(scanned() - before).toBe(21);
});

test('a deep cursor and a further condition keep the order and read only the page', async () => {
  const _ = db.command;
  const before = scanned();
  const page = await db
    .collection('cases')
    .where({ officerStaffIds: 'a', sortKey: _.lt(key(100)) })
    .orderBy('sortKey', 'desc')
    .limit(10)
    .get();
  expect(ids(page)).toEqual(expected((i) => i < 100).slice(0, 10));
  expect(scanned() - before).toBe(10);
  const closed = await db
    .collection('cases')
    .where({ officerStaffIds: 'a', stage: 'closed' })
    .orderBy('sortKey', 'asc')
    .get();
  expect(ids(closed)).toEqual(expected((i) => i % 8 === 0, false));
});

test('officers in post by certificate number ($in before the sort key): one arm per status, merged in order', async () => {
  const _ = db.command;
  const statuses = ['active', 'suspended', 'revoked', 'active', 'cancelled'];
  databaseOf(emu.ctx).insert(
    'officers',
    Array.from({ length: 200 }, (_x, i) => ({
      _id: `off_${i}`,
      certNo: String(1000 + ((i * 37) % 200)),
      status: statuses[i % statuses.length],
      shortId: `S${i}`, // unique indexes
      staffId: `stf_${i}`,
    })),
  );
  const inPost = (i: number) => ['active', 'suspended'].includes(statuses[i % statuses.length]!);
  const all = Array.from({ length: 200 }, (_x, i) => i)
    .filter(inPost)
    .map((i) => String(1000 + ((i * 37) % 200)))
    .sort();
  const before = scanned();
  const first = await db
    .collection('officers')
    .where({ status: _.in(['active', 'suspended', 'active']) })
    .orderBy('certNo', 'asc')
    .limit(15)
    .get();
  expect((first.data as Array<{ certNo: string }>).map((o) => o.certNo)).toEqual(all.slice(0, 15));
  expect(scanned() - before).toBe(15);
  const next = await db
    .collection('officers')
    .where({ status: _.in(['active', 'suspended']), certNo: _.gt(all[14]) })
    .orderBy('certNo', 'asc')
    .limit(15)
    .get();
  expect((next.data as Array<{ certNo: string }>).map((o) => o.certNo)).toEqual(all.slice(15, 30));
});
