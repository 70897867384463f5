/**
 * `npm run bench`: median latency of filtered, sorted, cursor-paged list queries at 1k and 100k documents, with a
 * filter matching about 1% and about 20% of them, first page and a deep cursor, raw through the real SDK and
 * through a function call. Medians of several runs, since the machines are shared and noisy. Then the SDK's round
 * trips per operation kind at an assumed database latency (round-trips.ts), and the audit trail's figures at that
 * latency: commits per second against the single-head design of before, the sequencer, ledger.verify (ledger.ts);
 * the real list actions through the built functions at 1k and 100k complaints (actions.ts), publication.list at 1k
 * and 100k entries (publication.ts), and the case register's case.list and dashboard at 1k and 100k cases with 1M
 * records and the hashing of a 100 MB file (case.ts); the redaction engine's throughput (redaction.ts); the
 * scheduler publishing 10k entries that fall due at once, in runs (scheduler.ts).
 * Writes bench/results.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../emulator/app';
import { databaseOf } from '../emulator/db';
import { measureActions, withActions } from './actions';
import { measureCase } from './case';
import { breathe, withSection } from './harness';
import { measureLedger, withLedger } from './ledger';
import { measurePublication, withPublication } from './publication';
import { measureRedaction, withRedaction } from './redaction';
import { measureRoundTrips, withRoundTrips } from './round-trips';
import { measureScheduler, withScheduler } from './scheduler';

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const SELECTIVITY = [
  { label: '≈1%', status: 'rare', share: 0.01 },
  { label: '≈20%', status: 'common', share: 0.2 },
];
const PAGE = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

interface Row {
  docs: number;
  filter: string;
  page: string;
  via: string;
  medianMs: number;
  p90Ms: number;
}

function statusFor(i: number): string {
  const r = (i * 7919) % 100; // deterministic spread, no clustering by insertion order
  if (r < 1) return 'rare';
  if (r < 21) return 'common';
  return 'other';
}

async function timeIt(fn: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  if (process.env.BENCH_DEBUG) console.log(samples.map((s) => s.toFixed(1)).join(' '));
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p90: samples[Math.floor(samples.length * 0.9)]!,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: false,
    mode: 'dev',
    strictIndexes: true, // every benchmarked query must be served by a declared index
    timers: false,
    functionsDir: path.join(__dirname, 'functions'),
    logSink: () => undefined,
  });
  const db = tcb.init({ env: 'local', secretId: 'bench', secretKey: 'bench' }).database();
  const _ = db.command;
  const rows: Row[] = [];
  console.error(`${new Date().toISOString()} bench: list queries`);
  try {
    const store = databaseOf(emu.ctx);
    let inserted = 0;
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (const size of SIZES) {
      while (inserted < size) {
        const batch = [];
        for (let i = 0; i < 1000 && inserted < size; i++, inserted++) {
          batch.push({
            status: statusFor(inserted),
            createdAt: new Date(base + inserted * 1000),
            title: `条目 ${inserted}`,
          });
        }
        store.insert('bench_items', batch);
        // Let the server run between batches: idle keep-alive sockets then close cleanly, not under a request.
        await breathe();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const sel of SELECTIVITY) {
        const matching = store.count('bench_items', { status: sel.status });
        const deepIndex = Math.floor(matching * 0.8);
        const deepDoc = store.find(
          'bench_items',
          { status: sel.status },
          { sort: [{ field: 'createdAt', direction: -1 }], skip: deepIndex, limit: 1 },
        )[0];
        const deepCursor = new Date(deepDoc!.createdAt as Date).toISOString();
        for (const [page, cursor] of [
          ['first page', null],
          [`deep cursor (${deepIndex}th match)`, deepCursor],
        ] as const) {
          const raw = await timeIt(async () => {
            const where: Record<string, unknown> = { status: sel.status };
            if (cursor) where.createdAt = _.lt(new Date(cursor));
            const res = await db
              .collection('bench_items')
              .where(where)
              .orderBy('createdAt', 'desc')
              .limit(PAGE)
              .get();
            if ((res.data as unknown[]).length === 0) throw new Error('empty page');
          });
          rows.push({
            docs: size,
            filter: `${sel.label} (${matching})`,
            page,
            via: 'SDK',
            medianMs: raw.median,
            p90Ms: raw.p90,
          });
          const viaFn = await timeIt(async () => {
            const res = await fetch(`${emu.url}/fn/benchlist`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ status: sel.status, cursor, pageSize: PAGE }),
            });
            const body = (await res.json()) as { ok: boolean; data?: { items: unknown[] } };
            if (!body.ok || body.data!.items.length === 0) throw new Error('function call failed');
          });
          rows.push({
            docs: size,
            filter: `${sel.label} (${matching})`,
            page,
            via: 'function',
            medianMs: viaFn.median,
            p90Ms: viaFn.p90,
          });
        }
      }
    }
  } finally {
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const table = [
    '| documents | filter (matches) | page | via | median ms | p90 ms |',
    '|---:|---|---|---|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.docs} | ${r.filter} | ${r.page} | ${r.via} | ${r.medianMs.toFixed(2)} | ${r.p90Ms.toFixed(2)} |`,
    ),
  ].join('\n');
  const ratio = (docs: number) => {
    const m = rows.filter((r) => r.docs === docs && r.via === 'SDK').map((r) => r.medianMs);
    return m.reduce((a, b) => a + b, 0) / m.length;
  };
  const summary = `Mean of SDK medians, 100k vs 1k documents: ${(ratio(100_000) / ratio(1_000)).toFixed(2)}× (an index-served query should stay near 1×).`;
  const text = `# Benchmark: cursor-paged list queries on the emulator\n\nGenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, Node ${process.version}); ${RUNS} timed runs per row after 3 warm-ups, page size ${PAGE}, strict index mode on (index \`status_createdAt\` of \`bench_items\`). Figures are medians; the machine is shared and noisy, so compare ratios rather than absolute values.\n\n${table}\n\n${summary}\n`;
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    console.error(`${new Date().toISOString()} bench: ${name}`);
    return fn();
  };
  const roundTrips = await phase('round trips', measureRoundTrips);
  const ledger = await phase('ledger', measureLedger);
  const actions = await phase('actions', measureActions);
  const publication = await phase('publication', measurePublication);
  const kase = await phase('case', () => measureCase());
  const redaction = await phase('redaction', measureRedaction);
  const scheduler = await phase('scheduler', measureScheduler);
  const full = withScheduler(
    withRedaction(
      withSection(
        withPublication(
          withActions(withLedger(withRoundTrips(text, roundTrips), ledger), actions),
          publication,
        ),
        'case',
        kase,
      ),
      redaction,
    ),
    scheduler,
  );
  writeFileSync(path.join(__dirname, 'results.md'), full);
  console.log(full);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
