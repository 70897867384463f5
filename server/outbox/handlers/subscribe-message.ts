/**
 * Subscribe messages (小程序订阅消息), AT MOST ONCE: WeChat cannot be asked whether a message arrived, so a send
 * whose answer was lost is `unknown` and never resent (a duplicate notice to a party is worse than a trace that
 * says "maybe"). An errcode answer means nothing was sent: retried unless it is final. 43101 (the user has no
 * grant left, 用户拒绝接受消息) is a normal outcome, `skipped`.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
import { sendSubscribeMessage, type SubscribeMessage } from '../../wechat/api';
import { WechatApiError, WechatNoAnswerError } from '../../wechat/errors';
import type { OutboxHandler } from '../registry';

const SEND_PATH = '/cgi-bin/message/subscribe/send';
const NO_GRANT = 43101;
/** Errcodes that no retry can cure: invalid openid, template, arguments, page. */
const FINAL_ERRCODES: readonly number[] = [40003, 40037, 47003, 41030];

export type SubscribeMessagePayload = SubscribeMessage & Record<string, unknown>;

export const subscribeMessageHandler: OutboxHandler = {
  kind: 'subscribeMessage',
  async deliver({ db, record }) {
    const message = record.payload as SubscribeMessagePayload;
    try {
      await sendSubscribeMessage(db, message);
      return { status: 'sent' };
    } catch (err) {
      if (err instanceof WechatNoAnswerError && err.path === SEND_PATH)
        return { status: 'unknown', code: err.code };
      if (err instanceof WechatNoAnswerError) return { status: 'retry', code: err.code }; // the token fetch: nothing sent
      if (err instanceof WechatApiError && err.errcode === NO_GRANT)
        return { status: 'skipped', code: err.code };
      if (err instanceof WechatApiError && FINAL_ERRCODES.includes(err.errcode)) {
        return { status: 'failed', code: err.code };
      }
      throw err;
    }
  },
  // The recipient is needed only to send; the trace keeps which template and page went out.
  minimiseWhenDone: (payload) => {
    const { touser: _recipient, data: _data, ...rest } = payload as SubscribeMessagePayload;
    return { ...rest, touser: null };
  },
};
