/** Shared by the shared-services tests: an emulator with the repository's database config and the REAL node-sdk. */
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import type { Database } from '../../../server/platform/cloudbase';

/** Answers of the emulator and documents read back, as loose JSON: the assertions check their shape. */

export type Json = any;

export async function startWithSdk(seed = false): Promise<{ emu: TestEmulator; db: Database }> {
  delete process.env.EMULATOR_DB_CONFIG;
  const emu = await startTestEmulator({ seed });
  // After start: startEmulator sets TCB_CONTEXT_CNFG, which the SDK reads on every request.
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database() as unknown as Database;
  return { emu, db };
}

export function caller(emu: TestEmulator, fn: string) {
  return <T = Json>(openid: string | undefined, action: string, payload: unknown = {}) =>
    emu.call<T>(fn, { action, payload, requestId: randomUUID() }, openid);
}

/** The calls the fake WeChat API received, optionally only those to one path (e.g. `/cgi-bin/draft/add`). */
export async function wechatCalls(
  emu: TestEmulator,
  path?: string,
): Promise<Array<{ path: string; body: Json; fault?: string }>> {
  const items = (await emu.get('/_emulator/outbox')).body.items as Array<{
    path: string;
    body: Json;
    fault?: string;
  }>;
  return path ? items.filter((i) => i.path === path) : items;
}

export async function docOf(db: Database, collection: string, id: string): Promise<Json> {
  return ((await db.collection(collection).doc(id).get()).data as Json[])[0] ?? null;
}

/**
 * The whole audit trail checked, as an auditor would: the sequencer fired first (timers are off in tests and the
 * clock jumps), then ledger.verify called until done, its breaks gathered.
 */
export async function verifyAll(
  db: Database,
  anchor?: import('../../../core/contract/ledger').LedgerVerifyAnchor,
): Promise<{ ok: boolean; breaks: Array<{ ref: string; reason: string }>; calls: number }> {
  const { runSequencer } = await import('../../../server/ledger/sequencer');
  const { verifyLedger } = await import('../../../server/ledger/verify');
  await runSequencer(db, new Date(), { holder: 'test' });
  const breaks: Array<{ ref: string; reason: string }> = [];
  let cursor: string | undefined;
  for (let calls = 1; ; calls++) {
    const res = await verifyLedger(db, new Date(), { anchor, cursor });
    breaks.push(...res.breaks);
    if (res.done) return { ok: breaks.length === 0, breaks, calls };
    cursor = res.cursor!;
  }
}

/** The same through the functions: the scheduler's every-minute timer, then `ledger.verify` as the auditor. */
export async function verifyAllVia(
  emu: TestEmulator,
  anchor?: unknown,
  pages?: number,
): Promise<{ ok: boolean; breaks: Array<{ ref: string; reason: string }>; calls: number }> {
  await emu.post('/timer/scheduler', {});
  const staff = caller(emu, 'staff');
  const breaks: Array<{ ref: string; reason: string }> = [];
  let cursor: string | undefined;
  for (let calls = 1; ; calls++) {
    const res = await staff('demo-auditor', 'ledger.verify', { anchor, cursor, pages });
    if (!res.ok) throw new Error(`ledger.verify refused: ${res.error.code} ${res.error.message}`);
    breaks.push(...res.data.breaks);
    if (res.data.done) return { ok: breaks.length === 0, breaks, calls };
    cursor = res.data.cursor;
  }
}
