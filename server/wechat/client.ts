/**
 * Calls an API that needs an access token, with one retry on a rejected token (40001 invalid, 42001 expired)
 * after replacing it (token.ts). Any other outcome is the caller's to handle.
 */
import type { Database } from '../platform/cloudbase';
import { TOKEN_ERRCODES, WechatApiError } from './errors';
import { wechatPost, type WechatRequest, type WechatResponse } from './http';
import { accessToken, replaceRejectedToken, type WechatApp } from './token';

export async function callWithToken(
  db: Database,
  app: WechatApp,
  request: WechatRequest,
): Promise<WechatResponse> {
  const token = await accessToken(db, app);
  try {
    return await wechatPost(withToken(request, token));
  } catch (err) {
    if (!(err instanceof WechatApiError) || !TOKEN_ERRCODES.includes(err.errcode)) throw err;
    const fresh = await replaceRejectedToken(db, app, token);
    return wechatPost(withToken(request, fresh));
  }
}

/** Answers the JSON of a call that must answer JSON. */
export async function callJson(
  db: Database,
  app: WechatApp,
  request: WechatRequest,
): Promise<Record<string, unknown>> {
  const answer = await callWithToken(db, app, request);
  if (answer.kind !== 'json') throw new Error('WeChat answered bytes where JSON was expected');
  return answer.json;
}

function withToken(request: WechatRequest, token: string): WechatRequest {
  return { ...request, query: { ...request.query, access_token: token } };
}
