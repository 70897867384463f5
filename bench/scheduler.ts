/**
 * `npx tsx bench/scheduler.ts` (also part of `npm run bench`): the channels. With the emulator's database as
 * slow as a deployment's (DB_LATENCY_MS 20, jitter 10: bench/round-trips.ts), 10k approved entries fall due at
 * once; the scheduler's timer is fired again and again (each firing one run, with the budget the function's
 * 60 s time limit gives it) until none is left. Reports how many runs it took, the longest run, and checks each
 * entry was published once (the ledger's `publication.publish` events) and none skipped. Rewrites the scheduler
 * section of bench/results.md (`BENCH_SCHEDULER_ENTRIES=500` runs a small one that only prints).
 *
 * One entry is taken to approval through the staff actions (scheduled for later); the others are clones of it
 * inserted straight into the emulator's store; then the emulator's clock is moved past their time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/app';
import { databaseOf } from '../emulator/db';
import type { Doc } from '../emulator/db/ejson';
import { build } from '../scripts/build';
import { ASSUMED_LATENCY } from './round-trips';

const ENTRIES = Number(process.env.BENCH_SCHEDULER_ENTRIES ?? 10_000);
const FULL = 10_000;
const MAX_RUNS = 500;
const BEGIN = '<!-- scheduler -->';
const END = '<!-- /scheduler -->';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function callFn(emu: RunningEmulator, openid: string, action: string, payload: unknown): Promise<Data> {
  const res = await fetch(`${emu.url}/fn/staff`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-WX-OPENID': openid,
      'X-WX-APPID': emu.ctx.options.appId,
    },
    body: JSON.stringify({ action, payload, requestId: randomUUID() }),
  });
  const body = (await res.json()) as { ok: boolean; data?: Data; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${action}: ${body.error?.code} ${body.error?.message}`);
  return body.data ?? {};
}

/** One entry of the seed's penalties, taken to approval for an hour from now. */
async function approvedTemplate(emu: RunningEmulator, publishAt: string): Promise<Doc> {
  const store = databaseOf(emu.ctx);
  const seeded = store.find('publicationEntries', { kind: 'penalty' })[0]!;
  const entry = { ...(seeded.entry as Doc), docNo: '万卫公罚〔2026〕B0号', publicityUntil: '2099-12-31' };
  const { id } = await callFn(emu, 'demo-officer-3', 'publication.create', { entry });
  await callFn(emu, 'demo-officer-3', 'publication.submit', { id });
  await callFn(emu, 'demo-leader-1', 'publication.review', { id });
  await callFn(emu, 'demo-publisher', 'publication.forward', { id });
  await callFn(emu, 'demo-principal', 'publication.approve', { id, publishAt });
  return store.find('publicationEntries', { _id: id })[0]!;
}

function clone(template: Doc, i: number, publishAt: string): Doc {
  const id = `pub_${randomBytes(12).toString('hex')}`;
  const docNo = `万卫公罚〔2026〕S${i}号`;
  return {
    ...template,
    _id: id,
    publicId: id,
    docNo,
    entry: { ...(template.entry as Doc), docNo },
    publishAt,
  };
}

export async function measureScheduler(): Promise<string> {
  await build({ quiet: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-scheduler-'));
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: true,
    mode: 'dev',
    strictIndexes: true,
    timers: false,
    logSink: () => undefined,
  });
  const log = console.log;
  console.log = () => undefined;
  const runs: Array<{ ms: number; published: number; leased: boolean }> = [];
  let ids: string[] = [];
  let counts = new Map<string, number>();
  let stillApproved = 0;
  try {
    const store = databaseOf(emu.ctx);
    const dueAt = Date.now() + 3600_000;
    const due = new Date(dueAt).toISOString();
    const template = await approvedTemplate(emu, due);
    ids = [String(template._id)];
    for (let i = 1; i < ENTRIES; i += 1000) {
      const docs: Doc[] = [];
      for (let k = i; k < Math.min(i + 1000, ENTRIES); k++) docs.push(clone(template, k, due));
      store.insert('publicationEntries', docs);
      ids.push(...docs.map((d) => String(d._id)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // An hour later (the emulator's clock): all of them are due.
    await fetch(`${emu.url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(dueAt + 60_000).toISOString() }),
    });
    emu.ctx.options.dbLatency = ASSUMED_LATENCY;
    for (let n = 0; n < MAX_RUNS; n++) {
      const t = performance.now();
      const res = await fetch(`${emu.url}/timer/scheduler`, { method: 'POST', body: '{}' });
      const body = (await res.json()) as { ok: boolean; data?: Data };
      const ms = performance.now() - t;
      const publish = body.data?.['publication.publishDue']?.data as Data | undefined;
      runs.push({ ms, published: publish?.published ?? 0, leased: !!body.data?.run?.leased });
      log(`scheduler: run ${n + 1}: ${(ms / 1000).toFixed(1)} s, published ${publish?.published ?? 0}`);
      if (publish && publish.more === false && publish.published === 0) break;
    }
    emu.ctx.options.dbLatency = undefined;
    counts = new Map();
    for (const e of store.find('sys_events', { action: 'publication.publish' })) {
      const [collection, id] = String(e.entity).split('/');
      if (collection === 'publicationEntries') counts.set(id!, (counts.get(id!) ?? 0) + 1);
    }
    stillApproved = store.find('publicationEntries', { status: 'approved' }).length;
  } finally {
    console.log = log;
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const working = runs.filter((r) => r.published > 0);
  const twice = ids.filter((id) => (counts.get(id) ?? 0) > 1).length;
  const skipped = ids.filter((id) => (counts.get(id) ?? 0) === 0).length;
  const longest = Math.max(...runs.map((r) => r.ms));
  const total = runs.reduce((a, r) => a + r.ms, 0);
  return [
    BEGIN,
    '## Scheduler: 10k entries falling due at once (bench/scheduler.ts)',
    '',
    `${ENTRIES} approved entries due at the same time, the database at ${ASSUMED_LATENCY.ms} ms per round trip ` +
      `(+ up to ${ASSUMED_LATENCY.jitterMs} ms jitter), the scheduler's timer fired one run after another ` +
      `(each run holds the \`scheduler\` lease and stops at its budget: the function's 60 s time limit less the ` +
      `margin, at most 16 s).`,
    '',
    '| runs that published | runs in all | longest run | all runs together | published once | twice | skipped | still approved |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${working.length} | ${runs.length} | ${(longest / 1000).toFixed(1)} s | ${(total / 1000).toFixed(0)} s | ` +
      `${ids.length - twice - skipped} | ${twice} | ${skipped} | ${stillApproved} |`,
    '',
    `Entries published per run: ${working.map((r) => r.published).join(', ')}.`,
    END,
  ].join('\n');
}

export function withScheduler(text: string, section: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(end + END.length);
}

if (require.main === module) {
  measureScheduler()
    .then((section) => {
      if (ENTRIES === FULL) {
        const file = path.join(__dirname, 'results.md');
        writeFileSync(file, withScheduler(readFileSync(file, 'utf8'), section));
      }
      console.log(section);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
