/**
 * What `case.import` refuses (REC-1; docs/import-format.md): a file with bad rows imports nothing and names every
 * bad row with its line and field, never the value; rows the database cannot confirm (an officer not in the unit's
 * register, a case number registered here already) refuse the whole file before anything is staged (行政处罚法
 * Art. 42); an officer without the custodian role is refused before the payload is read, and a section outside the
 * caller's unit before the files are read.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { CUSTODIAN, OFFICER, openCase } from './helpers';
import { asFiles, manifest } from './import-helpers';

const t = useSeededEmulator();

const counts = async () => ({
  cases: (await allDocs('cases')).length,
  records: (await allDocs('case_records')).length,
  imports: (await allDocs('case_imports')).length,
});

it('imports nothing from a file with two bad rows and names both, without their values', async () => {
  const m = manifest(3);
  m.cases[1]!.openedAt = '不是时间';
  m.documents[2]!.sha256 = 'xyz';
  const before = await counts();
  const res = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(res).toMatchObject({ ok: true, data: { importId: null, done: false } });
  const errors = res.data.errors as Array<{ line: number; field: string; message: string }>;
  expect(errors.map((e) => [e.line, e.field])).toEqual([
    [2, '立案（开始）时间'],
    [3, '文件哈希值'],
  ]);
  expect(JSON.stringify(errors)).not.toContain('不是时间');
  expect(JSON.stringify(errors)).not.toContain('xyz');
  expect(await counts()).toEqual(before);
});

it('imports nothing when an officer is not in the unit register or a case number is taken', async () => {
  const taken = await openCase(t.call);
  const m = manifest(3);
  m.cases[0]!.officers = ['WZ9999', m.cases[0]!.officers[1]!];
  m.cases[2]!.caseNo = taken.caseNo;
  const before = await counts();
  const res = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(res).toMatchObject({ ok: true, data: { importId: null } });
  const errors = res.data.errors as Array<{ path: string; field: string }>;
  expect(errors.map((e) => [e.path, e.field])).toEqual([
    [`cases:${m.cases[0]!.sourceId}`, '执法人员执法证号'],
    [`cases:${m.cases[2]!.sourceId}`, '案号'],
  ]);
  expect(JSON.stringify(errors)).not.toContain('WZ9999');
  expect(await counts()).toEqual(before);
});

it('refuses an officer without the custodian role before reading the payload', async () => {
  const res = await t.call.staff(OFFICER, 'case.import', { not: 'a manifest' });
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const status = await t.call.staff(OFFICER, 'case.importStatus', { importId: 'x' });
  expect(status).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('refuses a section outside the caller unit before reading the files', async () => {
  const before = await counts();
  const res = await t.call.staff(CUSTODIAN, 'case.import', {
    format: 'json',
    files: { 'manifest.json': JSON.stringify(manifest(1)) },
    sectionId: 'sec_office', // the commission's office, not the enforcement unit's
  });
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.sectionId': '承办科室不属于本单位' } },
  });
  expect(await counts()).toEqual(before);
});
