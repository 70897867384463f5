/**
 * `npx tsx bench/round-trips.ts` (also part of `npm run bench`): how many /admin round trips the real SDK makes per
 * operation kind, counted from the emulator's call log, and what each costs at an assumed CloudBase database
 * latency (DB_LATENCY_MS). Rewrites the round-trip section of bench/results.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startEmulator } from '../emulator/app';
import type { DbLatency } from '../emulator/context';

/**
 * Assumed round trip from a cloud function to the CloudBase database in the same region (an assumption, not a
 * measurement of the service): 20 ms plus up to 10 ms jitter.
 */
export const ASSUMED_LATENCY: DbLatency = { ms: 20, jitterMs: 10, seed: 1 };
const RUNS = 5;
const BEGIN = '<!-- round-trips -->';
const END = '<!-- /round-trips -->';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

function operations(db: Db): Array<[string, (i: number) => Promise<unknown>]> {
  const _ = db.command;
  const c = () => db.collection('bench_items');
  const at = new Date('2026-01-01T00:00:00Z');
  return [
    ['add one document', (i) => c().add({ _id: `one-${i}`, status: 'rare', createdAt: at })],
    [
      'add 100 documents (one call)',
      (i) =>
        c().add(
          Array.from({ length: 100 }, (_x, k) => ({ _id: `many-${i}-${k}`, status: 'other', createdAt: at })),
        ),
    ],
    ['doc(id).get()', (i) => c().doc(`one-${i}`).get()],
    [
      'where().orderBy().limit(20).get()',
      () => c().where({ status: 'other' }).orderBy('createdAt', 'desc').limit(20).get(),
    ],
    ['where().count()', () => c().where({ status: 'other' }).count()],
    [
      'doc(id).update()',
      (i) =>
        c()
          .doc(`one-${i}`)
          .update({ n: _.inc(1) }),
    ],
    [
      'where({_id, field}).update() (conditional)',
      (i) =>
        c()
          .where({ _id: `one-${i}`, status: 'rare' })
          .update({ m: 1 }),
    ],
    ['doc(id).set()', (i) => c().doc(`one-${i}`).set({ status: 'rare', createdAt: at })],
    [
      'aggregate().match().group().end()',
      () =>
        c()
          .aggregate()
          .match({ status: 'rare' })
          .group({ _id: '$status', n: { $sum: 1 } })
          .end(),
    ],
    ['doc(id).remove()', (i) => c().doc(`one-${i}`).remove()],
    ['startTransaction() + rollback()', async () => (await db.startTransaction()).rollback()],
    [
      'runTransaction: get + 2 updates + add',
      (i) =>
        db.runTransaction(async (t: { collection: Db['collection'] }) => {
          await t.collection('bench_items').doc(`many-${i}-0`).get();
          await t
            .collection('bench_items')
            .doc(`many-${i}-0`)
            .update({ n: _.inc(1) });
          await t
            .collection('bench_items')
            .doc(`many-${i}-1`)
            .update({ n: _.inc(-1) });
          await t.collection('bench_items').add({ _id: `txlog-${i}`, status: 'other', createdAt: at });
        }),
    ],
  ];
}

export async function measureRoundTrips(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-rt-'));
  let calls = 0;
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: false,
    mode: 'dev',
    strictIndexes: true,
    timers: false,
    functionsDir: path.join(__dirname, 'functions'),
    logSink: (line) => {
      if ((JSON.parse(line) as { kind?: string }).kind === 'admin') calls += 1;
    },
    dbLatency: ASSUMED_LATENCY,
  });
  const db = tcb.init({ env: 'local', secretId: 'bench', secretKey: 'bench' }).database();
  const rows: string[] = [];
  try {
    for (const [label, op] of operations(db)) {
      const counts = new Set<number>();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = calls;
        const t = performance.now();
        await op(i);
        times.push(performance.now() - t);
        counts.add(calls - before);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] as number;
      rows.push(`| ${label} | ${[...counts].join(' or ')} | ${median.toFixed(0)} |`);
    }
  } finally {
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const { ms, jitterMs } = ASSUMED_LATENCY;
  return [
    BEGIN,
    '## Round trips per operation (real SDK, counted /admin calls)',
    '',
    `Assumed database round trip: ${ms} ms + up to ${jitterMs} ms jitter (\`DB_LATENCY_MS=${ms} DB_LATENCY_JITTER_MS=${jitterMs}\`;`,
    'an assumption for a function and its database in one region, not a measurement of CloudBase). Each /admin',
    `call is one round trip; a transaction's every step is one. Median of ${RUNS} runs with that latency on.`,
    '',
    '| operation | /admin calls | median ms at the assumed latency |',
    '|---|---:|---:|',
    ...rows,
    END,
  ].join('\n');
}

/** Puts the round-trip section into results.md text, replacing an earlier one. */
export function withRoundTrips(text: string, section: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(end + END.length);
}

if (require.main === module) {
  measureRoundTrips()
    .then((section) => {
      const file = path.join(__dirname, 'results.md');
      writeFileSync(file, withRoundTrips(readFileSync(file, 'utf8'), section));
      console.log(section);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
