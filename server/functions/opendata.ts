/**
 * The `opendata` cloud function: HTTP access for the government portal (published entries; later issue). The
 * portal calls it through CloudBase's HTTP access, which carries no WeChat identity. A call that carries another
 * mini-program's app id is refused like in every other function.
 */
import { callerFromContext, isForeignApp } from '../router/identity';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export async function main(_event: unknown, context: unknown): Promise<unknown> {
  if (isForeignApp(callerFromContext(context))) {
    return {
      statusCode: 403,
      headers: JSON_TYPE,
      body: JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '调用来源不是本小程序' } }),
    };
  }
  return { statusCode: 404, headers: JSON_TYPE, body: '{"ok":false}' };
}
