/**
 * The one place that talks HTTPS to WeChat: `${WECHAT_API_BASE}` (the fake API on the emulator), a timeout on
 * every call, and errors reduced to codes (WechatApiError / WechatNoAnswerError). Nothing here logs: URLs carry
 * access tokens and bodies carry openids.
 */
import { WechatApiError, WechatNoAnswerError } from './errors';

const DEFAULT_BASE = 'https://api.weixin.qq.com';
/** Well under the scheduler's 60 s function timeout, so one slow call cannot eat a whole run. */
const DEFAULT_TIMEOUT_MS = 8000;

/** WECHAT_TIMEOUT_MS may shorten the timeout (tests of lost answers); the default otherwise. */
function configuredTimeoutMs(): number {
  const configured = Number(process.env.WECHAT_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

export function wechatBase(): string {
  return (process.env.WECHAT_API_BASE ?? DEFAULT_BASE).replace(/\/+$/, '');
}

export interface WechatRequest {
  /** Path after the base, e.g. `/cgi-bin/stable_token`. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  timeoutMs?: number;
}

export type WechatResponse =
  { kind: 'json'; json: Record<string, unknown> } | { kind: 'bytes'; bytes: Buffer; type: string };

/** POSTs and answers the JSON (errcode 0 or absent) or the bytes; throws WechatApiError / WechatNoAnswerError. */
export async function wechatPost(request: WechatRequest): Promise<WechatResponse> {
  const url = new URL(wechatBase() + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? configuredTimeoutMs());
  let res: Response;
  let bytes: Buffer;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: request.form ? undefined : { 'content-type': 'application/json' },
      body: request.form ?? JSON.stringify(request.json ?? {}),
      signal: controller.signal,
    });
    bytes = Buffer.from(await res.arrayBuffer());
  } catch {
    throw new WechatNoAnswerError(controller.signal.aborted ? 'timeout' : 'network', request.path);
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) throw new WechatNoAnswerError('http', request.path);
  const type = res.headers.get('content-type') ?? '';
  if (!/json|text\/plain/i.test(type) && !looksLikeJson(bytes)) return { kind: 'bytes', bytes, type };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new WechatNoAnswerError('unreadable', request.path);
  }
  const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
  if (errcode !== 0) throw new WechatApiError(errcode, request.path, json);
  return { kind: 'json', json };
}

function looksLikeJson(bytes: Buffer): boolean {
  return bytes.length > 0 && bytes[0] === 0x7b; // '{'
}
