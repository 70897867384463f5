/** Calls the fake WeChat API the way the server's gateway will: `${WECHAT_API_BASE}/cgi-bin/...`. */
import type { TestEmulator } from '../../helpers/emulator';

export type App = 'oa' | 'mp';

export function credentials(app: App) {
  return app === 'oa'
    ? { appid: process.env.WECHAT_OA_APPID!, secret: process.env.WECHAT_OA_SECRET! }
    : { appid: process.env.MINIPROGRAM_APPID!, secret: process.env.WECHAT_MP_SECRET! };
}

export async function wx(path: string, body: unknown, token?: string, query = ''): Promise<any> {
  const sep = query ? '&' : '';
  const qs = token ? `?access_token=${encodeURIComponent(token)}${sep}${query}` : query ? `?${query}` : '';
  const res = await fetch(`${process.env.WECHAT_API_BASE}${path}${qs}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

export async function token(app: App, forceRefresh = false): Promise<string> {
  const answer = await wx('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    ...credentials(app),
    force_refresh: forceRefresh,
  });
  expect(answer.expires_in).toBeGreaterThan(0);
  return answer.access_token as string;
}

export async function uploadMaterial(
  accessToken: string,
  type = 'image',
  path = '/cgi-bin/material/add_material',
) {
  const form = new FormData();
  form.append('media', new Blob([Buffer.from('fake-jpeg-bytes')], { type: 'image/jpeg' }), 'cover.jpg');
  const res = await fetch(`${process.env.WECHAT_API_BASE}${path}?access_token=${accessToken}&type=${type}`, {
    method: 'POST',
    body: form,
  });
  return (await res.json()) as any;
}

export async function outbox(emu: TestEmulator): Promise<any[]> {
  return (await emu.get('/_emulator/outbox')).body.items;
}

export const article = (thumb: string) => ({
  title: '行政处罚决定公示',
  author: '执法支队',
  content: '<p>依据《行政处罚法》……</p>',
  thumb_media_id: thumb,
});
