/**
 * Access tokens from `POST /cgi-bin/stable_token`, cached IN THE DATABASE per appid (`sys_wechat_tokens`): many
 * function instances share one token, and nothing is kept in memory between calls (CloudBase
 * runs many instances). A token is used until EXPIRY_MARGIN_MS before it expires. Tokens are never logged.
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html
 */
import type { Database } from '../platform/cloudbase';
import { wechatPost } from './http';
import { getDoc } from '../platform/docs';
import { shanghaiEpochDayOfInstant } from '../../core/calendar/civilDate';
import { TokenRefreshCappedError, WechatApiError } from './errors';

export const TOKEN_COLLECTION = 'sys_wechat_tokens';
/** Refresh five minutes early, so a token never expires between being read and being used. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Which WeChat app a call acts as: the mini-program or the official account. */
export type WechatApp = 'mp' | 'oa';

interface StoredToken {
  _id: string;
  token: string;
  expiresAt: Date;
  refreshedAt: Date;
}

export function appCredentials(app: WechatApp): { appid: string; secret: string } {
  const appid = app === 'mp' ? process.env.MINIPROGRAM_APPID : process.env.WECHAT_OA_APPID;
  const secret = app === 'mp' ? process.env.WECHAT_MP_SECRET : process.env.WECHAT_OA_SECRET;
  if (!appid || !secret) throw new Error(`WeChat credentials for ${app} are not configured`);
  return { appid, secret };
}

/** A usable token for the app: the stored one while it is fresh, otherwise a new one (then stored). */
export async function accessToken(db: Database, app: WechatApp): Promise<string> {
  const { appid } = appCredentials(app);
  const stored = await readStored(db, appid);
  if (stored && new Date(stored.expiresAt).getTime() - EXPIRY_MARGIN_MS > Date.now()) return stored.token;
  return fetchAndStore(db, app, false);
}

/**
 * After WeChat refused `rejected` (40001/42001): another instance may already have stored a newer token; use it.
 * Otherwise ONE instance asks for a new one with force_refresh (which also invalidates the rejected token
 * everywhere): it takes the app's refresh lock with a conditional update; the others wait for the token it
 * stores. Forced refreshes are capped per Shanghai day (FORCE_CAP_PER_DAY): WeChat allows few, and an account
 * whose tokens keep being refused has a problem no refresh cures.
 */
export async function replaceRejectedToken(db: Database, app: WechatApp, rejected: string): Promise<string> {
  const { appid } = appCredentials(app);
  for (let look = 0; ; look++) {
    const stored = await readStored(db, appid);
    if (
      stored &&
      stored.token !== rejected &&
      new Date(stored.expiresAt).getTime() - EXPIRY_MARGIN_MS > Date.now()
    ) {
      return stored.token;
    }
    const claim = await claimForcedRefresh(db, appid, new Date());
    if (claim === 'claimed') return fetchAndStore(db, app, true);
    if (claim === 'capped') throw new TokenRefreshCappedError();
    // Another instance is refreshing: wait for what it stores, then give up for this attempt.
    if (look >= FORCE_WAIT_LOOKS) throw new WechatApiError(40001, '/cgi-bin/stable_token');
    await new Promise((resolve) => setTimeout(resolve, FORCE_WAIT_MS));
  }
}

/** At most this many forced refreshes per app and Shanghai day (WeChat's own allowance is small). */
export const FORCE_CAP_PER_DAY = 10;
/** How long one instance holds the refresh lock; others look again every FORCE_WAIT_MS meanwhile. */
const FORCE_LOCK_MS = 15_000;
const FORCE_WAIT_MS = 400;
const FORCE_WAIT_LOOKS = 10;

interface ForceLock {
  _id: string;
  /** Shanghai epoch day the count is for. */
  day: number;
  count: number;
  lockUntilMs: number;
}

const forceId = (appid: string) => `${appid}:force`;

async function claimForcedRefresh(
  db: Database,
  appid: string,
  now: Date,
): Promise<'claimed' | 'busy' | 'capped'> {
  const day = shanghaiEpochDayOfInstant(now);
  const lock = await getDoc<ForceLock>(db, TOKEN_COLLECTION, forceId(appid));
  const next = { lockUntilMs: now.getTime() + FORCE_LOCK_MS };
  if (!lock) {
    try {
      await db.collection(TOKEN_COLLECTION).add({ _id: forceId(appid), day, count: 1, ...next });
      return 'claimed';
    } catch {
      return 'busy'; // another instance created it first
    }
  }
  if (lock.lockUntilMs > now.getTime()) return 'busy';
  const count = lock.day === day ? lock.count : 0;
  if (count >= FORCE_CAP_PER_DAY) return 'capped';
  const res = await db
    .collection(TOKEN_COLLECTION)
    .where({ _id: lock._id, day: lock.day, count: lock.count, lockUntilMs: lock.lockUntilMs })
    .update({ day, count: count + 1, ...next });
  return Number(res.updated ?? 0) === 1 ? 'claimed' : 'busy';
}

async function readStored(db: Database, appid: string): Promise<StoredToken | null> {
  return getDoc<StoredToken>(db, TOKEN_COLLECTION, appid);
}

async function fetchAndStore(db: Database, app: WechatApp, forceRefresh: boolean): Promise<string> {
  const { appid, secret } = appCredentials(app);
  const answer = await wechatPost({
    path: '/cgi-bin/stable_token',
    json: { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh },
  });
  const json = answer.kind === 'json' ? answer.json : {};
  const token = json.access_token;
  const expiresIn = json.expires_in;
  if (typeof token !== 'string' || typeof expiresIn !== 'number')
    throw new Error('stable_token answer malformed');
  const now = new Date();
  await db
    .collection(TOKEN_COLLECTION)
    .doc(appid)
    .set({ token, expiresAt: new Date(now.getTime() + expiresIn * 1000), refreshedAt: now });
  return token;
}
