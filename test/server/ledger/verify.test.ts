/**
 * ledger.verify end to end on the seeded demo data (REC-11, REC-16): it passes, then names the entity after
 * its document is edited directly through the SDK, names the entry after an entry is edited, and a consistent
 * rewrite of the whole chain passes the plain walk but fails against the anchors the auditor kept.
 */
import { entryHashInput, LEDGER_GENESIS_HASH, type LedgerEntry } from '../../../core/ledger/entry';
import { ledgerId } from '../../../server/ledger/commit';
import type { Database } from '../../../server/platform/cloudbase';
import { hashText } from '../../../server/platform/crypto';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, docOf, startWithSdk, type Json } from './helpers';

let emu: TestEmulator;
let db: Database;
let staff: ReturnType<typeof caller>;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
  staff = caller(emu, 'staff');
});
afterAll(() => emu.stop());

const AUDITOR = 'demo-auditor';

async function restore(collection: string, original: Record<string, unknown>) {
  const { _id, ...rest } = original;
  await db.collection(collection).doc(String(_id)).set(rest);
}

async function allEntries(): Promise<LedgerEntry[]> {
  const _ = db.command;
  const out: LedgerEntry[] = [];
  for (;;) {
    const res = await db
      .collection('sys_ledger')
      .where({ seq: _.gt(out.length) })
      .orderBy('seq', 'asc')
      .limit(1000)
      .get();
    out.push(...(res.data as LedgerEntry[]));
    if (res.data.length < 1000) return out;
  }
}

it('passes on the seeded chain and checks every entry and entity', async () => {
  const res = await staff(AUDITOR, 'ledger.verify');
  expect(res.ok).toBe(true);
  expect(res.data.ok).toBe(true);
  expect(res.data.checked).toBeGreaterThan(5);
  expect(res.data.entitiesChecked).toBeGreaterThan(5);
  expect(res.data.firstBroken).toBeUndefined();
});

it('is for auditors only', async () => {
  expect((await staff('demo-officer-1', 'ledger.verify')).error.code).toBe('FORBIDDEN');
});

it('names the entity after its document is edited behind the system’s back', async () => {
  const original = await docOf(db, 'staff_accounts', 'stf_officer_1');
  await db.collection('staff_accounts').doc('stf_officer_1').update({ name: '改名' });
  const res = await staff(AUDITOR, 'ledger.verify');
  expect(res.data.ok).toBe(false);
  expect(res.data.firstBroken).toMatchObject({ entity: 'staff_accounts/stf_officer_1' });
  expect(res.data.firstBroken.reason).toMatch(/直接修改/);
  await restore('staff_accounts', original);
  expect((await staff(AUDITOR, 'ledger.verify')).data.ok).toBe(true);
});

it('names a deleted entity and an entity inserted without the ledger', async () => {
  await db.collection('staff_accounts').add({ _id: 'stf_forged', name: '伪造', _rev: 1 });
  let res = await staff(AUDITOR, 'ledger.verify');
  expect(res.data.firstBroken).toMatchObject({ entity: 'staff_accounts/stf_forged' });
  await db.collection('staff_accounts').doc('stf_forged').remove();

  const original = await docOf(db, 'staff_accounts', 'stf_officer_2');
  await db.collection('staff_accounts').doc('stf_officer_2').remove();
  res = await staff(AUDITOR, 'ledger.verify');
  expect(res.data.firstBroken).toMatchObject({ entity: 'staff_accounts/stf_officer_2' });
  expect(res.data.firstBroken.reason).toMatch(/删除/);
  await restore('staff_accounts', original);
});

it('names the entry after an entry is edited', async () => {
  const original = await docOf(db, 'sys_ledger', ledgerId(3));
  await db.collection('sys_ledger').doc(ledgerId(3)).update({ action: 'something.else' });
  const res = await staff(AUDITOR, 'ledger.verify');
  expect(res.data).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3 } });
  await restore('sys_ledger', original);
  expect((await staff(AUDITOR, 'ledger.verify')).data.ok).toBe(true);
});

it('anchors the head once a day; a consistent rewrite passes the walk but fails against the anchors', async () => {
  // The timer fires the scheduler: anchoring is idempotent per Shanghai day.
  expect((await emu.post('/timer/scheduler', {})).status).toBe(200);
  await emu.post('/timer/scheduler', {});
  const exported = await staff(AUDITOR, 'ledger.anchors.export');
  expect(exported.data).toMatchObject({ format: 'ledger-anchors/v1', algorithm: 'sha256' });
  expect(exported.data.anchors).toHaveLength(1);
  const kept = exported.data.anchors.map(({ date, seq, hash }: Json) => ({ date, seq, hash }));

  const head = await emu.call('public', { action: 'ledger.head', payload: {} });
  expect(head.data.anchored).toEqual({ ...kept[0], alg: 'sha256' });
  expect(head.data.liveSeq).toBe(kept[0].seq);
  expect((await staff(AUDITOR, 'ledger.verify', { anchors: kept })).data).toMatchObject({
    ok: true,
    anchorsChecked: 1,
  });

  // Rewrite entry 1 (another actor) and recompute every hash after it, and the head: all links hold.
  let prevHash = LEDGER_GENESIS_HASH;
  for (const entry of await allEntries()) {
    const rewritten = { ...entry, actor: entry.seq === 1 ? 'system:forger' : entry.actor, prevHash };
    const { _id, hash: _old, ...body } = rewritten as LedgerEntry & { _id: string };
    const hash = hashText(entryHashInput(body));
    await db.collection('sys_ledger').doc(_id).update({ actor: body.actor, prevHash, hash });
    prevHash = hash;
  }
  await db.collection('sys_ledger_head').doc('head').update({ hash: prevHash });

  expect((await staff(AUDITOR, 'ledger.verify')).data.ok).toBe(true);
  const against = await staff(AUDITOR, 'ledger.verify', { anchors: kept });
  expect(against.data).toMatchObject({ ok: false, firstBroken: { seq: kept[0].seq } });
  expect(against.data.firstBroken.reason).toMatch(/锚点/);
});

it('refuses the timer actions to a client call, whatever the event says', async () => {
  const scheduler = caller(emu, 'scheduler');
  expect((await scheduler('demo-admin-1', 'ledger.anchor')).error.code).toBe('FORBIDDEN');
  expect((await scheduler('demo-admin-1', 'outbox.deliver')).error.code).toBe('FORBIDDEN');
  const timerShaped = await emu.call(
    'scheduler',
    { Type: 'Timer', TriggerName: 'everyFiveMinutes' },
    'demo-admin-1',
  );
  expect(timerShaped.ok).toBe(false);
});
