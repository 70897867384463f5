/**
 * `case.import` (REC-1, 2, 3, 9; docs/import-format.md): a valid manifest creates its cases and records with their
 * hashes, at their original times and with no hand-over clocks (history, not late hand-overs: 细则第二十一条 applies
 * to hand-overs made here); the same file again creates nothing new. Refusals: import-refused.test.ts.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { CUSTODIAN } from './helpers';
import { asFiles, H1, H2, H3, manifest } from './import-helpers';

const t = useSeededEmulator();

async function storedCase(sourceId: string): Promise<any> {
  return (await allDocs('cases')).find((c) => c.source?.sourceId === sourceId);
}

it('creates the cases and records with their hashes, received at import and without hand-over clocks', async () => {
  const m = manifest(2);
  const res = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(res).toMatchObject({
    ok: true,
    data: { done: true, rows: 5, created: { cases: 2, records: 3 }, errors: [] },
  });
  const kase = await storedCase(m.cases[0]!.sourceId);
  // Opened 200 days ago: the import keeps the original time (the 30-day limit is for entries made here).
  expect(new Date(kase.openedAt).toISOString()).toBe(m.cases[0]!.openedAt);
  expect(kase.source).toEqual({
    system: 'supervision',
    sourceId: m.cases[0]!.sourceId,
    importId: res.data.importId,
  });
  expect(kase.pendingHandovers).toEqual([]);
  expect(Object.keys(kase._wf.clocks).filter((k) => k.startsWith('handover:'))).toEqual([]);
  const records = (await allDocs('case_records')).filter((r) => r.caseId === kase._id);
  expect(records).toHaveLength(2);
  const av = records.find((r) => r.type === 'av');
  // One recording split by the recorder into two files: one record, both hashes.
  expect(av.files.map((f: any) => f.sha256)).toEqual([H2, H3]);
  expect(av.sha256).toBe(H2);
  const doc = records.find((r) => r.type === 'document');
  expect(doc.sha256).toBe(H1);
  for (const r of records) {
    expect(r.handoverDueDate).toBeNull();
    expect(r.receivedAt).not.toBeNull();
    expect(r.receivedBy).toBe('stf_custodian');
    expect(r.late).toBe(false);
    expect(r.source.importId).toBe(res.data.importId);
  }
  // The custodian can read the imported case through the register's own action.
  const got = await t.call.staff(CUSTODIAN, 'case.get', { id: kase._id });
  expect(got).toMatchObject({ ok: true });
  const avView = got.data.records.find((r: any) => r.type === 'av');
  expect(avView.files.map((f: any) => f.sha256)).toEqual([H2, H3]);
  expect(avView.source).toMatchObject({ system: 'recorder', sourceId: m.av[0]!.sourceId });
  expect(got.data.clocks.filter((c: any) => c.name.startsWith('handover:'))).toEqual([]);
});

it('imports the same file twice without creating anything new', async () => {
  const m = manifest(2);
  const first = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(first).toMatchObject({ ok: true, data: { done: true } });
  const casesBefore = (await allDocs('cases')).length;
  const recordsBefore = (await allDocs('case_records')).length;
  const again = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(again).toMatchObject({ ok: true, data: { importId: first.data.importId, done: true } });
  // The same rows in another order: a new staging, every row an upsert that finds its earlier import.
  const reordered = { ...m, cases: [...m.cases].reverse(), documents: [...m.documents].reverse() };
  const third = await t.call.staff(CUSTODIAN, 'case.import', asFiles(reordered));
  expect(third).toMatchObject({ ok: true, data: { done: true } });
  expect((await allDocs('cases')).length).toBe(casesBefore);
  expect((await allDocs('case_records')).length).toBe(recordsBefore);
});
