/** Shared bits of the storage tests: the real SDK pointed at a test emulator, client calls with identity. */
import tcb from '@cloudbase/node-sdk';
import type { TestEmulator } from '../../helpers/emulator';

export function sdk() {
  return tcb.init({ env: process.env.TCB_ENV ?? 'local-emulator' });
}

/** A mini-program's raw upload to the client endpoint, identity in headers as `POST /fn/<name>` takes it. */
export async function clientUpload(
  emu: TestEmulator,
  openid: string | undefined,
  cloudPath: string,
  bytes: Buffer,
) {
  const headers: Record<string, string> = {
    'content-type': 'image/png',
    'x-wx-appid': emu.ctx.options.appId,
  };
  if (openid) headers['x-wx-openid'] = openid;
  const res = await fetch(`${emu.url}/_client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers,
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as any };
}

export function clientHeaders(emu: TestEmulator, openid: string): Record<string, string> {
  return { 'x-wx-openid': openid, 'x-wx-appid': emu.ctx.options.appId };
}
