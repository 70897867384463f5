/** Versioned legal settings: `currentSettings(db, at).version` is what an act stores as `settingsVersion`. */
export { currentSettings, publishSettings, settingsVersion, SETTINGS_COLLECTION, versionId } from './store';
export { DEFAULT_SETTINGS } from './defaults';
export {
  settingsValuesSchema,
  SERVICE_DATE_RULES,
  type SettingsValues,
  type SettingsVersion,
} from './schema';
