/**
 * How the seed acts: through the functions over HTTP, as the mini-program does (identity in the emulator's
 * headers), so demo data is made by the same actions, checks and ledger as real data. A refusal stops the seed
 * loudly: demo data that silently lacks a part would mislead every page and test built on it.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';

export type SeedCaller = <T = unknown>(
  fn: string,
  openid: string,
  action: string,
  payload: unknown,
) => Promise<T>;

export function seedCaller(ctx: EmulatorContext): SeedCaller {
  return async <T>(fn: string, openid: string, action: string, payload: unknown): Promise<T> => {
    const res = await fetch(`${ctx.baseUrl}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': ctx.options.appId },
      body: JSON.stringify({ action, payload, requestId: `seed-${randomUUID()}` }),
    });
    const answer = (await res.json()) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    };
    if (!answer.ok)
      throw new Error(`seed: ${fn} ${action} refused: ${answer.error?.code} ${answer.error?.message}`);
    return answer.data as T;
  };
}
