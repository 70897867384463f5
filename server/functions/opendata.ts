/**
 * The `opendata` cloud function: HTTP access for the district government portal (PUB-9). The
 * portal calls it through CloudBase's HTTP access, which carries no WeChat identity: it serves only the public
 * projection of published entries (server/features/publication/feed.ts). A call that carries another mini-program's
 * app id is refused like in every other function. An unexpected failure answers 500 without internals.
 */
import { serveFeed, errorResponse } from '../features/publication/feed';
import { database } from '../platform/cloudbase';
import { log } from '../platform/logger';
import { callerFromContext, isForeignApp } from '../router/identity';

interface IntegrationEvent {
  path?: unknown;
  httpMethod?: unknown;
  headers?: unknown;
  queryStringParameters?: unknown;
}

const record = (v: unknown): Record<string, string> => {
  if (typeof v !== 'object' || v === null) return {};
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
};
const lowerKeys = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));

export async function main(event: unknown, context: unknown): Promise<unknown> {
  if (isForeignApp(callerFromContext(context))) {
    return errorResponse(403, 'FORBIDDEN', '调用来源不是本小程序');
  }
  const e = (typeof event === 'object' && event !== null ? event : {}) as IntegrationEvent;
  const started = Date.now();
  const path = typeof e.path === 'string' ? e.path : '';
  try {
    const res = await serveFeed(
      database(),
      {
        path,
        method: typeof e.httpMethod === 'string' ? e.httpMethod.toUpperCase() : 'GET',
        headers: lowerKeys(record(e.headers)),
        query: record(e.queryStringParameters),
      },
      new Date(),
    );
    const action = path.endsWith('.csv') ? 'feed.csv' : 'feed.json';
    log({ fn: 'opendata', action, code: String(res.statusCode), ms: Date.now() - started });
    return res;
  } catch {
    // No stack, no internals (the contract: errors carry a code and a Chinese message only); the log line names the function only.
    log({ fn: 'opendata', action: 'feed', code: 'INTERNAL', ms: Date.now() - started });
    return errorResponse(500, 'INTERNAL', '服务暂时不可用，请稍后再试');
  }
}
