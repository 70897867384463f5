/**
 * The fake SMS provider under `/sms` (Tencent Cloud SMS `SendSms`, API 3.0: server/sms/index.ts points
 * `SMS_API_BASE` here). It checks the call as the provider would (action, version, the TC3-HMAC-SHA256
 * signature with the emulator's SMS secret, the SDK app and signature name, a +86 number) and answers in the
 * provider's shape. The signature is recomputed here as the provider does, independently of the server's code. What was sent is kept in memory, oldest first: `GET /_emulator/sms` → `{ items }`;
 * `POST /_emulator/sms-faults {"code": "LimitExceeded.PhoneNumberDailyLimit"}` makes the next send fail with
 * that code, `{"noAnswer": true}` makes it hang up without answering. `POST /_emulator/reset` clears both.
 */
import { createHash, createHmac } from 'node:crypto';
import type { EmulatorContext } from './context';
import { clockNow } from './clock';

export const EMULATOR_SMS = {
  secretId: 'emulator-sms-id',
  secretKey: 'emulator-sms-key',
  sdkAppId: '1400000000',
  signName: '万州区卫生健康委',
} as const;

export interface SentSms {
  at: string;
  phone: string;
  templateId: string;
  params: string[];
  serialNo: string;
}

interface SendSmsBody {
  PhoneNumberSet?: unknown;
  SmsSdkAppId?: unknown;
  SignName?: unknown;
  TemplateId?: unknown;
  TemplateParamSet?: unknown;
}

/** The provider's own check of a TC3-HMAC-SHA256 signature (https://cloud.tencent.com/document/api/382/52072). */
function expectedAuthorization(host: string, payload: string, timestamp: number): string {
  const hex = (data: string) => createHash('sha256').update(data).digest('hex');
  const mac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const request = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:${host}\n\ncontent-type;host\n${hex(payload)}`;
  const scope = `${date}/sms/tc3_request`;
  const key = mac(mac(mac('TC3' + EMULATOR_SMS.secretKey, date), 'sms'), 'tc3_request');
  const signature = createHmac('sha256', key)
    .update(`TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${hex(request)}`)
    .digest('hex');
  return `TC3-HMAC-SHA256 Credential=${EMULATOR_SMS.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

export function registerSms(ctx: EmulatorContext): void {
  const sent: SentSms[] = [];
  let fault: { code?: string; noAnswer?: boolean } | null = null;
  const answerError = (send: (s: number, b: unknown) => void, code: string) =>
    send(200, { Response: { Error: { Code: code, Message: code }, RequestId: 'emulator' } });

  ctx.router.add(
    'POST',
    /^\/sms\/?$/,
    async ({ req, res, body, send, note }) => {
      note.action = 'SendSms';
      const raw = (await body()).toString('utf8');
      if (fault?.noAnswer) {
        fault = null;
        res.destroy();
        return;
      }
      const header = (name: string) => String(req.headers[name] ?? '');
      if (header('x-tc-action') !== 'SendSms' || header('x-tc-version') !== '2021-01-11')
        return answerError(send, 'InvalidAction');
      const expected = expectedAuthorization(header('host'), raw, Number(header('x-tc-timestamp')));
      if (header('authorization') !== expected) return answerError(send, 'AuthFailure.SignatureFailure');
      if (fault?.code) {
        const code = fault.code;
        fault = null;
        return answerError(send, code);
      }
      const msg = JSON.parse(raw) as SendSmsBody;
      const numbers = Array.isArray(msg.PhoneNumberSet) ? msg.PhoneNumberSet.map(String) : [];
      if (msg.SmsSdkAppId !== EMULATOR_SMS.sdkAppId)
        return answerError(send, 'FailedOperation.SmsSdkAppIdVerifyFail');
      if (msg.SignName !== EMULATOR_SMS.signName)
        return answerError(send, 'FailedOperation.SignatureIncorrectOrUnapproved');
      if (numbers.length !== 1 || !/^\+861\d{10}$/.test(numbers[0]!))
        return answerError(send, 'InvalidParameterValue.IncorrectPhoneNumber');
      const serialNo = `emu-${sent.length + 1}`;
      sent.push({
        at: clockNow().toISOString(),
        phone: numbers[0]!.slice(3),
        templateId: String(msg.TemplateId ?? ''),
        params: Array.isArray(msg.TemplateParamSet) ? msg.TemplateParamSet.map(String) : [],
        serialNo,
      });
      send(200, {
        Response: {
          SendStatusSet: [
            { SerialNo: serialNo, PhoneNumber: numbers[0], Fee: 1, Code: 'Ok', Message: 'send success' },
          ],
          RequestId: 'emulator',
        },
      });
    },
    'wechat',
  );
  ctx.router.add('GET', /^\/_emulator\/sms$/, ({ send }) => send(200, { items: sent }));
  ctx.router.add('POST', /^\/_emulator\/sms-faults$/, async ({ json, send }) => {
    fault = await json<{ code?: string; noAnswer?: boolean }>();
    send(200, { fault });
  });
  ctx.onReset.push(() => {
    sent.length = 0;
    fault = null;
  });
}
