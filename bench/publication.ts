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
import os from 'node:os';
import { databaseOf } from '../emulator/db';
import type { RunningEmulator } from '../emulator/app';
import type { Doc } from '../emulator/db/ejson';
import { breathe, callFn, measure, Rows, runMain, RUNS, SIZES, startBench, withSection } from './harness';

const SECTION = 'publication';
const KINDS = ['penalty', 'permit', 'coercion', 'inspection'] as const;

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
  const bench = await startBench('publication');
  const emu = bench.emu;
  const rows = new Rows();
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
        await breathe();
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
      for (const [c, run] of cases)
        await measure(rows, () => store.scannedDocuments(), 'publication.list', c, run);
      bench.log(`publication: ${size} entries measured`);
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
    await bench.close();
  }
  return [
    `<!-- ${SECTION} -->`,
    '## Publication list and batch approval (bench/publication.ts)',
    '',
    `\`publication.list\` through the public function, strict index mode on, at ${SIZES.join(' and ')} published entries;`,
    `median of ${RUNS} calls after 3 warm-ups, ms (${os.cpus().length} cores, Node ${process.version},`,
    `${new Date().toISOString().slice(0, 10)}). Target ratio under 3×.`,
    '',
    ...rows.table(SIZES),
    '',
    batch,
    `<!-- /${SECTION} -->`,
  ].join('\n');
}

export const withPublication = (text: string, section: string): string => withSection(text, SECTION, section);

if (require.main === module) runMain(SECTION, measurePublication, SIZES.includes(100_000));
