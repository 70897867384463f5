/**
 * Smoke test of bench/case.ts : at a tiny size the case section is produced, and every query
 * of `case.list` and the staff dashboard is served by an index of deploy/database.json, since the bench's
 * emulator runs in strict index mode, where a query no declared index serves fails the call (and the bench with
 * it). The hashing of a streamed file holds no more than a few buffers (REC-2, REC-11: the register hashes every
 * file it keeps).
 */
import tcb from '@cloudbase/node-sdk';
import { measureCase, measureHashing } from '../../bench/case';
import { startBench } from '../../bench/harness';

const MB = 1024 * 1024;

test('the case bench measures case.list and the dashboard at 50 cases, every query index-served', async () => {
  const section = await measureCase({ sizes: [50], runs: 1, recordsPerCase: 3, hashBytes: 0, build: false });
  expect(section).toMatch(/^<!-- case -->/);
  expect(section).toMatch(/<!-- \/case -->$/);
  for (const c of [
    'officer, first page',
    'officer, deep cursor (80% down)',
    'unit head, first page',
    'unit head, stage priorNotice',
    'unit head, deep cursor (80% down)',
  ])
    expect(section).toContain(`| case.list | ${c} |`);
  expect(section).toContain('| dashboard | unit head (hand-overs, limits, failures) |');
  // The generated register has late hand-overs, open time limits and failing checks on the dashboard.
  expect(section).toMatch(/case\.handover [1-9]\d*, case\.limits \d+, case\.findings [1-9]/);
  // Every open case with failures is on the findings list (REC-4, REC-16): the work in hand leads it.
  const [, listed, open] = /open cases with failures listed: (\d+) of (\d+)/.exec(section) ?? [];
  expect(Number(open)).toBeGreaterThan(0);
  expect(listed).toBe(open);
  // 150 generated and the seed's own 7: 5 of the demo cases (emulator/seed/cases.ts), 2 of the service demo (service.ts).
  expect(section).toContain('50 cases and 157 records inserted');
});

test("the bench's emulator refuses a query no declared index serves (strict index mode)", async () => {
  const bench = await startBench('strict', { build: false });
  try {
    // After start: the emulator sets TCB_CONTEXT_CNFG, which the SDK reads on every request.
    const db = tcb.init({ env: 'local', secretId: 'bench', secretKey: 'bench' }).database();
    await expect(db.collection('cases').where({ cause: '公共场所卫生监督检查' }).get()).rejects.toMatchObject(
      {
        code: 'EMULATOR_INDEX_REQUIRED',
      },
    );
    // The list the bench measures is served.
    const page = await db
      .collection('cases')
      .where({ unitId: 'unit_enforcement' })
      .orderBy('sortKey', 'desc')
      .get();
    expect(page.data.length).toBeGreaterThan(0);
  } finally {
    await bench.close();
  }
});

test("hashing a streamed 32 MB file grows the JS heap by well under the file's size", async () => {
  const figures = await measureHashing(32 * MB);
  expect(figures.bytes).toBe(32 * MB);
  expect(figures.bytesPerSecond).toBeGreaterThan(0);
  expect(figures.peakHeapGrowth).toBeLessThan(4 * MB);
});
