/**
 * Development settings, used ONLY when the mini-program runs as `develop` (WeChat DevTools with domain checks
 * off): talk to the local emulator (`npm start`) as one of the demo identities instead of CloudBase. Trial and
 * release builds ignore all of this (services/api.ts). Override per device with
 * `wx.setStorageSync('dev.emulator', { enabled, baseUrl, openid })` in the DevTools console.
 */
export interface DevEmulatorSettings {
  enabled: boolean;
  baseUrl: string;
  /** Demo identity the emulator sees (X-WX-OPENID); see emulator/seed/org.ts for the demo staff. */
  openid: string;
  /** The emulator's configured app id (emulator/app.ts defaultOptions). */
  appId: string;
}

export const DEV_EMULATOR_DEFAULTS: DevEmulatorSettings = {
  enabled: true,
  baseUrl: 'http://127.0.0.1:3000',
  openid: 'demo-citizen',
  appId: 'wx_emulator_app',
};

export const DEV_STORAGE_KEY = 'dev.emulator';

/** CloudBase environment of trial and release; empty = the default environment of this mini-program. */
export const CLOUD_ENV = '';

/**
 * Subscribe-message template of complaint status changes (受理进度通知). Must be the same id the functions send with
 * (their COMPLAINT_STATUS_TEMPLATE_ID; server/features/complaint/notify.ts) — the id chosen in the mini-program's
 * admin console. An empty string skips asking for the grant.
 */
export const COMPLAINT_SUBSCRIBE_TEMPLATE_ID = 'complaint-status';

/**
 * Subscribe-message template of staff reminders (one-time; the functions' STAFF_REMINDER_ONE_TIME_TEMPLATE_ID,
 * server/features/official-account/reminders.ts). An empty string hides the button.
 */
export const STAFF_REMINDER_TEMPLATE_ID = 'staff-reminder-oneTime';
