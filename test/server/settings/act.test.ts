/**
 * The helper features use to record the settings version on an act: the values computed with and the stamp
 * stored come from the same version, a version published for later does not change acts made before it takes
 * effect, and a stored act is shown under the version it records.
 */
import { DEFAULT_SETTINGS, settingsForAct, settingsOfAct } from '../../../server/settings';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, startWithSdk } from '../ledger/helpers';

let emu: TestEmulator;
let db: Database;
beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
});
afterAll(() => emu.stop());

const DAY = 24 * 3600_000;

it('stamps an act with the version whose values it was computed with', async () => {
  const now = new Date();
  const before = await settingsForAct(db, now);
  expect(before).toEqual({ values: DEFAULT_SETTINGS, stamp: { settingsVersion: 1 } });

  const effectiveFrom = new Date(now.getTime() + 10 * DAY);
  const published = await caller(emu, 'staff')('demo-admin-1', 'settings.publish', {
    effectiveFrom: effectiveFrom.toISOString(),
    values: { statementPeriodDays: DEFAULT_SETTINGS.statementPeriodDays + 2 },
  });
  expect(published).toMatchObject({ ok: true, data: { version: 2 } });

  // Still version 1 until it takes effect; version 2 from then on.
  expect((await settingsForAct(db, now)).stamp).toEqual({ settingsVersion: 1 });
  const later = await settingsForAct(db, new Date(effectiveFrom.getTime() + 1000));
  expect(later.stamp).toEqual({ settingsVersion: 2 });
  expect(later.values.statementPeriodDays).toBe(DEFAULT_SETTINGS.statementPeriodDays + 2);
});

it('shows a stored act under the version it records, not the one in force', async () => {
  const act = { kind: 'notice', ...(await settingsForAct(db, new Date())).stamp };
  const shown = await settingsOfAct(db, act);
  expect(shown.version).toBe(act.settingsVersion);
  expect(shown.values.statementPeriodDays).toBe(DEFAULT_SETTINGS.statementPeriodDays);
  await expect(settingsOfAct(db, { settingsVersion: 999 })).rejects.toThrow(/999/);
});
