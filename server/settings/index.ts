/**
 * Versioned legal settings. A feature making an act takes its values and the `settingsVersion` stamp to store from
 * `settingsForAct` (act.ts), and shows a stored act with `settingsOfAct`.
 */
export { settingsForAct, settingsOfAct, type ActSettings, type SettingsStamp } from './act';
export { currentSettings, publishSettings, settingsVersion, SETTINGS_COLLECTION, versionId } from './store';
export { DEFAULT_SETTINGS } from './defaults';
export {
  settingsValuesSchema,
  SERVICE_DATE_RULES,
  type SettingsValues,
  type SettingsVersion,
} from './schema';
