/**
 * `citizen` `contact.phoneNumber {code}`: exchanges the code of the getPhoneNumber button for the caller's own
 * number and answers it to the caller only. Nothing is stored and nothing personal is logged (the router logs
 * the action and the outcome code only); the number reaches the record only if the person then submits the form,
 * where the complaint seals it. Mainland numbers only: the complaint contract accepts mainland mobiles and
 * landlines, so a number with another country code is refused with a request to type one.
 */
import * as decl from '../../../core/contract/contact';
import { AppError } from '../../errors';
import { saltedRef } from '../../platform/crypto';
import { handle } from '../../router/types';
import { consumeRateLimit, type RateLimit } from '../../security/rate-limit';
import { getUserPhoneNumber, INVALID_PHONE_CODE, WechatApiError } from '../../wechat';

/**
 * A person taps the button a few times at most; the limit stops a client from spending the account's quota
 * (free for government accounts, but still counted) or probing the API in a loop.
 */
export const PHONE_NUMBER_LIMIT: RateLimit = {
  scope: 'contact.phoneNumber',
  limit: 10,
  windowMs: 3600_000,
  message: '获取手机号过于频繁，请手动填写，或稍后再试',
};

export const PHONE_CODE_REFUSED = '获取手机号失败，请手动填写';
export const FOREIGN_NUMBER_REFUSED = '暂只支持中国大陆手机号，请手动填写可以联系到您的电话';
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export const contactPhoneNumber = handle(decl.contactPhoneNumber, async (input, call) => {
  const openid = call.caller.openid!;
  await consumeRateLimit(call.db, PHONE_NUMBER_LIMIT, saltedRef('openid', openid), call.now);
  let phone;
  try {
    phone = await getUserPhoneNumber(call.db, input.code, openid);
  } catch (err) {
    // 40029: the code is unknown, used, expired or another user's; the form keeps the typed field.
    if (err instanceof WechatApiError && err.errcode === INVALID_PHONE_CODE) {
      throw new AppError('PRECONDITION_FAILED', PHONE_CODE_REFUSED);
    }
    throw err;
  }
  if (phone.countryCode !== '86' || !MAINLAND_MOBILE.test(phone.purePhoneNumber)) {
    throw new AppError('INVALID_INPUT', FOREIGN_NUMBER_REFUSED);
  }
  return { purePhoneNumber: phone.purePhoneNumber };
});
