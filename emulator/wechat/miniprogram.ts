/**
 * Mini-program endpoints: `wxa/getwxacodeunlimit` and `cgi-bin/message/subscribe/send` (and
 * `wxa/business/getuserphonenumber`, in phone-number.ts).
 * Scene rule (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html):
 * "最大32个可见字符，只支持数字，大小写英文以及部分特殊字符：!#$&'()*+,/:;=?@-._~"; a bad scene answers 40169.
 * Subscribe sends are unlimited by default; a test limits them with POST /_emulator/subscribe-grants and a send
 * without a grant left answers 43101 ("user refuse to accept the msg").
 */
import { invalidArgs, nonEmptyString, ok, wxError, type Endpoint } from './api';
import { getUserPhoneNumber } from './phone-number';
import { codePng } from './png';

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);

const getUnlimited: Endpoint = {
  token: 'mp',
  handle({ body }) {
    const scene = body.scene;
    if (typeof scene !== 'string' || !SCENE.test(scene)) {
      return wxError(40169, 'invalid length for scene, or the data is not json string');
    }
    const page = body.page ?? '';
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
      return wxError(41030, 'invalid page rid: page 不能以 / 开头或携带参数');
    }
    const envVersion = body.env_version ?? 'release';
    if (typeof envVersion !== 'string' || !ENV_VERSIONS.has(envVersion)) return invalidArgs('env_version');
    const width = body.width ?? 430;
    if (typeof width !== 'number' || width < 280 || width > 1280)
      return invalidArgs('width 须在 280 到 1280 之间');
    return { png: codePng({ scene, page, env_version: envVersion }) };
  },
};

export function grantKey(openid: string, templateId: string): string {
  return `${openid} ${templateId}`;
}

const subscribeSend: Endpoint = {
  token: 'mp',
  handle({ body, state }) {
    if (!nonEmptyString(body.touser)) return wxError(40003, 'invalid openid');
    if (!nonEmptyString(body.template_id)) return wxError(40037, 'invalid template_id');
    const data = body.data;
    if (!data || typeof data !== 'object' || Array.isArray(data))
      return wxError(47003, 'argument invalid! data');
    for (const [key, entry] of Object.entries(data)) {
      if (!entry || typeof (entry as { value?: unknown }).value !== 'string') {
        return wxError(47003, `argument invalid! data.${key}.value`);
      }
    }
    if (body.page !== undefined && typeof body.page !== 'string') return invalidArgs('page');
    if (body.miniprogram_state !== undefined && !MINIPROGRAM_STATES.has(String(body.miniprogram_state))) {
      return invalidArgs('miniprogram_state 须为 developer、trial 或 formal');
    }
    const key = grantKey(body.touser, body.template_id);
    const left = state.data.grants[key];
    if (left !== undefined) {
      if (left <= 0) return wxError(43101, 'user refuse to accept the msg');
      state.data.grants[key] = left - 1;
    }
    const msgid = state.data.seq + 1;
    state.nextId('');
    state.save();
    return ok({ msgid });
  },
};

/**
 * Keyed by the path after /wxa/ or /cgi-bin/, as the faults are (`getwxacodeunlimit`, `message/subscribe/send`),
 * except where an endpoint names its own `faultKey` (`getuserphonenumber`).
 */
export const wxaEndpoints: Record<string, Endpoint> = {
  getwxacodeunlimit: getUnlimited,
  'business/getuserphonenumber': getUserPhoneNumber,
};
export const miniProgramCgiEndpoints: Record<string, Endpoint> = { 'message/subscribe/send': subscribeSend };
