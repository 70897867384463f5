/**
 * `POST /cgi-bin/stable_token` and access-token checks. stable_token answers the same token until it expires
 * unless `force_refresh` is true, which issues a new one and invalidates the old
 * (https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html).
 * Tokens expire after `expires_in` on the emulator clock. Errcodes: 40002 grant_type, 40013 appid,
 * 40125 secret, 40001 invalid token, 42001 expired token, 48001 token of the wrong app for this API.
 */
import { randomBytes } from 'node:crypto';
import { wxError, type Endpoint, type TokenOwner, type WechatAnswer } from './api';
import type { WechatState } from './state';

export const TOKEN_SECONDS = 7200;

/** The app ids and secrets the emulator accepts, read when called (emulator/app.ts pointSdkAtEmulator sets them). */
function knownApps(): Record<string, { secret: string; owner: Exclude<TokenOwner, 'none'> }> {
  const apps: Record<string, { secret: string; owner: Exclude<TokenOwner, 'none'> }> = {};
  const mp = process.env.MINIPROGRAM_APPID;
  const oa = process.env.WECHAT_OA_APPID;
  if (mp && process.env.WECHAT_MP_SECRET) apps[mp] = { secret: process.env.WECHAT_MP_SECRET, owner: 'mp' };
  if (oa && process.env.WECHAT_OA_SECRET) apps[oa] = { secret: process.env.WECHAT_OA_SECRET, owner: 'oa' };
  return apps;
}

export const stableToken: Endpoint = {
  token: 'none',
  handle({ body, now, state }) {
    if (body.grant_type !== 'client_credential') return wxError(40002, 'invalid grant_type');
    const app = typeof body.appid === 'string' ? knownApps()[body.appid] : undefined;
    if (!app) return wxError(40013, 'invalid appid');
    if (body.secret !== app.secret) return wxError(40125, 'invalid appsecret');
    const appid = body.appid as string;
    const current = state.data.currentToken[appid];
    const live = current ? state.data.tokens[current] : undefined;
    if (current && live && live.expiresAt > now && body.force_refresh !== true) {
      return { json: { access_token: current, expires_in: Math.floor((live.expiresAt - now) / 1000) } };
    }
    if (current) delete state.data.tokens[current];
    const token = `emu_${randomBytes(24).toString('base64url')}`;
    state.data.tokens[token] = { appid, expiresAt: now + TOKEN_SECONDS * 1000 };
    state.data.currentToken[appid] = token;
    state.save();
    return { json: { access_token: token, expires_in: TOKEN_SECONDS } };
  },
};

/** undefined when the token may call an API of `owner`; otherwise the WeChat error answer. */
export function checkToken(
  state: WechatState,
  token: string | null,
  owner: TokenOwner,
  now: number,
): WechatAnswer | undefined {
  if (owner === 'none') return undefined;
  if (!token) return wxError(41001, 'access_token missing');
  const entry = state.data.tokens[token];
  if (!entry) return wxError(40001, 'invalid credential, access_token is invalid or not latest');
  if (entry.expiresAt <= now) return wxError(42001, 'access_token expired');
  if (knownApps()[entry.appid]?.owner !== owner) return wxError(48001, 'api unauthorized');
  return undefined;
}
