/**
 * The sequencer and the move from the legacy ledger (REC-11, REC-16): two sequencers racing, and one that died
 * between committing a batch and marking its events, leave every event in exactly one batch; a record last
 * changed on the legacy ledger links its first event there, and both stay verifiable.
 */
import { entityStateForHash, entryHashInput, LEDGER_GENESIS_HASH } from '../../../core/ledger/entry';
import type { Batch, RecordEvent } from '../../../core/ledger/event';
import { createEntity, updateEntity } from '../../../server/ledger/entities';
import { sequenceOnce } from '../../../server/ledger/sequencer';
import type { Database } from '../../../server/platform/cloudbase';
import { hashText, hashValue } from '../../../server/platform/crypto';
import type { TestEmulator } from '../../helpers/emulator';
import { startWithSdk, verifyAll } from './helpers';

let emu: TestEmulator;
let db: Database;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

const meta = (action: string) => ({ actor: 'system:test', action, at: new Date() });

async function makeUnits(n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await createEntity(db, meta('test.create'), {
      collection: 'org_units',
      id: `${prefix}_${i}`,
      state: { name: `单位${i}`, kind: 'commission', parentUnitId: null, headStaffId: null },
    });
  }
}

async function all<T>(collection: string): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = ((await db.collection(collection).skip(skip).limit(1000).get()).data ?? []) as T[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Every event listed in exactly one batch, and marked with that batch. */
async function expectSequencedOnce(): Promise<number> {
  const events = await all<RecordEvent>('sys_events');
  const batches = await all<Batch>('sys_batches');
  const listed = new Map<string, number[]>();
  for (const b of batches.filter((x) => x.chain === 'records')) {
    for (const e of b.events) listed.set(e.id, [...(listed.get(e.id) ?? []), b.no]);
  }
  for (const e of events) {
    expect({ id: e._id, batches: listed.get(e._id) }).toEqual({ id: e._id, batches: [e.batch] });
  }
  return events.length;
}

it('two sequencers racing sequence every event exactly once', async () => {
  await makeUnits(40, 'race');
  for (let round = 0; round < 10; round++) {
    const [a, b] = await Promise.all([
      sequenceOnce(db, 'records', new Date()),
      sequenceOnce(db, 'records', new Date()),
    ]);
    if (a.events === 0 && b.events === 0) break;
  }
  expect(await expectSequencedOnce()).toBe(40);
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });
});

it('a sequencer killed between committing a batch and marking it loses nothing and lists nothing twice', async () => {
  await makeUnits(5, 'kill');
  const first = await sequenceOnce(db, 'records', new Date());
  expect(first.events).toBe(5);
  // As if the run died right after its transaction: the batch and head stand, the events are unmarked.
  await db.collection('sys_events').where({ batch: first.head }).update({ batch: null });
  expect(await verifyAll(db)).toMatchObject({ ok: true }); // the head batch may be unmarked for a moment
  await makeUnits(3, 'after');
  const next = await sequenceOnce(db, 'records', new Date());
  expect(next.events).toBe(3);
  expect(await expectSequencedOnce()).toBe(8);
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });
});

it('links a record last changed on the legacy ledger to its legacy entry, and keeps both verifiable', async () => {
  // A record as the legacy ledger left it: one entry, the head, no chain head on the record.
  const doc = {
    _id: 'unit_legacy',
    _rev: 1,
    name: '旧单位',
    kind: 'commission',
    parentUnitId: null,
    headStaffId: null,
  };
  const body = {
    seq: 1,
    at: new Date().toISOString(),
    actor: 'system:seed',
    action: 'org.createUnit',
    entity: 'org_units/unit_legacy',
    rev: 1,
    stateHash: hashValue(entityStateForHash('org_units', doc)),
    prevHash: LEDGER_GENESIS_HASH,
    alg: 'sha256',
  };
  const hash = hashText(entryHashInput(body));
  await db.collection('sys_ledger').add({ _id: '000000000001', ...body, hash });
  await db.collection('sys_ledger_head').add({ _id: 'head', seq: 1, hash, at: new Date() });
  const { _id, ...stored } = doc;
  await db.collection('org_units').add({ _id, ...stored });
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });

  await updateEntity(db, meta('org.rename'), { collection: 'org_units', id: 'unit_legacy' }, (cur) => ({
    ...cur,
    name: '改名后的单位',
  }));
  const event = (
    (await db.collection('sys_events').doc('org_units/unit_legacy/2').get()).data as RecordEvent[]
  )[0]!;
  expect(event).toMatchObject({ rev: 2, legacySeq: 1, prevHash: hash });
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });

  await db.collection('sys_ledger').doc('000000000001').update({ actor: 'system:forger' });
  const res = await verifyAll(db);
  expect(res.breaks.map((b) => b.ref)).toContain('legacy/1');
});
