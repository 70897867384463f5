/**
 * A large `case.import` (REC-1; docs/import-format.md): 600 rows do not fit one call's time budget, so the import
 * stops after some batches, answers its progress, and finishes when called again with its id; `case.importStatus`
 * reads the progress.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { CUSTODIAN } from './helpers';
import { asFiles, manifest } from './import-helpers';

const t = useSeededEmulator();

beforeAll(() => {
  // A budget so small that each call applies one batch: the emulator is faster than the cloud.
  process.env.CASE_IMPORT_BUDGET_MS = '1';
});
afterAll(() => {
  delete process.env.CASE_IMPORT_BUDGET_MS;
});

it('needs more than one call for 600 rows and finishes when resumed', async () => {
  const m = manifest(300); // 300 cases, 300 documents, 1 recording
  const first = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(first).toMatchObject({ ok: true, data: { done: false, rows: 601 } });
  const { importId, total } = first.data;
  expect(first.data.applied).toBeLessThan(total);
  let calls = 1;
  let last = first.data;
  while (!last.done && calls < 100) {
    const next = await t.call.staff(CUSTODIAN, 'case.import', { importId });
    expect(next).toMatchObject({ ok: true });
    expect(next.data.applied).toBeGreaterThan(last.applied);
    last = next.data;
    calls++;
  }
  expect(calls).toBeGreaterThan(1);
  expect(last).toMatchObject({ done: true, applied: total, created: { cases: 300, records: 301 } });
  const status = await t.call.staff(CUSTODIAN, 'case.importStatus', { importId });
  expect(status).toMatchObject({ ok: true, data: { done: true, applied: total, total } });
  const imported = (await allDocs('cases')).filter((c) => c.source?.importId === importId);
  expect(imported).toHaveLength(300);
}, 600_000);
