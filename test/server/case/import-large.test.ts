/**
 * A large `case.import` (REC-1; docs/import-format.md): 800 rows, uploaded as a file (more than a call's payload may
 * hold), do not fit one call's time budget, so the import stops after some batches, answers its progress, and
 * finishes when called again with its id; `case.importStatus` reads the progress. Two calls resuming one import at
 * once both end ok and create each row once.
 */
import { allDocs, uploadPhoto, useSeededEmulator } from '../complaint/helpers';
import { CUSTODIAN } from './helpers';
import { manifest } from './import-helpers';

const t = useSeededEmulator();

beforeAll(() => {
  // A budget so small that each call applies one batch: the emulator is faster than the cloud.
  process.env.CASE_IMPORT_BUDGET_MS = '1';
});
afterAll(() => {
  delete process.env.CASE_IMPORT_BUDGET_MS;
});

it('needs more than one call for 800 rows uploaded as a file and finishes when resumed', async () => {
  const m = manifest(400); // 400 cases, 400 documents, 1 recording
  const bytes = Buffer.from(JSON.stringify(m), 'utf8');
  expect(bytes.length).toBeGreaterThan(256 * 1024); // more than the router lets a payload carry
  const fileID = await uploadPhoto(t.emu, CUSTODIAN, bytes, 'manifest.json');
  const first = await t.call.staff(CUSTODIAN, 'case.import', {
    format: 'json',
    fileIDs: { 'manifest.json': fileID },
  });
  expect(first).toMatchObject({ ok: true, data: { done: false, rows: 801 } });
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
  expect(last).toMatchObject({ done: true, applied: total, created: { cases: 400, records: 401 } });
  const status = await t.call.staff(CUSTODIAN, 'case.importStatus', { importId });
  expect(status).toMatchObject({ ok: true, data: { done: true, applied: total, total } });
  const imported = (await allDocs('cases')).filter((c) => c.source?.importId === importId);
  expect(imported).toHaveLength(400);
}, 600_000);

it('ends ok when two calls resume the same import at once, creating each row once', async () => {
  const m = manifest(60);
  const first = await t.call.staff(CUSTODIAN, 'case.import', {
    format: 'json',
    files: { 'manifest.json': JSON.stringify(m) },
  });
  expect(first).toMatchObject({ ok: true, data: { done: false } });
  const { importId } = first.data;
  for (let round = 0; round < 20; round++) {
    const both = await Promise.all([
      t.call.staff(CUSTODIAN, 'case.import', { importId }),
      t.call.staff(CUSTODIAN, 'case.import', { importId }),
    ]);
    for (const res of both) expect(res).toMatchObject({ ok: true });
    if (both.some((r) => r.data.done)) break;
  }
  const status = await t.call.staff(CUSTODIAN, 'case.importStatus', { importId });
  expect(status).toMatchObject({ ok: true, data: { done: true, created: { cases: 60, records: 61 } } });
  const cases = (await allDocs('cases')).filter((c) => c.source?.importId === importId);
  const records = (await allDocs('case_records')).filter((r) => r.source?.importId === importId);
  expect([cases.length, records.length]).toEqual([60, 61]);
}, 600_000);
