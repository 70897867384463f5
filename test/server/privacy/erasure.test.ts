/**
 * Per-record keys: sealed personal data opens with the record's key; erasing the key makes it unreadable for
 * good, and the ledger still verifies (the record and its hashes are untouched).
 */
import { createEntity } from '../../../server/ledger/entities';
import type { Database } from '../../../server/platform/cloudbase';
import { erasePersonalData, openPersonalData, sealPersonalData } from '../../../server/privacy';
import { recordKeyId } from '../../../server/privacy/keys';
import type { TestEmulator } from '../../helpers/emulator';
import { docOf, startWithSdk, verifyAll } from '../ledger/helpers';

let emu: TestEmulator;
let db: Database;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());

const meta = { actor: 'system:test', action: 'complaint.submit', at: new Date() };
const person = { name: '赵六', phone: '13800000000' };

it('seals with a per-record key that is itself encrypted, and opens again', async () => {
  const sealed = await sealPersonalData(db, 'complaints/c1', person);
  expect(JSON.stringify(sealed)).not.toContain('赵六');
  expect(await openPersonalData(db, 'complaints/c1', sealed)).toEqual(person);
  const key = await docOf(db, 'sys_record_keys', recordKeyId('complaints/c1'));
  expect(Object.keys(key.wrapped).sort()).toEqual(['ct', 'iv', 'tag']);
  // Another record's key cannot open it: the ciphertext is bound to its record.
  await sealPersonalData(db, 'complaints/c2', { x: 1 });
  await expect(openPersonalData(db, 'complaints/c2', sealed)).rejects.toThrow();
});

it('erases by deleting the key; the ledger still verifies', async () => {
  const sealed = await sealPersonalData(db, 'complaints/c3', person);
  await createEntity(db, meta, {
    collection: 'complaints',
    id: 'c3',
    state: { status: 'closed', complainant: sealed },
  });
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });

  await erasePersonalData(db, 'complaints/c3', {
    actor: 'system:retention',
    at: new Date(),
    ground: 'pipl-47',
  });
  expect(await docOf(db, 'sys_record_keys', recordKeyId('complaints/c3'))).toBeNull();
  const stored = await docOf(db, 'complaints', 'c3');
  expect(await openPersonalData(db, 'complaints/c3', stored.complainant)).toBeNull();
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });
  // Erasing again is harmless.
  await erasePersonalData(db, 'complaints/c3', {
    actor: 'system:retention',
    at: new Date(),
    ground: 'pipl-47',
  });
});
