/**
 * 使用微信绑定的手机号 (the phone is typed, or filled from WeChat; docs/privacy-guide.md). The button
 * `<t-button open-type="getPhoneNumber">` hands the page a one-time `e.detail.code`
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html); the page only
 * passes it to `citizen` `contact.phoneNumber`, which exchanges it on the server. A refusal or any failure leaves
 * what the person typed untouched and says, gently, that typing the number works just as well.
 */
import { call } from '../../../services/api';
import type { FormErrors, FormState } from '../../../utils/complaint-form';

export interface PhoneHost {
  data: { form: FormState; phoneLoading: boolean };
  update(patch: Partial<FormState>, clear?: Array<keyof FormErrors>): void;
  setData(data: Record<string, unknown>): void;
}

/** What the button's getphonenumber event carries: `code` on success, `errMsg` always. */
export interface PhoneButtonDetail {
  code?: string;
  errMsg?: string;
}

export const PHONE_REFUSED_HINT = '未使用微信手机号，您可以直接填写联系电话';
export const PHONE_FAILED_HINT = '暂时无法获取微信绑定的手机号，请直接填写联系电话';
/** Server refusals whose message already tells the person what to do (server/features/contact). */
const SELF_EXPLAINING = new Set(['PRECONDITION_FAILED', 'INVALID_INPUT', 'RATE_LIMITED']);

export async function fillPhoneFromWechat(host: PhoneHost, detail: PhoneButtonDetail): Promise<void> {
  if (host.data.phoneLoading) return;
  if (!detail.code) {
    // "getPhoneNumber:fail user deny" when the person declines; other fail messages (no quota, old client).
    const refused = /deny|cancel/i.test(detail.errMsg ?? '');
    host.setData({ phoneHint: refused ? PHONE_REFUSED_HINT : PHONE_FAILED_HINT });
    return;
  }
  host.setData({ phoneLoading: true, phoneHint: '' });
  const res = await call('citizen', 'contact.phoneNumber', { code: detail.code });
  host.setData({ phoneLoading: false });
  if (res.ok) {
    host.update({ contactPhone: res.data.purePhoneNumber }, ['contactPhone']);
    return;
  }
  host.setData({ phoneHint: SELF_EXPLAINING.has(res.error.code) ? res.error.message : PHONE_FAILED_HINT });
}
