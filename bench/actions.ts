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
import os from 'node:os';
import type { Doc } from '../emulator/db/ejson';
import { databaseOf } from '../emulator/db';
import { breathe, callFn, measure, Rows, runMain, RUNS, SIZES, startBench, withSection } from './harness';

const SECTION = 'actions';
const DAY = 86_400_000;
const UNIT_HEAD = { openid: 'demo-unit-head', staffId: 'stf_unit_head' };
const CITIZEN = 'bench-citizen';
/** The bench citizen's complaints: the same number at every size (a citizen has a few, not a share). */
const CITIZEN_COMPLAINTS = 30;

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

export async function measureActions(): Promise<string> {
  const bench = await startBench('actions');
  const emu = bench.emu;
  const rows = new Rows();
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
        await breathe();
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
        if (process.env.BENCH_DEBUG) bench.log(`${size} ${action} ${c}`);
        await measure(rows, () => store.scannedDocuments(), action, c, run);
      }
      bench.log(`actions: ${size} complaints measured`);
    }
  } finally {
    await bench.close();
  }
  return [
    `<!-- ${SECTION} -->`,
    '## List actions through the functions (bench/actions.ts)',
    '',
    `The real actions over HTTP into the built function bundles, strict index mode on, at ${SIZES.join(' and ')} complaints`,
    `(and as many officers); median of ${RUNS} calls after 3 warm-ups, ms, on a shared ${os.cpus().length}-core machine`,
    `(Node ${process.version}, ${new Date().toISOString().slice(0, 10)}). The ratio is the largest size over the smallest; the`,
    'target is under 3×. "documents read" is what one call read from the store (emulator counter), per size.',
    '',
    ...rows.table(SIZES),
    `<!-- /${SECTION} -->`,
  ].join('\n');
}

/** Puts the actions section into results.md text, replacing an earlier one. */
export const withActions = (text: string, section: string): string => withSection(text, SECTION, section);

if (require.main === module) runMain(SECTION, measureActions);
