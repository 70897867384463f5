/**
 * Import corrections (REC-1, REC-16; docs/import-format.md): a row re-imported with the same source id and changed
 * content replaces the imported version with a new revision on the ledger, the earlier content kept in the
 * record's `corrections` (the ledger keeps every revision's hash), and the answer counts rows created, updated and
 * unchanged; identical content changes nothing. Refused before staging, the whole file: a correction of the case
 * number, a record moved to another case, a correction of a case already taken further in this system.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { CUSTODIAN, OFFICER } from './helpers';
import { asFiles, H1, H3, manifest, penaltyStages } from './import-helpers';

const t = useSeededEmulator();

const importOf = (m: unknown) => t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
const storedCase = async (sourceId: string) =>
  (await allDocs('cases')).find((c) => c.source?.sourceId === sourceId);
const storedRecord = async (sourceId: string) =>
  (await allDocs('case_records')).find((r) => r.source?.sourceId === sourceId);

it('replaces a corrected case and record with a new revision and keeps what they were', async () => {
  const m = manifest(1);
  const first = await importOf(m);
  expect(first).toMatchObject({
    ok: true,
    data: { created: { cases: 1, records: 2 }, updated: { cases: 0, records: 0 } },
  });
  const before = await storedCase(m.cases[0]!.sourceId);
  const recordBefore = await storedRecord(m.documents[0]!.sourceId);

  const corrected = structuredClone(m) as any;
  corrected.cases[0].cause = '未取得《医疗机构执业许可证》擅自执业（更正）';
  corrected.cases[0].stages = penaltyStages(m.cases[0]!.openedAt, { investigation: 2 });
  corrected.documents[0].sha256 = H3;
  const second = await importOf(corrected);
  expect(second).toMatchObject({
    ok: true,
    data: {
      done: true,
      created: { cases: 0, records: 0 },
      updated: { cases: 1, records: 1 },
      unchanged: { cases: 0, records: 1 },
    },
  });
  expect(second.data.importId).not.toBe(first.data.importId);
  expect(second.data.updatedRows).toEqual(
    expect.arrayContaining([
      { kind: 'cases', sourceId: m.cases[0]!.sourceId },
      { kind: 'documents', sourceId: m.documents[0]!.sourceId },
    ]),
  );

  const after = await storedCase(m.cases[0]!.sourceId);
  expect(after._id).toBe(before._id);
  expect(after._rev).toBeGreaterThan(before._rev);
  expect(after).toMatchObject({ cause: corrected.cases[0].cause, stage: 'investigation' });
  expect(after.source.importId).toBe(second.data.importId);
  expect(after.corrections).toEqual([
    expect.objectContaining({
      importId: first.data.importId,
      previous: expect.objectContaining({ cause: m.cases[0]!.cause, stage: 'opened' }),
    }),
  ]);
  // The party's number is never part of what a correction keeps.
  expect(JSON.stringify(after.corrections)).not.toContain(m.cases[0]!.partyIdNo);

  const record = await storedRecord(m.documents[0]!.sourceId);
  expect(record).toMatchObject({ _id: recordBefore._id, sha256: H3 });
  expect(record.corrections[0].previous).toMatchObject({ sha256: H1 });
  // Custody stays: received once, at the first import.
  expect(record.receivedAt).toEqual(recordBefore.receivedAt);

  const events = (await allDocs('sys_events')).filter((e) => e.entity === `cases/${before._id}`);
  expect(events.map((e) => e.action)).toContain('case.importCorrection');
  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });

  // The corrected rows again with one new record (a new staging): only the new row is written.
  const extra = { ...corrected.documents[0], sourceId: `${m.documents[0]!.sourceId}-new`, title: '询问笔录' };
  const third = await importOf({ ...corrected, documents: [...corrected.documents, extra] });
  expect(third).toMatchObject({
    ok: true,
    data: {
      created: { cases: 0, records: 1 },
      updated: { cases: 0, records: 0 },
      unchanged: { cases: 1, records: 2 },
      updatedRows: [],
    },
  });
  expect((await storedCase(m.cases[0]!.sourceId))._rev).toBe(after._rev);
});

it('refuses, whole, a correction of the case number and a record moved to another case', async () => {
  const m = manifest(2);
  await importOf(m);
  const renumbered = structuredClone(m) as any;
  renumbered.cases[0].caseNo = `${m.cases[0]!.caseNo}（更正）`;
  renumbered.documents[1].caseSourceId = m.cases[0]!.sourceId;
  const res = await importOf(renumbered);
  expect(res).toMatchObject({ ok: true, data: { importId: null } });
  expect(res.data.errors.map((e: any) => [e.path, e.field])).toEqual(
    expect.arrayContaining([
      [`cases:${m.cases[0]!.sourceId}`, '案号'],
      [`records:${m.documents[1]!.sourceId}`, '所属案件来源编号'],
    ]),
  );
  expect((await storedCase(m.cases[0]!.sourceId)).caseNo).toBe(m.cases[0]!.caseNo);
});

it('leaves a case taken further here to the register: a correction is refused, the same row is still a no-op', async () => {
  const m = manifest(1, 20);
  await importOf(m);
  const kase = await storedCase(m.cases[0]!.sourceId);
  expect(await t.call.staff(OFFICER, 'case.advance', { id: kase._id, stage: 'investigation' })).toMatchObject(
    { ok: true },
  );
  const corrected = structuredClone(m) as any;
  corrected.cases[0].cause = '更正后的案由';
  const refused = await importOf(corrected);
  expect(refused.data.errors).toEqual([
    expect.objectContaining({
      path: `cases:${m.cases[0]!.sourceId}`,
      message: expect.stringContaining('已在本系统继续办理'),
    }),
  ]);
  // The case's row unchanged, with a new record of it (a new staging): the record is added, the case found as it is.
  const extra = { ...m.documents[0]!, sourceId: `${m.documents[0]!.sourceId}-new`, title: '询问笔录' };
  const same = await importOf({ ...m, documents: [...m.documents, extra] });
  expect(same).toMatchObject({
    ok: true,
    data: { done: true, created: { records: 1 }, updated: { cases: 0, records: 0 }, unchanged: { cases: 1 } },
  });
  expect((await storedCase(m.cases[0]!.sourceId)).stage).toBe('investigation');
});
