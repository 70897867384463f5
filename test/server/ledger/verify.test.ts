/**
 * ledger.verify end to end on the seeded demo data (REC-11, REC-16): it passes after the sequencer ran, resumes
 * across calls, and names each kind of tampering — a record edited, inserted or deleted behind the system's back,
 * a record last changed before the latest anchor and then edited, the newest sequenced event of a record deleted,
 * a consistent rewrite of a sequenced stretch (against the auditor's anchor, and by the MAC), and an unsequenced
 * event deleted with its record rewound, where the change had written an outbox row.
 */
import type { Database } from '../../../server/platform/cloudbase';
import { hashText } from '../../../server/platform/crypto';
import { batchHashInput, eventHashInput, type Batch, type RecordEvent } from '../../../core/ledger/event';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, docOf, startWithSdk, verifyAllVia, type Json } from './helpers';

let emu: TestEmulator;
let db: Database;
let staff: ReturnType<typeof caller>;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
  staff = caller(emu, 'staff');
});
afterAll(() => emu.stop());

const AUDITOR = 'demo-auditor';

async function put(collection: string, doc: Json) {
  const { _id, ...rest } = doc;
  await db.collection(collection).doc(String(_id)).set(rest);
}

const refs = (breaks: Array<{ ref: string }>) => breaks.map((b) => b.ref);

it('passes on the seeded trail, in one call or in many small ones', async () => {
  const whole = await verifyAllVia(emu);
  expect(whole).toMatchObject({ ok: true, breaks: [] });
  const chunked = await verifyAllVia(emu, undefined, 1);
  expect(chunked.ok).toBe(true);
  expect(chunked.calls).toBeGreaterThan(5);
  const once = await staff(AUDITOR, 'ledger.verify');
  expect(once.data.checked.records).toBeGreaterThan(20);
  expect(once.data.checked.events).toBeGreaterThan(20);
});

it('is for auditors only, and refuses a forged cursor', async () => {
  expect((await staff('demo-officer-1', 'ledger.verify')).error.code).toBe('FORBIDDEN');
  const bad = await staff(AUDITOR, 'ledger.verify', { cursor: 'bm90LWEtY3Vyc29y' });
  expect(bad).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.cursor': expect.any(String) } },
  });
});

it('names a record edited, inserted or deleted behind the system’s back', async () => {
  const original = await docOf(db, 'staff_accounts', 'stf_officer_1');
  await db.collection('staff_accounts').doc('stf_officer_1').update({ name: '改名' });
  await db.collection('staff_accounts').add({ _id: 'stf_forged', name: '伪造', _rev: 1 });
  const deleted = await docOf(db, 'staff_accounts', 'stf_officer_2');
  await db.collection('staff_accounts').doc('stf_officer_2').remove();
  const res = await verifyAllVia(emu);
  expect(res.breaks).toEqual(
    expect.arrayContaining([
      { ref: 'staff_accounts/stf_officer_1', reason: expect.stringMatching(/直接修改/) },
      { ref: 'staff_accounts/stf_forged', reason: expect.stringMatching(/没有任何事件/) },
      { ref: 'staff_accounts/stf_officer_2', reason: expect.stringMatching(/删除/) },
    ]),
  );
  await put('staff_accounts', original);
  await put('staff_accounts', deleted);
  await db.collection('staff_accounts').doc('stf_forged').remove();
  expect((await verifyAllVia(emu)).ok).toBe(true);
});

it('names a record last changed before the latest anchor and then edited, also when checking from the anchor', async () => {
  await emu.post('/timer/scheduler', {}); // the daily anchor
  const exported = await staff(AUDITOR, 'ledger.anchors.export');
  const kept = exported.data.anchors.at(-1);
  expect(kept.chains.records.no).toBeGreaterThan(0);
  const original = await docOf(db, 'org_units', 'unit_commission');
  await db.collection('org_units').doc('unit_commission').update({ name: '改名的委员会' });
  const res = await verifyAllVia(emu, { chains: kept.chains });
  expect(refs(res.breaks)).toContain('org_units/unit_commission');
  await put('org_units', original);
});

it('names the newest sequenced event of a record deleted', async () => {
  const account = await docOf(db, 'staff_accounts', 'stf_custodian');
  const event = await docOf(db, 'sys_events', account._chain.event);
  await db.collection('sys_events').doc(event._id).remove();
  const res = await verifyAllVia(emu);
  expect(res.breaks).toEqual(
    expect.arrayContaining([{ ref: event._id, reason: expect.stringMatching(/已不存在/) }]),
  );
  expect(refs(res.breaks)).toContain('staff_accounts/stf_custodian');
  await put('sys_events', event);
  expect((await verifyAllVia(emu)).ok).toBe(true);
});

it('catches a consistent rewrite of a sequenced stretch by the MAC, and against the auditor’s anchor', async () => {
  await emu.post('/timer/scheduler', {});
  const kept = (await staff(AUDITOR, 'ledger.anchors.export')).data.anchors.at(-1);
  // A forger with database access rewrites one record's first event and re-hashes every batch after it.
  const account = await docOf(db, 'staff_accounts', 'stf_publisher');
  const firstId = `staff_accounts/stf_publisher/1`;
  const first = (await docOf(db, 'sys_events', firstId)) as RecordEvent;
  const forged = { ...first, actor: 'system:forger' };
  forged.hash = hashText(eventHashInput(forged));
  await put('sys_events', forged);
  let prev: string | null = null;
  const batches = ((
    await db.collection('sys_batches').where({ chain: 'records' }).orderBy('no', 'asc').limit(1000).get()
  ).data ?? []) as Batch[];
  for (const b of batches) {
    const events = b.events.map((e) => (e.id === firstId ? { id: e.id, hash: forged.hash } : e));
    const rewritten: Batch = { ...b, events, prevHash: prev ?? b.prevHash };
    rewritten.hash = hashText(batchHashInput(rewritten));
    await put('sys_batches', rewritten);
    prev = rewritten.hash;
  }
  await db.collection('sys_chain_heads').doc('records').update({ hash: prev });
  const plain = await verifyAllVia(emu);
  expect(plain.breaks.some((b) => /校验码/.test(b.reason))).toBe(true);
  const against = await verifyAllVia(emu, { chains: kept.chains });
  expect(against.breaks.some((b) => /外部锚点/.test(b.reason))).toBe(true);
  expect(account).toBeTruthy();
});

it('names an unsequenced event deleted with its record rewound, through the outbox row the change wrote', async () => {
  // A complaint accepted: the citizen's notice is an outbox row written with the change.
  const citizen = caller(emu, 'citizen');
  const submitted = await citizen('o-verify-1', 'complaint.submit', {
    kind: 'complaint',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '北山大道 1 号' },
    description: '游泳池水浑浊有异味，没有消毒记录。',
    contact: { anonymous: false, name: '张三丰', phone: '13987654321' },
  });
  expect(submitted.ok).toBe(true);
  await emu.post('/timer/scheduler', {});
  const complaint = (
    (await db.collection('complaints').where({ trackingNo: submitted.data.trackingNo }).get()).data as Json[]
  )[0];
  const before = await docOf(db, 'complaints', complaint._id);
  expect((await staff('demo-unit-head', 'complaint.accept', { id: complaint._id })).ok).toBe(true);
  const after = await docOf(db, 'complaints', complaint._id);
  const rows = (
    (await db.collection('sys_outbox').where({ status: 'pending' }).limit(100).get()).data as Json[]
  ).filter((r) => r.eventId === after._chain.event);
  expect(rows.length).toBeGreaterThan(0);
  // The forger removes the unsequenced event and puts the record back as it was: its own chain is consistent.
  await db.collection('sys_events').doc(after._chain.event).remove();
  await put('complaints', before);
  const res = await verifyAllVia(emu);
  expect(res.breaks).toEqual(
    expect.arrayContaining([{ ref: `outbox/${rows[0]._id}`, reason: expect.stringMatching(/事件已不存在/) }]),
  );
});
