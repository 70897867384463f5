/**
 * `npx tsx bench/case.ts` (also part of `npm run bench`): the case register's reads at 1k cases and at 100k cases
 * with 1M records, strict index mode on : `case.list` as an officer and as the unit head see it
 * (first page, a stage, a deep cursor) and the staff `dashboard` the app calls (late hand-overs, legal time limits,
 * cases with open failures: server/features/case/dashboard.ts). Medians of several runs; the 100k/1k ratio should
 * stay under 3×. Then registering a 100 MB file's hash (server/features/case/files.ts): bytes/s and the memory it
 * grows by. Rewrites the case section of bench/results.md when run at 100k (a smaller run only prints).
 *
 * Cases and records are inserted straight into the emulator's store, cloned from the demo cases and records the
 * seed made through the real actions (emulator/seed/cases.ts), newest first: case i was opened i × 50 minutes ago,
 * so 1k cases are the last five weeks' work and 100k about nine and a half years. The newest 1000 are open (the
 * work in hand, at both sizes); the older ones are closed, every record received. Among the open cases ≈5% have a
 * record handed over late and ≈3% have failing checks; among the closed ≈0.5% kept a failure. Cases are spread
 * over the enforcement unit's two 大队 and 20 officers each (every case has two); each case has 10 records.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { databaseOf, type Doc } from '../emulator/db';
import { hashStream } from '../server/features/case/files';
import { setFailures } from '../server/features/case/model';
import { breathe, callFn, measure, Rows, runMain, RUNS, SIZES, startBench, type Data } from './harness';

const SECTION_NAME = 'case';
const DAY = 86_400_000;
/** One case every 50 minutes: 100k cases span about 9.5 years, the newest 1000 about five weeks. */
const STEP_MS = 50 * 60_000;
/** The newest cases are open (the work in hand); older ones are closed. */
const ACTIVE = 1000;
const UNIT = 'unit_enforcement';
const SECTIONS = ['sec_dept_1', 'sec_dept_2'] as const;
const OFFICERS_PER_SECTION = 20;
const UNIT_HEAD = 'demo-unit-head';
const OFFICER = { openid: 'demo-officer-1', staffId: 'stf_officer_1' };

export interface CaseBenchOptions {
  sizes?: readonly number[];
  runs?: number;
  recordsPerCase?: number;
  /** Bytes of the generated file whose hash is registered (0: skip). */
  hashBytes?: number;
  /** Build the function bundles first (the test's global setup has built them already). */
  build?: boolean;
}

const hex24 = (i: number) => i.toString(16).padStart(24, '0');
/** Deterministic spreads in [0, m), no clustering by insertion order. */
const spread = (i: number, prime: number, m = 100) => (i * prime) % m;
const plainDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** Officer k of a section; the demo officers of 一大队 and 二大队 are officer 0, so their own lists are real. */
function staffIdOf(section: number, k: number): string {
  if (k === 0) return section === 0 ? OFFICER.staffId : 'stf_officer_2';
  return `stf_bench_${section}_${k}`;
}

interface Clock {
  startedOn: string;
  dueDate: string;
  pausedOn: null;
  pausedDays: number;
  extendedDays: number;
  stoppedOn: string | null;
  period: { days: number } | { workingDays: number };
  provisional: boolean;
}

const clock = (start: number, days: number, stopped: number | null, working = false): Clock => ({
  startedOn: plainDate(start),
  dueDate: plainDate(start + days * DAY),
  pausedOn: null,
  pausedDays: 0,
  extendedDays: 0,
  stoppedOn: stopped === null ? null : plainDate(stopped),
  period: working ? { workingDays: days } : { days },
  provisional: false,
});

export interface Templates {
  cases: Record<string, Doc>;
  records: Doc[];
}

/** The i-th generated case and its records, cloned from the seeded ones. */
export function caseWithRecords(t: Templates, i: number, now: number, perCase: number): [Doc, Doc[]] {
  const r = spread(i, 7919);
  const kind = r < 55 ? 'inspection' : r < 90 ? 'penalty' : 'coercion';
  const template = t.cases[kind]!;
  const id = `case_${hex24(i + 1)}`;
  const opened = now - 2 * 3600_000 - i * STEP_MS;
  const openedAt = new Date(opened);
  const open = i < ACTIVE;
  const section = spread(i, 104_729, 2);
  const a = spread(i, 7907, OFFICERS_PER_SECTION);
  const b = (a + 1 + spread(i, 7901, OFFICERS_PER_SECTION - 1)) % OFFICERS_PER_SECTION;
  const staffIds = [staffIdOf(section, a), staffIdOf(section, b)];
  const officers = template.officers as Doc[];
  const late = open && spread(i, 37) < 5;
  const lastWorkEnd = opened + 3600_000;
  const clocks: Record<string, Clock> = {};
  const pending: Array<{ recordId: string; by: string; title: string }> = [];
  const records: Doc[] = [];
  for (let j = 0; j < perCase; j++) {
    const rt = t.records[j % t.records.length]!;
    const rid = `rec_${hex24(i * perCase + j + 1)}`;
    const workEnded = lastWorkEnd - (perCase - j) * 60_000;
    // A case of the last day has its last two records still on their way (due in 2 working days); a late case's
    // first record stays with the officer past its due date.
    const withOfficer = (late && j === 0) || (open && now - opened < DAY && j >= perCase - 2);
    const registeredAt = new Date(workEnded + 3600_000);
    const receivedAt = withOfficer ? null : new Date(workEnded + DAY);
    clocks[`handover:${rid}`] = clock(workEnded, 2, receivedAt ? receivedAt.getTime() : null, true);
    if (withOfficer) pending.push({ recordId: rid, by: staffIds[0]!, title: rt.title as string });
    records.push({
      ...rt,
      _id: rid,
      _rev: 2,
      caseId: id,
      caseNo: '',
      sectionId: SECTIONS[section],
      partyId: `pty_${hex24(i % 60_000)}`,
      workEndedAt: new Date(workEnded),
      registeredAt,
      registeredBy: staffIds[0],
      handoverDueDate: clocks[`handover:${rid}`]!.dueDate,
      receivedAt,
      receivedBy: receivedAt ? 'stf_custodian' : null,
      sortKey: `${registeredAt.toISOString()}_${rid}`,
      createdAt: registeredAt,
      updatedAt: receivedAt ?? registeredAt,
    });
  }
  const closedOn = open ? null : opened + 60 * DAY;
  if (kind === 'penalty') clocks.decision = clock(opened, 90, closedOn);
  if (kind === 'coercion') clocks.coercion = clock(opened, 30, closedOn);
  const due = Object.values(clocks)
    .filter((c) => !c.stoppedOn)
    .map((c) => c.dueDate)
    .sort();
  const caseNo = `${(template.caseNo as string).replace(/〔\d+〕\d+号$/, '')}〔${openedAt.getUTCFullYear()}〕${i + 1}号`;
  for (const rec of records) rec.caseNo = caseNo;
  const failures = open ? (spread(i, 53) < 3 ? 1 + (i % 2) : 0) : spread(i, 53, 1000) < 5 ? 1 : 0;
  const wf = template._wf as Doc;
  const kase: Doc = {
    ...template,
    _id: id,
    _rev: 1 + perCase,
    caseNo,
    stage: open ? template.stage : 'closed',
    sectionId: SECTIONS[section],
    partyId: `pty_${hex24(i % 60_000)}`,
    officers: officers.map((o, k) => ({ ...o, staffId: staffIds[k] ?? null })),
    officerStaffIds: staffIds,
    openedAt,
    pendingHandovers: pending,
    sortKey: `${openedAt.toISOString()}_${id}`,
    _wf: { ...wf, clocks, nextDue: due[0] ?? null, provisionalDue: false },
    createdAt: openedAt,
    updatedAt: new Date(closedOn ?? lastWorkEnd + DAY),
  };
  // The failure count and, with failures, the key the dashboard reads them by, as the case's last step stores them.
  setFailures(kase, failures, id, kase.updatedAt as Date);
  delete kase._chain;
  for (const rec of records) delete rec._chain;
  return [kase, records];
}

export interface HashingFigures {
  bytes: number;
  bytesPerSecond: number;
  /** Peak growth of the process's resident memory over its start, as a function would see it (garbage included). */
  peakRssGrowth: number;
  /** Peak growth of resident memory when garbage is collected before each sample: what the path holds. */
  peakRssGrowthCollected: number;
  /** Peak growth of the JS heap in use, collected before each sample. */
  peakHeapGrowth: number;
}

/** A full collection (V8's gc exposed at run time, so the bench needs no node flag). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Hashes `bytes` generated in 64 KB chunks through the register's hashing path as `storeAndHash` runs it for
 * `record.register` (the download's web stream hashed chunk by chunk while spooled to temporary disk), sampling
 * memory every 4 MB: speed and resident memory in a plain pass, live memory in a pass that collects garbage before
 * each sample. Nothing holds the file: neither the generator nor the path.
 */
export async function measureHashing(bytes: number): Promise<HashingFigures> {
  const plain = await hashOnce(bytes, false);
  const collected = await hashOnce(bytes, true);
  return {
    ...plain,
    peakRssGrowthCollected: collected.peakRssGrowth,
    peakHeapGrowth: collected.peakHeapGrowth,
  };
}

/** One pass; `collect`: a full collection before each sample (live memory; slower, so its speed is not used). */
async function hashOnce(bytes: number, collect: boolean): Promise<HashingFigures> {
  const CHUNK = 64 * 1024;
  const gc = collector();
  // External buffers are freed by V8's background sweeper some time after a collection, so only the JS heap is
  // read as live memory; resident memory shows the rest.
  const live = () => process.memoryUsage().heapUsed;
  gc();
  const baseRss = process.memoryUsage().rss;
  const baseLive = live();
  let peakRss = baseRss;
  let peakLive = baseLive;
  async function* generate() {
    for (let sent = 0, n = 0; sent < bytes; n++) {
      const size = Math.min(CHUNK, bytes - sent);
      const chunk = new Uint8Array(size); // a fresh chunk each time, as a network stream delivers them
      chunk.fill(n & 0xff);
      sent += size;
      yield chunk;
      if (n % 64 === 63) {
        if (collect) gc();
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        peakLive = Math.max(peakLive, live());
      }
    }
  }
  const body = Readable.toWeb(Readable.from(generate(), { objectMode: false }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-hash-'));
  const out = createWriteStream(path.join(dir, 'upload'));
  const t = performance.now();
  let hashed: { sha256: string; size: number };
  try {
    hashed = await hashStream(Readable.fromWeb(body as never), async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    });
  } finally {
    out.end();
    await once(out, 'close');
    await rm(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t) / 1000;
  if (hashed.size !== bytes) throw new Error(`hashed ${hashed.size} of ${bytes} bytes`);
  return {
    bytes,
    bytesPerSecond: bytes / seconds,
    peakRssGrowth: peakRss - baseRss,
    peakRssGrowthCollected: 0,
    peakHeapGrowth: peakLive - baseLive,
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function hashingSection(figures: HashingFigures[]): string[] {
  return [
    "### Registering a large file's hash",
    '',
    "`hashStream` of server/features/case/files.ts as `storeAndHash` runs it for `record.register`: the download's web",
    'stream hashed chunk by chunk while spooled to temporary disk (the fetch and the upload around it are not',
    'measured). A generated file streamed in fresh 64 KB chunks, memory sampled every 4 MB: the growth of resident',
    'memory over the start and the speed in a plain pass (what a function sees: chunks already dropped that V8 has',
    'not collected yet count too), then resident memory and the JS heap in a second pass that collects garbage before',
    'each sample (what the path holds). Flat means a growth that does not follow the file size; 200 MB is the largest',
    'file the register keeps (MAX_RECORD_FILE_BYTES).',
    '',
    '| file MB | MB/s | peak RSS growth MB | peak RSS growth, garbage collected, MB | peak JS heap growth MB |',
    '|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${mb(f.bytes)} | ${mb(f.bytesPerSecond)} | ${mb(f.peakRssGrowth)} | ${mb(f.peakRssGrowthCollected)} | ${mb(f.peakHeapGrowth)} |`,
    ),
  ];
}

export async function measureCase(options: CaseBenchOptions = {}): Promise<string> {
  const sizes = options.sizes ?? SIZES;
  const runs = options.runs ?? RUNS;
  const perCase = options.recordsPerCase ?? 10;
  // Hashing first, in a process not yet grown by the emulator's data.
  const big = options.hashBytes ?? 100 * 1024 * 1024;
  const hashing: string[] = [];
  if (big > 0) {
    const figures: HashingFigures[] = [];
    for (const bytes of [big / 10, big, 2 * big]) figures.push(await measureHashing(bytes));
    hashing.push(...hashingSection(figures));
  }
  const bench = await startBench('case', { build: options.build });
  const rows = new Rows();
  const notes: string[] = [];
  try {
    const store = databaseOf(bench.emu.ctx);
    const scanned = () => store.scannedDocuments();
    const seeded = store.find('cases', {});
    const templates: Templates = {
      cases: Object.fromEntries(seeded.map((c) => [c.kind as string, c])),
      records: store.find('case_records', {}),
    };
    const now = Date.now();
    let inserted = 0;
    for (const size of sizes) {
      const t = performance.now();
      while (inserted < size) {
        const cases: Doc[] = [];
        let records: Doc[] = [];
        for (let k = 0; k < 100 && inserted < size; k++, inserted++) {
          const [kase, recs] = caseWithRecords(templates, inserted, now, perCase);
          cases.push(kase);
          records.push(...recs);
          if (records.length >= 1000) {
            store.insert('case_records', records.slice(0, 1000));
            records = records.slice(1000);
          }
        }
        store.insert('cases', cases);
        if (records.length) store.insert('case_records', records);
        await breathe();
      }
      const insertS = (performance.now() - t) / 1000;
      bench.log(`case: ${size} cases inserted in ${insertS.toFixed(1)} s`);
      notes.push(
        `${size} cases and ${store.count('case_records', {})} records inserted in ${insertS.toFixed(1)} s.`,
      );
      const deepOf = (filter: Doc) => {
        const n = store.count('cases', filter);
        return store.find('cases', filter, {
          sort: [{ field: 'sortKey', direction: -1 }],
          skip: Math.floor(n * 0.8),
          limit: 1,
        })[0]!.sortKey as string;
      };
      const head = (payload: unknown) => () =>
        callFn(bench.emu, 'staff', UNIT_HEAD, 'case.list', { pageSize: 20, ...(payload as object) });
      const mine = (payload: unknown) => () =>
        callFn(bench.emu, 'staff', OFFICER.openid, 'case.list', { pageSize: 20, ...(payload as object) });
      const dashboard = () => callFn(bench.emu, 'staff', UNIT_HEAD, 'dashboard', {});
      const cases: Array<[string, string, () => Promise<Data>]> = [
        ['case.list', 'officer, first page', mine({})],
        [
          'case.list',
          'officer, deep cursor (80% down)',
          mine({ cursor: deepOf({ officerStaffIds: OFFICER.staffId }) }),
        ],
        ['case.list', 'unit head, first page', head({})],
        ['case.list', 'unit head, stage priorNotice', head({ stage: 'priorNotice' })],
        ['case.list', 'unit head, deep cursor (80% down)', head({ cursor: deepOf({ unitId: UNIT }) })],
        ['dashboard', 'unit head (hand-overs, limits, failures)', dashboard],
      ];
      for (const [action, c, run] of cases) {
        const answer = await run();
        if (action === 'case.list' && (answer.items as unknown[]).length === 0)
          throw new Error(`${action} ${c}: empty page`);
        await measure(rows, scanned, action, c, run, runs);
      }
      const board = await dashboard();
      const found = (board.providers as Array<{ id: string; counts: { total: number }; truncated: boolean }>)
        .filter((p) => p.id.startsWith('case.'))
        .map((p) => `${p.id} ${p.counts.total}${p.truncated ? ' (cut at 200)' : ''}`);
      // The cases being worked on lead the failures' list (most recently changed first): every open one is on it.
      const listed = new Set(
        (board.sections as Array<{ people: Array<{ items: Array<{ provider: string; ref?: string }> }> }>)
          .flatMap((sec) => sec.people.flatMap((p) => p.items))
          .filter((i) => i.provider === 'case.findings')
          .map((i) => i.ref),
      );
      const openFailing = store.find('cases', { stage: { $ne: 'closed' }, failureKey: { $gt: '' } });
      const openListed = openFailing.filter((c) => listed.has(`case:${c._id as string}`)).length;
      notes.push(
        `The dashboard at ${size} cases lists: ${found.join(', ')}; open cases with failures listed: ` +
          `${openListed} of ${openFailing.length}.`,
      );
      bench.log(`case: ${size} cases measured`);
    }
  } finally {
    await bench.close();
  }
  return [
    `<!-- ${SECTION_NAME} -->`,
    '## Case register: case.list, the dashboard, hashing a large file (bench/case.ts)',
    '',
    `The real actions through the built \`staff\` function, strict index mode on, at ${sizes.join(' and ')} cases with`,
    `${perCase} records each; median of ${runs} calls after 3 warm-ups, ms (${os.cpus().length} cores, Node ${process.version},`,
    `${new Date().toISOString().slice(0, 10)}). The newest ${ACTIVE} cases are open at every size (the work in hand), older`,
    'ones closed; ≈5% of the open ones have a late hand-over, ≈3% failing checks, ≈0.5% of the closed ones a',
    'failure kept. The officer is on ≈5% of the cases; the unit head sees the whole unit. Target ratio under 3×;',
    '"documents read" is what one call read from the store (emulator counter), per size.',
    '',
    ...rows.table(sizes),
    '',
    ...notes,
    '',
    ...hashing,
    `<!-- /${SECTION_NAME} -->`,
  ].join('\n');
}

if (require.main === module) runMain(SECTION_NAME, () => measureCase(), SIZES.includes(100_000));
