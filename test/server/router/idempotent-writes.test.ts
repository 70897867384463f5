/**
 * Idempotent writes through the real `staff` function (runner → router → feature → ledger): a write retried with
 * the same requestId creates one record and one event on its chain and answers the same; the same requestId with
 * another payload is CONFLICT; another caller's identical requestId is its own request.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_UNITS } from '../../../emulator/seed/org';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
});
afterAll(() => emu.stop());

const staff = (openid: string, action: string, payload: unknown, requestId: string) =>
  emu.call('staff', { action, payload, requestId }, openid);
/** The events on a record's own chain (one per revision it went through). */
const eventsOf = async (entity: string): Promise<number> => {
  const db = (await import('../../../server/platform/cloudbase')).database();
  return ((await db.collection('sys_events').where({ entity }).limit(100).get()).data ?? []).length;
};
const unitsNamed = async (name: string) =>
  (await staff('demo-admin-1', 'org.units', {}, randomUUID())).data.items.filter(
    (u: { name: string }) => u.name === name,
  );

it('org.createUnit retried with the same requestId creates one unit and one event on its chain', async () => {
  const requestId = randomUUID();
  const payload = { name: '幂等测试单位', kind: 'commission' };
  const first = await staff('demo-admin-1', 'org.createUnit', payload, requestId);
  expect(first).toMatchObject({ ok: true, data: { name: '幂等测试单位' } });
  const entity = `org_units/${first.data.id}`;
  expect(await eventsOf(entity)).toBe(1);

  const again = await Promise.all(
    [1, 2, 3].map(() => staff('demo-admin-1', 'org.createUnit', payload, requestId)),
  );
  for (const answer of again) expect(answer).toEqual(first);
  expect(await unitsNamed('幂等测试单位')).toHaveLength(1);
  expect(await eventsOf(entity)).toBe(1);
});

it('the same requestId with another payload is CONFLICT and writes nothing', async () => {
  const requestId = randomUUID();
  const made = await staff(
    'demo-admin-1',
    'org.createUnit',
    { name: '冲突测试单位', kind: 'commission' },
    requestId,
  );
  const changed = await staff(
    'demo-admin-1',
    'org.createUnit',
    { name: '另一个单位', kind: 'commission' },
    requestId,
  );
  expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await unitsNamed('另一个单位')).toHaveLength(0);
  expect(await eventsOf(`org_units/${made.data.id}`)).toBe(1);
});

it('officer.add retried answers the stored result instead of "already registered"', async () => {
  const requestId = randomUUID();
  const payload = {
    certNo: '50010120259001',
    name: '测试员',
    unitId: DEMO_UNITS.enforcement,
    validFrom: '2025-01-01',
    validUntil: '2030-12-31',
  };
  const first = await staff('demo-admin-1', 'officer.add', payload, requestId);
  expect(first).toMatchObject({ ok: true, data: { certNo: '50010120259001', status: 'active' } });
  expect(await staff('demo-admin-1', 'officer.add', payload, requestId)).toEqual(first);
  // A new request for the same certificate is a real second attempt, refused on its merits.
  const second = await staff('demo-admin-1', 'officer.add', payload, randomUUID());
  expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

it("another administrator's identical requestId is a request of its own", async () => {
  const requestId = randomUUID();
  const a = await staff('demo-admin-1', 'org.createUnit', { name: '甲单位', kind: 'commission' }, requestId);
  const b = await staff('demo-admin-2', 'org.createUnit', { name: '乙单位', kind: 'commission' }, requestId);
  expect(a).toMatchObject({ ok: true, data: { name: '甲单位' } });
  expect(b).toMatchObject({ ok: true, data: { name: '乙单位' } });
  expect(b.data.id).not.toBe(a.data.id);
});
