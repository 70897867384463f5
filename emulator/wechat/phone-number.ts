/**
 * 手机号快速验证 `POST /wxa/business/getuserphonenumber` (mini-program token) and its test control
 * `POST /_emulator/phone-codes {phoneNumber, countryCode?, openid?}` → `{code, expiresAt}`.
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/user-info/phone-number/api_getphonenumber.html:
 * "每个code只能使用一次，code的有效期为5min"; an unknown, used or expired code answers 40029 ("invalid code").
 * The optional body `openid` makes WeChat check that the code was issued to that user; a code issued for another
 * openid answers 40029 here too. The page cannot get a real code on the emulator, so tests and demos issue them.
 * The outbox keeps no phone number: the code and the numbers are masked in what is recorded (redactPhoneCall).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { HttpError } from '../http';
import { clockNow } from '../clock';
import { nonEmptyString, ok, wxError, type Endpoint } from './api';
import type { WechatState } from './state';

export const PHONE_CODE_TTL_MS = 5 * 60_000;
const INVALID_CODE = () => wxError(40029, 'invalid code');

export const getUserPhoneNumber: Endpoint = {
  token: 'mp',
  faultKey: 'getuserphonenumber',
  handle({ body, now, state }) {
    if (!nonEmptyString(body.code)) return INVALID_CODE();
    // Own keys only: a code such as `__proto__` must not find the prototype.
    const issued = Object.hasOwn(state.data.phoneCodes, body.code)
      ? state.data.phoneCodes[body.code]
      : undefined;
    if (!issued || issued.expiresAt <= now) return INVALID_CODE();
    if (body.openid !== undefined && issued.openid !== undefined && body.openid !== issued.openid) {
      return INVALID_CODE();
    }
    // Single use: a second exchange of the same code fails whatever its outcome was.
    delete state.data.phoneCodes[body.code];
    state.save();
    const { purePhoneNumber, countryCode } = issued;
    return ok({
      phone_info: {
        phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`,
        purePhoneNumber,
        countryCode,
        watermark: { appid: process.env.MINIPROGRAM_APPID ?? '', timestamp: Math.floor(now / 1000) },
      },
    });
  },
  redact: {
    body: (body) => ('code' in body ? { ...body, code: '***' } : body),
    answer: (answer) => {
      const info = answer.phone_info as Record<string, unknown> | undefined;
      if (!info) return answer;
      return {
        ...answer,
        phone_info: {
          ...info,
          phoneNumber: masked(info.phoneNumber),
          purePhoneNumber: masked(info.purePhoneNumber),
        },
      };
    },
  },
};

/** Every character hidden: the outbox must carry no personal data, not even part of a number. */
function masked(value: unknown): string {
  return typeof value === 'string' ? '*'.repeat(value.length) : '';
}

export function registerPhoneCodeControl(ctx: EmulatorContext, state: WechatState): void {
  ctx.router.add('POST', /^\/_emulator\/phone-codes$/, async ({ json, send }) => {
    const spec = await json<{ phoneNumber?: unknown; countryCode?: unknown; openid?: unknown }>();
    const countryCode = spec.countryCode ?? '86';
    if (typeof spec.phoneNumber !== 'string' || !/^\d{5,15}$/.test(spec.phoneNumber)) {
      throw new HttpError(400, 'INVALID_INPUT', 'phoneNumber 须为不带区号的 5 到 15 位数字');
    }
    if (typeof countryCode !== 'string' || !/^\d{1,4}$/.test(countryCode)) {
      throw new HttpError(400, 'INVALID_INPUT', 'countryCode 须为 1 到 4 位数字，默认 86');
    }
    if (spec.openid !== undefined && !nonEmptyString(spec.openid)) {
      throw new HttpError(400, 'INVALID_INPUT', 'openid 须为非空字符串，或不传');
    }
    const now = clockNow().getTime();
    // Forget expired codes, so the state file does not keep numbers longer than the codes live.
    for (const [code, issued] of Object.entries(state.data.phoneCodes)) {
      if (issued.expiresAt <= now) delete state.data.phoneCodes[code];
    }
    const code = randomBytes(32).toString('hex');
    const expiresAt = now + PHONE_CODE_TTL_MS;
    state.data.phoneCodes[code] = {
      purePhoneNumber: spec.phoneNumber,
      countryCode,
      expiresAt,
      ...(spec.openid !== undefined ? { openid: spec.openid as string } : {}),
    };
    state.save();
    send(200, { code, expiresAt: new Date(expiresAt).toISOString() });
  });
}
