/**
 * How a WeChat call can end, as the outbox needs to tell them apart: WeChat
 * answered with an errcode (the call did not take effect), or no answer came back (timeout, socket error, an
 * unreadable answer), in which case nobody knows whether WeChat acted on it.
 */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly path: string,
    /** The rest of WeChat's answer (e.g. the original msg_id with 45065); never logged. */
    readonly answer: Record<string, unknown> = {},
  ) {
    super(`微信接口返回错误码 ${errcode}`);
    this.name = 'WechatApiError';
  }
  get code(): string {
    return `errcode:${this.errcode}`;
  }
}

export type LostAnswerKind = 'timeout' | 'network' | 'http' | 'unreadable';

export class WechatNoAnswerError extends Error {
  constructor(
    readonly kind: LostAnswerKind,
    /** The API path called, so a caller can tell a lost token fetch from a lost send. */
    readonly path: string,
  ) {
    super(`微信接口没有可用的应答（${kind}）`);
    this.name = 'WechatNoAnswerError';
  }
  get code(): string {
    return `noAnswer:${this.kind}`;
  }
}

/** Errcodes WeChat documents for an access token that is invalid (40001) or expired (42001). */
export const TOKEN_ERRCODES: readonly number[] = [40001, 42001];

/** 45009: the account's daily call quota of this API is used up (接口调用超过限制): wait for the next day. */
export const DAILY_QUOTA_ERRCODE = 45009;

/**
 * Forced token refreshes are capped (stable_token's force_refresh has a small daily allowance): past our own cap
 * the caller waits for the next day instead of spending the rest of it.
 */
export class TokenRefreshCappedError extends Error {
  constructor() {
    super('今日强制刷新接口凭证的次数已用完');
    this.name = 'TokenRefreshCappedError';
  }
  get code(): string {
    return 'tokenRefreshCapped';
  }
}
