/**
 * The SMS port (REC-7: the second channel telling a party a document was served; docs/service.md): one call, the shape
 * of Tencent Cloud SMS `SendSms` (API 3.0, version 2021-01-11; https://cloud.tencent.com/document/api/382/55981),
 * signed with TC3-HMAC-SHA256 (https://cloud.tencent.com/document/api/382/52072). The endpoint is
 * `SMS_API_BASE` (the emulator's fake under `/sms`, which records what was sent); the credentials, the SDK app,
 * the signature name are deployment secrets and settings (docs/deploy-checklist.md). Messages use an approved
 * template and carry no personal data beyond the number they go to; nothing here logs the number or the text.
 */
import { createHash, createHmac } from 'node:crypto';

export interface SmsMessage {
  /** Mainland mobile number, 11 digits (sent as +86…). */
  phone: string;
  templateId: string;
  params: string[];
}

/** The provider answered: the request failed for a reason it names (`code`: its error code). */
export class SmsRejectedError extends Error {
  constructor(readonly code: string) {
    super(`短信服务拒绝了发送请求（${code}）`);
    this.name = 'SmsRejectedError';
  }
}

/** No usable answer: the message may or may not have gone out (never resent: at most once). */
export class SmsNoAnswerError extends Error {
  constructor(readonly code: string) {
    super(`短信服务没有可用的应答（${code}）`);
    this.name = 'SmsNoAnswerError';
  }
}

const SERVICE = 'sms';
const VERSION = '2021-01-11';
const TIMEOUT_MS = 8_000;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** The TC3-HMAC-SHA256 `Authorization` header for a JSON POST to `host` at `timestamp` (seconds). */
export function tc3Authorization(input: {
  secretId: string;
  secretKey: string;
  host: string;
  payload: string;
  timestamp: number;
}): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${input.host}\n`,
    'content-type;host',
    sha256Hex(input.payload),
  ].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256Hex(canonical)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${input.secretKey}`, date), SERVICE), 'tc3_request');
  const signature = createHmac('sha256', signing).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new SmsRejectedError(`config:${name}`);
  return value;
}

interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: string };
    SendStatusSet?: Array<{ Code?: string; SerialNo?: string }>;
  };
}

/** Sends one message; answers the provider's serial number. */
export async function sendSms(message: SmsMessage): Promise<{ serialNo: string }> {
  const base = process.env.SMS_API_BASE || 'https://sms.tencentcloudapi.com';
  const host = new URL(base).host;
  const payload = JSON.stringify({
    PhoneNumberSet: [`+86${message.phone}`],
    SmsSdkAppId: setting('SMS_SDK_APP_ID'),
    SignName: setting('SMS_SIGN_NAME'),
    TemplateId: message.templateId,
    TemplateParamSet: message.params,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let answer: SendSmsAnswer;
  try {
    const res = await fetch(base, {
      method: 'POST',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        Authorization: tc3Authorization({
          secretId: setting('SMS_SECRET_ID'),
          secretKey: setting('SMS_SECRET_KEY'),
          host,
          payload,
          timestamp,
        }),
        'Content-Type': 'application/json; charset=utf-8',
        Host: host,
        'X-TC-Action': 'SendSms',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Version': VERSION,
        'X-TC-Region': process.env.SMS_REGION || 'ap-guangzhou',
      },
      body: payload,
    });
    answer = (await res.json()) as SendSmsAnswer;
  } catch (err) {
    if (err instanceof SmsRejectedError) throw err;
    throw new SmsNoAnswerError((err as Error)?.name === 'TimeoutError' ? 'timeout' : 'network');
  }
  const error = answer.Response?.Error?.Code;
  if (error) throw new SmsRejectedError(error);
  const status = answer.Response?.SendStatusSet?.[0];
  if (!status) throw new SmsNoAnswerError('malformed');
  if (status.Code !== 'Ok') throw new SmsRejectedError(status.Code ?? 'unknown');
  return { serialNo: status.SerialNo ?? '' };
}
