/**
 * `npx tsx bench/actions.ts` (also part of `npm run bench`): the real list actions through their functions (the
 * bundles in cloudfunctions/, built first), at 1k and 100k complaints and officers, strict index
 * mode on: `complaint.queue` (all, by status, the caller's own, a deep cursor), `complaint.mine`, the dashboard
 * and `officer.list`. Medians of several runs and the 100k/1k ratio, which should stay under 3×. Rewrites the
 * actions section of bench/results.md.
 *
 * Complaints are inserted straight into the emulator's store, cloned from one submitted through
 * `complaint.submit` (so they carry every field the actions read). A fixed set of open items among the first 1000
 * is due; the rest are due weeks ahead or closed, as in a real register, so the dashboard has the same work at
 * both sizes and only what it must read would grow.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/app';
import { databaseOf } from '../emulator/db';
import type { Doc } from '../emulator/db/ejson';
import { build } from '../scripts/build';

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const BEGIN = '<!-- actions -->';
const END = '<!-- /actions -->';
const DAY = 86_400_000;
const UNIT_HEAD = { openid: 'demo-unit-head', staffId: 'stf_unit_head' };
const CITIZEN = 'bench-citizen';
/** The bench citizen's complaints: the same number at every size (a citizen has a few, not a share). */
const CITIZEN_COMPLAINTS = 30;

type Fn = 'public' | 'citizen' | 'staff';

async function callFn(emu: RunningEmulator, fn: Fn, openid: string, action: string, payload: unknown) {
  const res = await fetch(`${emu.url}/fn/${fn}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-WX-OPENID': openid,
      'X-WX-APPID': emu.ctx.options.appId,
    },
    body: JSON.stringify({ action, payload, requestId: randomUUID() }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: { code: string; message: string };
  };
  if (!body.ok) throw new Error(`${fn} ${action}: ${body.error?.code} ${body.error?.message}`);
  return body.data;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const plainDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hex24 = (i: number) => i.toString(16).padStart(24, '0');
/** Deterministic spread, no clustering by insertion order. */
const spread = (i: number) => (i * 7919) % 100;

/** The i-th generated complaint, cloned from a real one; `today` decides which open items are due. */
function complaintDoc(template: Doc, i: number, ownerRef: string, sectionId: string, today: number): Doc {
  const r = spread(i);
  const status = r < 5 ? 'submitted' : r < 15 ? 'accepted' : r < 20 ? 'rejected' : 'closed';
  const receivedAt = new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000);
  const id = `cmp_${hex24(i + 1)}`;
  // A fixed set is due (among the first 1000: as many at 100k as at 1k), the other open items weeks ahead.
  const due = i < 1000 && i % 10 === 0;
  const open = (offsetDays: number) => plainDate(today + (due ? offsetDays - 20 : offsetDays + 20) * DAY);
  const report = i % 3 === 0;
  const feedbackState = status === 'accepted' && report ? 'due' : status === 'closed' ? 'given' : 'notOwed';
  return {
    ...template,
    _id: id,
    _rev: 1,
    trackingNo: `TS20250101-${hex24(i).slice(-6).toUpperCase()}`,
    ownerRef: i < CITIZEN_COMPLAINTS ? ownerRef : `bench-owner-${i}`,
    kind: report ? 'report' : 'complaint',
    status,
    sectionIds: status === 'submitted' ? [] : [sectionId],
    handlerIds: status === 'submitted' ? [] : [i % 50 === 1 ? UNIT_HEAD.staffId : `stf_bench_${i % 7}`],
    receivedAt,
    acceptanceDueDate: status === 'submitted' ? open(i % 15) : plainDate(receivedAt.getTime() + 9 * DAY),
    handlingDueDate: status === 'accepted' ? open(i % 25) : null,
    feedbackState,
    feedbackDueDate: feedbackState === 'due' ? open(i % 5) : null,
    sortKey: `${receivedAt.toISOString()}_${id}`,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
}

function officerDoc(template: Doc, i: number): Doc {
  const certNo = `6${String(i).padStart(13, '0')}`;
  return {
    ...template,
    _id: `officer-bench-${i}`,
    certNo,
    name: `执法员${i}`,
    shortId: `B${hex24(i).slice(-10).toUpperCase()}`,
    staffId: null,
  };
}

interface Row {
  action: string;
  case: string;
  medians: number[];
  /** Documents one call read from the store, per size. */
  scanned: number[];
}

export async function measureActions(): Promise<string> {
  await build({ quiet: true }); // measure the bundles of the code as it is now
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-actions-'));
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: true,
    mode: 'dev',
    strictIndexes: true, // every query an action makes must be served by a declared index
    timers: false,
    logSink: (line) => (process.env.BENCH_DEBUG ? process.stderr.write(line + '\n') : undefined),
  });
  // The functions run in this process and log a line per call: keep the bench's output readable.
  const log = console.log;
  console.log = () => undefined;
  const rows = new Map<string, Row>();
  const record = (action: string, c: string, scanned: number, ms: number) => {
    const key = `${action}|${c}`;
    const row = rows.get(key) ?? { action, case: c, medians: [], scanned: [] };
    row.medians.push(ms);
    row.scanned.push(scanned);
    rows.set(key, row);
  };
  try {
    const store = databaseOf(emu.ctx);
    const submitted = await callFn(emu, 'citizen', CITIZEN, 'complaint.submit', {
      kind: 'report',
      category: '公共场所',
      subject: { name: '某某游泳馆', address: '万州区某某路 88 号' },
      description: '游泳池水浑浊有异味，没有消毒记录。',
      contact: { anonymous: false, name: '欧阳明远', phone: '13987654321' },
    });
    const template = store.find('complaints', { trackingNo: submitted!.trackingNo })[0]!;
    const section = store.find('org_sections', { unitId: template.unitId })[0]!;
    const officerTemplate = store.find('officers', {}, { limit: 1 })[0]!;
    const today = Date.parse(`${plainDate(Date.now() + 8 * 3600_000)}T00:00:00Z`);
    let inserted = 0;
    for (const size of SIZES) {
      for (; inserted < size;) {
        const complaints: Doc[] = [];
        const officers: Doc[] = [];
        for (let k = 0; k < 1000 && inserted < size; k++, inserted++) {
          complaints.push(
            complaintDoc(template, inserted, template.ownerRef as string, section._id as string, today),
          );
          officers.push(officerDoc(officerTemplate, inserted));
        }
        store.insert('complaints', complaints);
        store.insert('officers', officers);
        // Let the server run between batches: idle keep-alive sockets then close cleanly, not under a request.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const unit = { unitId: template.unitId };
      const all = store.count('complaints', unit);
      const deep = store.find('complaints', unit, {
        sort: [{ field: 'sortKey', direction: -1 }],
        skip: Math.floor(all * 0.8),
        limit: 1,
      })[0]!;
      const staff = (payload: unknown) => () =>
        callFn(emu, 'staff', UNIT_HEAD.openid, 'complaint.queue', payload);
      const cases: Array<[string, string, () => Promise<unknown>]> = [
        ['complaint.queue', 'all, first page', staff({ pageSize: 20 })],
        ['complaint.queue', 'status submitted (≈5%)', staff({ status: 'submitted', pageSize: 20 })],
        ['complaint.queue', 'status closed (≈80%)', staff({ status: 'closed', pageSize: 20 })],
        ['complaint.queue', 'mine: true (≈1.6%)', staff({ mine: true, pageSize: 20 })],
        [
          'complaint.queue',
          'all, deep cursor (80% down)',
          staff({ pageSize: 20, cursor: deep.sortKey as string }),
        ],
        [
          'complaint.mine',
          `first page (${CITIZEN_COMPLAINTS + 1} of the caller's)`,
          () => callFn(emu, 'citizen', CITIZEN, 'complaint.mine', { pageSize: 10 }),
        ],
        ['dashboard', 'unit head (principal)', () => callFn(emu, 'staff', UNIT_HEAD.openid, 'dashboard', {})],
        ['officer.list', 'first page', () => callFn(emu, 'public', 'bench-reader', 'officer.list', {})],
        [
          'officer.list',
          'deep cursor (80% down)',
          () =>
            callFn(emu, 'public', 'bench-reader', 'officer.list', {
              cursor: `6${String(Math.floor(size * 0.8)).padStart(13, '0')}`,
            }),
        ],
      ];
      for (const [action, c, run] of cases) {
        if (process.env.BENCH_DEBUG) log(`${size} ${action} ${c}`);
        const before = store.scannedDocuments();
        await run();
        record(action, c, store.scannedDocuments() - before, await timeIt(run));
      }
      log(`actions: ${size} complaints measured`);
    }
  } finally {
    console.log = log;
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const lines = [...rows.values()].map((r) => {
    const ratio = r.medians[r.medians.length - 1]! / r.medians[0]!;
    return `| ${r.action} | ${r.case} | ${r.medians.map((m) => m.toFixed(1)).join(' | ')} | ${ratio.toFixed(2)}× | ${r.scanned.join(' / ')} |`;
  });
  return [
    BEGIN,
    '## List actions through the functions (bench/actions.ts)',
    '',
    `The real actions over HTTP into the built function bundles, strict index mode on, at ${SIZES.join(' and ')} complaints`,
    `(and as many officers); median of ${RUNS} calls after 3 warm-ups, ms, on a shared ${os.cpus().length}-core machine`,
    `(Node ${process.version}, ${new Date().toISOString().slice(0, 10)}). The ratio is the largest size over the smallest; the`,
    'target is under 3×. "documents read" is what one call read from the store (emulator counter), per size.',
    '',
    `| action | case | ${SIZES.map((s) => `median ms @ ${s}`).join(' | ')} | ratio | documents read |`,
    `|---|---|${SIZES.map(() => '---:|').join('')}---:|---|`,
    ...lines,
    END,
  ].join('\n');
}

/** Puts the actions section into results.md text, replacing an earlier one. */
export function withActions(text: string, section: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(end + END.length);
}

if (require.main === module) {
  measureActions()
    .then((section) => {
      const file = path.join(__dirname, 'results.md');
      writeFileSync(file, withActions(readFileSync(file, 'utf8'), section));
      console.log(section);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
