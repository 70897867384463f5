/**
 * `npx tsx bench/publication.ts` (also part of `npm run bench`): `publication.list` through the public function at
 * 1k and 100k published entries, strict index mode on: without a keyword, with a keyword matching ≈1% and ≈20%,
 * by kind, and with a deep cursor; the 100k/1k ratio should stay under 3×. Then a batch approval of 100 entries
 * (`publication.batchApprove`) with its result per entry. Rewrites the publication section of bench/results.md
 * when run at 100k (a smaller run, `BENCH_SIZES=500,1000`, only prints).
 *
 * Public documents are inserted straight into the emulator's store, cloned from one the demo seed published
 * through the actions; the keyword tokens are added to a fixed share of them.
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
const BEGIN = '<!-- publication -->';
const END = '<!-- /publication -->';
const KINDS = ['penalty', 'permit', 'coercion', 'inspection'] as const;

/** The answer's data; the bench reads only a few known fields of it. */
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function callFn(
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

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const hex = (i: number) => i.toString(16).padStart(20, '0');

/** The i-th public document: decision dates spread over ten years, kinds in turn, keyword tokens on a share. */
function publicDoc(template: Doc, i: number): Doc {
  const date = new Date(Date.parse('2016-01-01T00:00:00Z') + ((i * 7919) % 3650) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const id = `pub_${hex(i + 1)}`;
  const tokens = [...(template.tokens as string[])];
  if (i % 100 === 0) tokens.push('kwone');
  if (i % 5 === 0) tokens.push('kwtwenty');
  return {
    ...template,
    _id: id,
    _rev: 1,
    kind: KINDS[i % KINDS.length],
    sortKey: `${date}|2026-01-01T00:00:00.000Z|${id}`,
    tokens,
  };
}

/** 100 entries taken to the principal's queue through the actions (preparer, reviewer, office). */
async function forwardedEntries(emu: RunningEmulator, template: Doc): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const entry = { ...(template.entry as Doc), docNo: `万卫公罚〔2026〕B${i}号` };
    const { id } = await callFn(emu, 'staff', 'demo-officer-3', 'publication.create', { entry });
    await callFn(emu, 'staff', 'demo-officer-3', 'publication.submit', { id });
    await callFn(emu, 'staff', 'demo-leader-2', 'publication.review', { id });
    await callFn(emu, 'staff', 'demo-publisher', 'publication.forward', { id });
    ids.push(id);
  }
  return ids;
}

export async function measurePublication(): Promise<string> {
  await build({ quiet: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-publication-'));
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
  const rows = new Map<string, { c: string; medians: number[]; scanned: number[] }>();
  let batch = '';
  try {
    const store = databaseOf(emu.ctx);
    const template = store.find('publicationPublic', { status: 'published', kind: 'penalty' })[0]!;
    const entryTemplate = store.find('publicationEntries', { docNo: '万卫公罚〔2026〕15号' })[0]!;
    let inserted = 0;
    for (const size of SIZES) {
      while (inserted < size) {
        const docs: Doc[] = [];
        for (let k = 0; k < 1000 && inserted < size; k++, inserted++)
          docs.push(publicDoc(template, inserted));
        store.insert('publicationPublic', docs);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const deep = store.find(
        'publicationPublic',
        {},
        {
          sort: [{ field: 'sortKey', direction: -1 }],
          skip: Math.floor(size * 0.8),
          limit: 1,
        },
      )[0]!;
      const list = (payload: unknown) => () =>
        callFn(emu, 'public', 'bench-reader', 'publication.list', payload);
      const cases: Array<[string, () => Promise<unknown>]> = [
        ['first page, no keyword', list({ pageSize: 20 })],
        ['keyword matching ≈1%', list({ keyword: 'kwone', pageSize: 20 })],
        ['keyword matching ≈20%', list({ keyword: 'kwtwenty', pageSize: 20 })],
        ['kind penalty (≈25%)', list({ kind: 'penalty', pageSize: 20 })],
        ['deep cursor (80% down)', list({ pageSize: 20, cursor: deep.sortKey })],
      ];
      for (const [c, run] of cases) {
        const before = store.scannedDocuments();
        await run();
        const row = rows.get(c) ?? { c, medians: [], scanned: [] };
        row.scanned.push(store.scannedDocuments() - before);
        row.medians.push(await timeIt(run));
        rows.set(c, row);
      }
      log(`publication: ${size} entries measured`);
    }
    const ids = await forwardedEntries(emu, entryTemplate);
    const t = performance.now();
    const answer = await callFn(emu, 'staff', 'demo-principal', 'publication.batchApprove', { ids });
    const ms = performance.now() - t;
    batch =
      `Batch approval of 100 forwarded entries (\`publication.batchApprove\`, approve and publish each): ` +
      `${(ms / 1000).toFixed(1)} s, ${answer.results.length} results, ${answer.approved} approved, ` +
      `${answer.remaining.length} left for a next call.`;
  } finally {
    console.log = log;
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const lines = [...rows.values()].map((r) => {
    const ratio = r.medians[r.medians.length - 1]! / r.medians[0]!;
    return `| publication.list | ${r.c} | ${r.medians.map((m) => m.toFixed(1)).join(' | ')} | ${ratio.toFixed(2)}× | ${r.scanned.join(' / ')} |`;
  });
  return [
    BEGIN,
    '## Publication list and batch approval (bench/publication.ts)',
    '',
    `\`publication.list\` through the public function, strict index mode on, at ${SIZES.join(' and ')} published entries;`,
    `median of ${RUNS} calls after 3 warm-ups, ms (${os.cpus().length} cores, Node ${process.version},`,
    `${new Date().toISOString().slice(0, 10)}). Target ratio under 3×.`,
    '',
    `| action | case | ${SIZES.map((s) => `median ms @ ${s}`).join(' | ')} | ratio | documents read |`,
    `|---|---|${SIZES.map(() => '---:|').join('')}---:|---|`,
    ...lines,
    '',
    batch,
    END,
  ].join('\n');
}

export function withPublication(text: string, section: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(end + END.length);
}

if (require.main === module) {
  measurePublication()
    .then((section) => {
      if (SIZES.includes(100_000)) {
        const file = path.join(__dirname, 'results.md');
        writeFileSync(file, withPublication(readFileSync(file, 'utf8'), section));
      }
      console.log(section);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
