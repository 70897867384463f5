/**
 * Versioned legal settings through the `staff` function: version 1 from the documented defaults, an
 * administrator publishes a new version (never editing an old one, on the ledger), a future version is in force
 * only from its date, and nobody else may publish.
 */
import { DEFAULT_SETTINGS } from '../../../server/settings/defaults';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, startWithSdk, verifyAllVia } from '../ledger/helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof caller>;

beforeAll(async () => {
  ({ emu } = await startWithSdk(true));
  staff = caller(emu, 'staff');
});
afterAll(() => emu.stop());

it('answers version 1 from the documented defaults', async () => {
  const res = await staff('demo-officer-1', 'settings.get');
  expect(res.data).toMatchObject({
    version: 1,
    values: DEFAULT_SETTINGS,
    createdBy: 'system:settings-defaults',
  });
  expect(res.data.values.reviewBody.name).toBe('重庆市万州区人民政府');
});

it('publishes new versions without touching old ones; a future version is in force from its date', async () => {
  const now = await staff('demo-admin-1', 'settings.publish', { values: { statementPeriodDays: 7 } });
  expect(now.data).toMatchObject({ version: 2, values: { statementPeriodDays: 7, hearingRequestDays: 5 } });

  const from = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  const future = await staff('demo-admin-1', 'settings.publish', {
    effectiveFrom: from,
    values: { withdrawalWorkingDays: 2 },
  });
  expect(future.data).toMatchObject({
    version: 3,
    values: { statementPeriodDays: 7, withdrawalWorkingDays: 2 },
  });

  expect((await staff('demo-officer-1', 'settings.get')).data.version).toBe(2);
  const atFuture = await staff('demo-officer-1', 'settings.get', {
    at: new Date(Date.parse(from) + 1000).toISOString(),
  });
  expect(atFuture.data.version).toBe(3);
  expect((await staff('demo-officer-1', 'settings.get', { version: 1 })).data.values).toEqual(
    DEFAULT_SETTINGS,
  );
  expect(await verifyAllVia(emu)).toMatchObject({ ok: true, breaks: [] });
});

it('refuses a retroactive version, invalid values and non-administrators', async () => {
  const past = await staff('demo-admin-1', 'settings.publish', {
    effectiveFrom: '2020-01-01T00:00:00+08:00',
    values: { statementPeriodDays: 3 },
  });
  expect(past.error.code).toBe('PRECONDITION_FAILED');
  const invalid = await staff('demo-admin-1', 'settings.publish', {
    values: { serviceDateRule: 'whenever' },
  });
  expect(invalid.error.code).toBe('INVALID_INPUT');
  expect((await staff('demo-officer-1', 'settings.publish', { values: {} })).error.code).toBe('FORBIDDEN');
});
