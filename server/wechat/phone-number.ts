/**
 * 手机号快速验证: exchanges the one-time code from `<button open-type="getPhoneNumber">` for the user's number,
 * `POST /wxa/business/getuserphonenumber` with the mini-program token
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/user-info/phone-number/api_getphonenumber.html).
 * A code is single-use and lives 5 minutes; an invalid one answers errcode 40029 (WechatApiError). Passing the
 * caller's openid makes WeChat check that the code was issued to that user, so a code cannot be redeemed for
 * someone else. The number is returned to the caller and never logged here.
 */
import type { Database } from '../platform/cloudbase';
import { callJson } from './client';

/** WeChat's errcode for a code that is unknown, already used or expired. */
export const INVALID_PHONE_CODE = 40029;

export interface WechatPhoneNumber {
  /** With the country code for numbers outside the mainland (国外手机号会有区号). */
  phoneNumber: string;
  purePhoneNumber: string;
  /** As a string: the documentation's table says string, its example shows the number 86. */
  countryCode: string;
}

export async function getUserPhoneNumber(
  db: Database,
  code: string,
  openid?: string,
): Promise<WechatPhoneNumber> {
  const json = await callJson(db, 'mp', {
    path: '/wxa/business/getuserphonenumber',
    json: openid ? { code, openid } : { code },
  });
  const info = json.phone_info as Record<string, unknown> | undefined;
  const pure = info?.purePhoneNumber;
  const countryCode = info?.countryCode;
  if (typeof pure !== 'string' || (typeof countryCode !== 'string' && typeof countryCode !== 'number')) {
    throw new Error('getuserphonenumber answer lacks phone_info');
  }
  return {
    phoneNumber: typeof info?.phoneNumber === 'string' ? info.phoneNumber : pure,
    purePhoneNumber: pure,
    countryCode: String(countryCode),
  };
}
