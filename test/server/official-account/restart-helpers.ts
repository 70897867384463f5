/**
 * Shared by the restart tests of the official account: the seeded emulator on a data folder of its own, so that it
 * can be stopped in the middle of a scheduler run and started again on the same folder (its database and the fake
 * WeChat API's state, wechat.json), as a redeploy or a crashed host would do it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { Database } from '../../../server/platform/cloudbase';
import { startTestEmulator } from '../../helpers/emulator';
import { callers } from '../complaint/helpers';
import { faults, performed, type Ctx } from './helpers';

export interface RestartCtx extends Ctx {
  dataDir: string;
}

async function start(ctx: RestartCtx): Promise<void> {
  ctx.emu = await startTestEmulator({ seed: true, dataDir: ctx.dataDir });
  ctx.call = callers(ctx.emu);
}

export function useRestartableEmulator(): RestartCtx {
  const ctx = {} as RestartCtx;
  beforeAll(async () => {
    delete process.env.EMULATOR_DB_CONFIG;
    ctx.dataDir = mkdtempSync(path.join(os.tmpdir(), 'emu-restart-'));
    await start(ctx);
    // The SDK reads the emulator's address on every request: the same handle works after a restart.
    ctx.db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database() as unknown as Database;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // The SDK's "longer than 3s" warning timer is never cleared for a request the stopped emulator refused, and
    // would fire after the file ended: SILENCE (read by @cloudbase/node-sdk) sets none.
    process.env.SILENCE = 'true';
  });
  afterAll(async () => {
    delete process.env.SILENCE;
    jest.restoreAllMocks();
    await ctx.emu.post('/_emulator/clock', { now: null });
    await ctx.emu.stop();
    rmSync(ctx.dataDir, { recursive: true, force: true });
  });
  return ctx;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const timerLines = (logs: string[]) => logs.filter((l) => l.includes('"route":"/timer/scheduler"')).length;

/**
 * Fires the scheduler's timer with `key` (the path after /cgi-bin/) set to be performed by the fake WeChat API and
 * then left unanswered; as soon as WeChat has performed it, the emulator is stopped, so the run never learns the
 * answer and every write it tries after that is refused (the database is gone with the emulator): its outbox claim
 * and the scheduler lease stay as they were. Then the emulator starts again on the same data folder.
 */
export async function stopAfterWechatAccepted(ctx: RestartCtx, key: string): Promise<void> {
  const wechatPath = `/cgi-bin/${key}`;
  const before = (await performed(ctx, wechatPath)).length;
  await faults(ctx, { [key]: { lostAnswer: true, hold: true } });
  const old = ctx.emu;
  const runsEnded = timerLines(old.logs);
  const run = old.post('/timer/scheduler', {}).catch(() => undefined);
  await until(async () => (await performed(ctx, wechatPath)).length > before, `${key} performed`);
  await old.stop();
  await run;
  // The run inside ends (its writes refused) before anything else may reach the database again.
  await until(() => timerLines(old.logs) > runsEnded, 'the interrupted run to end');
  await start(ctx);
}
