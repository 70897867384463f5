/**
 * How a feature records the legal settings an act is made under (each act
 * records the settings version it was made under, so a later change never rewrites what a party was told).
 *
 * An act is anything that tells a party something the settings decide: a deadline computed from a period, a
 * rights notice, the review body and court named, a service date. The feature takes the values it computes with
 * AND the stamp it stores from one `settingsForAct` call, so the stored version is always the one really used:
 *
 *   const { values, stamp } = await settingsForAct(call.db, call.now);
 *   const due = addWorkingDays(calendar, call.now, values.statementPeriodDays);
 *   await commitChange(call.db, { ..., entities: [{ ..., state: { ...notice, dueDate: due, ...stamp } }] });
 *
 * and shows a stored act with `settingsOfAct(db, act)`, never with the settings in force today.
 */
import type { Database } from '../platform/cloudbase';
import type { SettingsValues, SettingsVersion } from './schema';
import { currentSettings, settingsVersion } from './store';

/** The field every act document carries. */
export interface SettingsStamp {
  settingsVersion: number;
}

export interface ActSettings {
  values: SettingsValues;
  stamp: SettingsStamp;
}

/** The settings in force at `at` (the act's time), with the stamp to store on the act. */
export async function settingsForAct(db: Database, at: Date): Promise<ActSettings> {
  const settings = await currentSettings(db, at);
  return { values: settings.values, stamp: { settingsVersion: settings.version } };
}

/** The settings a stored act was made under. Versions are never deleted, so a missing one is a broken record. */
export async function settingsOfAct(db: Database, act: SettingsStamp): Promise<SettingsVersion> {
  const found = await settingsVersion(db, act.settingsVersion);
  if (!found) throw new Error(`settings version ${act.settingsVersion} recorded on an act is missing`);
  return found;
}
