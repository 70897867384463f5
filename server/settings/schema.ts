/** The legal settings' shape is defined once in core/ (the contract declares settings.publish with it). */
export {
  SERVICE_DATE_RULES,
  settingsValuesSchema,
  type SettingsValues,
  type SettingsVersion,
} from '../../core/settings/schema';
