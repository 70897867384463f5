/**
 * What the action benchmarks share (bench/actions.ts, bench/publication.ts, bench/case.ts): an emulator in strict
 * index mode over the built function bundles, a function call as the mini-program makes it, the median of timed
 * runs, and the replacement of a marked section of bench/results.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/app';
import { build } from '../scripts/build';

export const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
export const RUNS = Number(process.env.BENCH_RUNS ?? 25);
export const RESULTS_FILE = path.join(__dirname, 'results.md');

/** The answer's data; the benches read only a few known fields of it. */
export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BenchEmulator {
  emu: RunningEmulator;
  /** Stops the emulator, removes its data and gives console.log back. */
  close(): Promise<void>;
  /** The real console.log (the functions run in this process and log a line per call, so it is muted). */
  log: (...args: unknown[]) => void;
}

/**
 * Builds the function bundles (the code as it is now), then starts a seeded emulator with strict index mode on:
 * every query an action makes must be served by an index declared in deploy/database.json, or it fails.
 */
export async function startBench(name: string, options: { build?: boolean } = {}): Promise<BenchEmulator> {
  if (options.build !== false) await build({ quiet: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const log = console.log;
  console.log = () => undefined;
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: true,
    mode: 'dev',
    strictIndexes: true,
    timers: false,
    logSink: (line) => (process.env.BENCH_DEBUG ? process.stderr.write(line + '\n') : undefined),
  }).catch((err: unknown) => {
    console.log = log;
    throw err;
  });
  return {
    emu,
    log,
    close: async () => {
      console.log = log;
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls an action of a function over HTTP as the mini-program does; throws on an error answer. */
export async function callFn(
  emu: RunningEmulator,
  fn: string,
  openid: string,
  action: string,
  payload: unknown,
): Promise<Data> {
  const res = await fetch(`${emu.url}/fn/${fn}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-WX-OPENID': openid,
      'X-WX-APPID': emu.ctx.options.appId,
    },
    body: JSON.stringify({ action, payload, requestId: randomUUID() }),
  });
  const body = (await res.json()) as { ok: boolean; data?: Data; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${fn} ${action}: ${body.error?.code} ${body.error?.message}`);
  return body.data ?? {};
}

/** Median of `runs` timed calls after 3 warm-ups, in ms. */
export async function timeIt(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  if (process.env.BENCH_DEBUG) console.error(samples.map((s) => s.toFixed(1)).join(' '));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Yields to the event loop, so the emulator's server runs between insert batches (idle sockets close cleanly). */
export const breathe = () => new Promise((resolve) => setImmediate(resolve));

/** One measured row: a median and the documents one call read, per size. */
export interface MedianRow {
  action: string;
  case: string;
  medians: number[];
  scanned: number[];
}

export class Rows {
  private readonly rows = new Map<string, MedianRow>();

  add(action: string, c: string, ms: number, scanned: number): void {
    const key = `${action}|${c}`;
    const row = this.rows.get(key) ?? { action, case: c, medians: [], scanned: [] };
    row.medians.push(ms);
    row.scanned.push(scanned);
    this.rows.set(key, row);
  }

  all(): MedianRow[] {
    return [...this.rows.values()];
  }

  /** The table: a median per size, the largest size over the smallest, the documents read per size. */
  table(sizes: readonly number[]): string[] {
    return [
      `| action | case | ${sizes.map((s) => `median ms @ ${s}`).join(' | ')} | ratio | documents read |`,
      `|---|---|${sizes.map(() => '---:|').join('')}---:|---|`,
      ...this.all().map((r) => {
        const ratio = r.medians[r.medians.length - 1]! / r.medians[0]!;
        return `| ${r.action} | ${r.case} | ${r.medians.map((m) => m.toFixed(1)).join(' | ')} | ${ratio.toFixed(2)}× | ${r.scanned.join(' / ')} |`;
      }),
    ];
  }
}

/** Measures one call: the documents it reads from the store (emulator counter) and its median. */
export async function measure(
  rows: Rows,
  scanned: () => number,
  action: string,
  c: string,
  run: () => Promise<unknown>,
  runs = RUNS,
): Promise<void> {
  const before = scanned();
  await run();
  const read = scanned() - before;
  rows.add(action, c, await timeIt(run, runs), read);
}

export const markers = (name: string) => ({ begin: `<!-- ${name} -->`, end: `<!-- /${name} -->` });

/** Puts a section (with its markers) into results.md text, replacing the earlier one or appending it. */
export function withSection(text: string, name: string, section: string): string {
  const { begin, end } = markers(name);
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < 0) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(stop + end.length);
}

/** Rewrites one section of bench/results.md. */
export function writeSection(name: string, section: string): void {
  writeFileSync(RESULTS_FILE, withSection(readFileSync(RESULTS_FILE, 'utf8'), name, section));
}

/** A bench file run on its own: measure, print, and rewrite its section when `write` says so. */
export function runMain(name: string, measureFn: () => Promise<string>, write = true): void {
  measureFn()
    .then((section) => {
      if (write) writeSection(name, section);
      console.log(section);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
