/**
 * The environment variables the cloud functions read (server/), declared once so each `process.env.NAME` in the
 * server code carries its meaning. Deployed values come from `cloudbaserc.json` (`{{env.NAME}}` placeholders filled
 * from the deploying shell, README "Deployment"); the emulator sets development values (emulator/app.ts).
 * test/typings/function-env.test.ts checks that every name server/ reads is declared here, and that each one a
 * deployment must set is in cloudbaserc.json and the README.
 */
export {};

declare global {
  namespace NodeJS {
    interface ProcessEnv {
      /** Required. The mini-program this deployment serves; calls carrying any other app id are refused. */
      MINIPROGRAM_APPID?: string;
      /** Required. The mini-program's secret, for its access token (wxacode, subscribe messages). */
      WECHAT_MP_SECRET?: string;
      /** Required where official-account calls are made. The commission's official account. */
      WECHAT_OA_APPID?: string;
      /** Required where official-account calls are made. The official account's secret. */
      WECHAT_OA_SECRET?: string;
      /** Required. Random 32+ bytes: salts the references that stand for people in the ledger and in keys. */
      PERSONAL_DATA_SALT?: string;
      /** Required. Random 32+ characters: the key of the ledger's MACs (server/ledger/mac.ts), never in the database. */
      LEDGER_MAC_KEY?: string;
      /** Required where personal data is handled. 32 bytes (hex or base64): wraps the per-record keys. */
      PERSONAL_DATA_MASTER_KEY?: string;
      /** Required where complaint notices are sent. Subscribe-message template id of the complaint status notice. */
      COMPLAINT_STATUS_TEMPLATE_ID?: string;
      /** Optional: long-term subscribe-message template of staff reminders (where the account's category allows one). */
      STAFF_REMINDER_TEMPLATE_ID?: string;
      /** Optional: one-time subscribe-message template of staff reminders (a grant carries one message). */
      STAFF_REMINDER_ONE_TIME_TEMPLATE_ID?: string;
      /** Optional: SMS template of staff reminders (one parameter: the count line). */
      STAFF_REMINDER_SMS_TEMPLATE_ID?: string;
      /** Optional: long-term subscribe-message template telling a party a document was served (else the one-time one). */
      SERVICE_NOTICE_TEMPLATE_ID?: string;
      /** Optional: one-time subscribe-message template telling a party a document was served (accepted at enrolment). */
      SERVICE_NOTICE_ONE_TIME_TEMPLATE_ID?: string;
      /** Optional: SMS template telling a party a document was served (the second channel). */
      SERVICE_SMS_TEMPLATE_ID?: string;
      /** Optional: the link to the mini-program in that SMS (a URL Link or short link made in the console). */
      SERVICE_SMS_LINK?: string;
      /** Optional, development only: base URL of the SMS API (the emulator's fake one); default the Tencent Cloud SMS endpoint. */
      SMS_API_BASE?: string;
      /** Optional: the Tencent Cloud SMS region; default ap-guangzhou. */
      SMS_REGION?: string;
      /** Optional, development only: base URL of the WeChat API (the emulator's fake one); default api.weixin.qq.com. */
      WECHAT_API_BASE?: string;
      /** Optional: timeout of one WeChat API call in milliseconds (server/wechat/http.ts has the default). */
      WECHAT_TIMEOUT_MS?: string;
      /** Optional: milliseconds one case.import call spends applying batches before it answers (default 10000). */
      CASE_IMPORT_BUDGET_MS?: string;
    }
  }
}
