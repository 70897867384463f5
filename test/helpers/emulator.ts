/**
 * Starts an in-process emulator for a test file: free port, fresh data folder, test mode, logs captured. What the
 * functions print (their log lines, unexpected errors) goes into `logs` too, so `npm test` shows only jest's own
 * output; `LOG=1 npm test` prints it as `npm start` does.
 *
 * The demo seed runs every demo action through the functions (10-15 s); about 90 test files ask for it. So the
 * first file of a run that asks seeds a data folder of its own and keeps it in the run's seed cache (a folder
 * test/global-setup.ts names in SEED_CACHE_DIR); every later one starts from a copy of it: the same database,
 * stored files and fake WeChat state as a seed of its own, as after an emulator restart. Its dates are those of
 * the run's first seed, minutes older at most.
 */
import { Console } from 'node:console';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startEmulator, type RunningEmulator } from '../../emulator/app';
import type { EmulatorOptions } from '../../emulator/context';

export interface TestEmulator extends RunningEmulator {
  logs: string[];
  dataDir: string;
  /** POST JSON to the emulator; answers the parsed JSON (or text) and status. */
  post<T = any>(
    p: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
  get<T = any>(p: string, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /** Calls a function as a mini-program user would: identity in headers. */
  call<T = any>(fn: string, event: unknown, openid?: string, appid?: string): Promise<T>;
  stop(): Promise<void>;
}

/** A console whose output lands in `lines`, one entry per printed line. */
function capturingConsole(lines: string[]): Console {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(...String(chunk).replace(/\n$/, '').split('\n'));
      done();
    },
  });
  return new Console({ stdout: stream, stderr: stream });
}

/** A test emulator's options: free port, test mode, strict indexes, no timers, what it prints kept in `logs`. */
function testOptions(dataDir: string, logs: string[]): Partial<EmulatorOptions> {
  return {
    port: 0,
    dataDir,
    seed: false,
    mode: 'test',
    strictIndexes: true,
    timers: false,
    logSink: (line) => logs.push(line),
    functionConsole: process.env.LOG === '1' ? undefined : capturingConsole(logs),
  };
}

/** The run's seeded data folder, seeded now if no file of this run did it yet; undefined outside a jest run. */
async function seededTemplate(): Promise<string | undefined> {
  const cache = process.env.SEED_CACHE_DIR;
  if (!cache) return undefined;
  const template = path.join(cache, 'seeded');
  if (existsSync(template)) return template;
  const fresh = mkdtempSync(path.join(cache, 'seeding-'));
  const emu = await startEmulator({ ...testOptions(fresh, []), seed: true });
  await emu.close();
  try {
    renameSync(fresh, template); // atomic: a worker seeding at the same time loses the race, keeps its own copy
  } catch {
    return fresh;
  }
  return template;
}

export async function startTestEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'emu-'));
  if (overrides.seed && !existsSync(path.join(dataDir, 'db.sqlite'))) {
    const template = await seededTemplate();
    if (template) cpSync(template, dataDir, { recursive: true });
  }
  const logs: string[] = [];
  const emu = await startEmulator({ ...testOptions(dataDir, logs), ...overrides });
  const request = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(emu.url + p, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed };
  };
  return {
    ...emu,
    logs,
    dataDir,
    post: (p, body, headers) => request('POST', p, body ?? {}, headers),
    get: (p, headers) => request('GET', p, undefined, headers),
    call: async (fn, event, openid, appid) => {
      const headers: Record<string, string> = {};
      if (openid) headers['X-WX-OPENID'] = openid;
      headers['X-WX-APPID'] = appid ?? emu.ctx.options.appId;
      return (await request('POST', `/fn/${fn}`, event, headers)).body;
    },
    stop: async () => {
      await emu.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
