/**
 * SMS (the second channel of a service notice), AT MOST ONCE like subscribe messages: a lost answer is `unknown`
 * and never resent. A limit the provider reports (LimitExceeded…) is retried; any other refusal is final. The
 * number is needed only to send: once the record is final it is dropped (PIPL Art. 19).
 */
import { sendSms, SmsNoAnswerError, SmsRejectedError, type SmsMessage } from '../../sms';
import type { OutboxHandler } from '../registry';

export type SmsPayload = SmsMessage & Record<string, unknown>;

export const smsHandler: OutboxHandler = {
  kind: 'sms',
  async deliver({ record }) {
    try {
      const { serialNo } = await sendSms(record.payload as SmsPayload);
      return { status: 'sent', result: { serialNo } };
    } catch (err) {
      if (err instanceof SmsNoAnswerError) return { status: 'unknown', code: `noAnswer:${err.code}` };
      if (err instanceof SmsRejectedError)
        return err.code.startsWith('LimitExceeded') || err.code.startsWith('config:')
          ? { status: 'retry', code: err.code }
          : { status: 'failed', code: err.code };
      throw err;
    }
  },
  minimiseWhenDone: (payload) => {
    const { phone: _phone, ...rest } = payload as SmsPayload;
    return { ...rest, phone: null };
  },
};
