/**
 * Who sees a case, what the checks find, parties across cases, and a report that leads to a case (docs/cases.md; REC-4,
 * REC-6, REC-8, REC-14; 细则第二十条): an officer of another section, or of another unit, gets NOT_FOUND; the
 * check flags a document whose time lies outside its AV and a coercive measure without AV, citing the article;
 * a party is found by its ID number with all its cases and records; opening a case from an accepted report
 * records 立案 on the report in the same transaction.
 */
import { newOpenid, sdkApp, submission, useSeededEmulator } from '../complaint/helpers';
import { avRecord, HEAD, OFFICER, openCase, organisation } from './helpers';

const t = useSeededEmulator();
let otherSection = ''; // an officer of 执法二大队, bound in beforeAll

beforeAll(async () => {
  const inv = await t.call.staff('demo-admin-1', 'staff.invite', {
    name: '二大队队员',
    unitId: 'unit_enforcement',
    sectionId: 'sec_dept_2',
    roles: ['officer'],
  });
  otherSection = newOpenid();
  expect(await t.call.staff(otherSection, 'staff.bind', { inviteCode: inv.data.inviteCode })).toMatchObject({
    ok: true,
  });
});

it('answers NOT_FOUND to an officer of another section or unit (REC-14)', async () => {
  const { id } = await openCase(t.call);
  for (const who of [otherSection, 'demo-officer-3'])
    for (const [action, payload] of [
      ['case.get', { id }],
      ['case.check', { id }],
      ['case.advance', { id, stage: 'investigation' }],
      [
        'record.register',
        avRecord(id, 'evidence', new Date(Date.now() - 7_200_000), new Date(Date.now() - 3_600_000)),
      ],
    ] as const)
      expect({ who, action, res: await t.call.staff(who, action, payload) }).toMatchObject({
        res: { ok: false, error: { code: 'NOT_FOUND' } },
      });
  const list = await t.call.staff(otherSection, 'case.list', {});
  expect(list.data.items.map((c: any) => c.id)).not.toContain(id);
  const mine = await t.call.staff(OFFICER, 'case.list', { mine: true });
  expect(mine.data.items.map((c: any) => c.id)).toContain(id);
  // Legal audit sits in the commission and audits the enforcement unit's cases too.
  const audit = await t.call.staff('demo-auditor', 'case.list', { unitId: 'unit_enforcement', pageSize: 50 });
  expect(audit.data.items.map((c: any) => c.id)).toContain(id);
});

it('flags a document whose time lies outside its AV in an inspection (细则第十五条第（四）项)', async () => {
  const { id } = await openCase(t.call, { kind: 'inspection', cause: '公共场所卫生监督检查' });
  const now = Date.now();
  const start = new Date(now - 3 * 3_600_000);
  const end = new Date(now - 2 * 3_600_000);
  await t.call.staff(OFFICER, 'record.register', avRecord(id, 'arrival-departure', start, end));
  const doc = await t.call.staff(OFFICER, 'record.register', {
    caseId: id,
    type: 'document',
    title: '现场笔录',
    workEndedAt: end.toISOString(),
    sha256: 'ef'.repeat(32),
    // Written an hour after the recording ended.
    document: { docType: 'siteRecord', docTimes: [new Date(now - 3_600_000).toISOString()], signed: true },
  });
  expect(doc).toMatchObject({ ok: true });
  const check = await t.call.staff(OFFICER, 'case.check', { id });
  expect(check).toMatchObject({ ok: true });
  expect(check.data.findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        level: 'failure',
        recordId: doc.data.id,
        article: expect.stringContaining('第十五条'),
      }),
    ]),
  );
  expect(check.data.failures).toBeGreaterThan(0);
});

it('flags a coercive measure without AV (细则第十七条第（二）项)', async () => {
  const { id } = await openCase(t.call, { kind: 'coercion', cause: '查封涉嫌违法使用的医疗器械' });
  expect(await t.call.staff(HEAD, 'case.advance', { id, stage: 'approval' })).toMatchObject({ ok: true });
  expect(await t.call.staff(OFFICER, 'case.advance', { id, stage: 'measure' })).toMatchObject({ ok: true });
  const check = await t.call.staff(HEAD, 'case.check', { id });
  expect(check.data.findings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ level: 'failure', article: expect.stringContaining('第十七条') }),
    ]),
  );
  // The measure started the 30-day clock (行政强制法 Art. 25).
  const got = await t.call.staff(HEAD, 'case.get', { id });
  expect(got.data.clocks.find((c: any) => c.name === 'coercion')).toMatchObject({ stoppedOn: null });
});

it('finds a party by its ID number with all its cases and records, the number never answered (细则第二十条)', async () => {
  const party = organisation('某某美容有限公司');
  const first = await openCase(t.call, { party });
  const second = await openCase(t.call, { party, kind: 'inspection', cause: '医疗美容监督检查' });
  expect(second.partyId).toBe(first.partyId);
  await t.call.staff(
    OFFICER,
    'record.register',
    avRecord(first.id, 'questioning', new Date(Date.now() - 7_200_000), new Date(Date.now() - 3_600_000)),
  );
  const found = await t.call.staff(HEAD, 'party.find', { idKind: 'uscc', idNo: party.idNo.toLowerCase() });
  expect(found).toMatchObject({ ok: true, data: { party: { id: first.partyId, name: '某某美容有限公司' } } });
  expect(found.data.cases.map((c: any) => c.id).sort()).toEqual([first.id, second.id].sort());
  expect(found.data.records).toHaveLength(1);
  expect(JSON.stringify(found)).not.toContain(party.idNo);
  // Stored sealed: the number is nowhere in the party's document, which holds a keyed hash instead.
  const doc = (await sdkApp().database().collection('case_parties').doc(first.partyId).get()).data[0];
  expect(JSON.stringify(doc)).not.toContain(party.idNo);
  expect(doc).toMatchObject({
    idSealed: { alg: 'A256GCM' },
    blindIndex: expect.stringMatching(/^party-id:/),
  });
  // An officer who sees none of its cases is told the party does not exist.
  expect(await t.call.staff(otherSection, 'party.find', { partyId: first.partyId })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  // A wrong check character is refused, naming the field.
  const wrong = await t.call.staff(OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo: '万卫罚立〔2026〕错码号',
    cause: '违法执业',
    officers: ['50010120230001', '50010120240021'],
    party: { ...party, idNo: party.idNo.slice(0, 17) + (party.idNo.endsWith('0') ? '1' : '0') },
  });
  expect(wrong).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.party.idNo': expect.any(String) } },
  });
});

it('links a report that leads to a case, recording 立案 on the report in the same transaction', async () => {
  const submitted = await t.call.citizen(newOpenid(), 'complaint.submit', submission({ kind: 'report' }));
  const queue = await t.call.staff(HEAD, 'complaint.queue', { status: 'submitted', pageSize: 50 });
  const complaintId = queue.data.items.find((i: any) => i.trackingNo === submitted.data.trackingNo).id;
  expect(
    await t.call.staff(HEAD, 'complaint.assign', { id: complaintId, handlerIds: ['stf_officer_1'] }),
  ).toMatchObject({ ok: true });
  expect(await t.call.staff(OFFICER, 'complaint.accept', { id: complaintId })).toMatchObject({ ok: true });
  const opened = await openCase(t.call, { complaintId });
  const got = await t.call.staff(OFFICER, 'case.get', { id: opened.id });
  expect(got.data.complaintId).toBe(complaintId);
  const report = await t.call.staff(OFFICER, 'complaint.get', { id: complaintId });
  expect(report.data.caseDecision).toMatchObject({ caseOpened: true, caseId: opened.id });
  // The report's case decision is taken once: a second case from it is refused, and nothing is written.
  const again = await t.call.staff(OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo: '万卫罚立〔2026〕重复号',
    cause: '违法执业',
    officers: ['50010120230001', '50010120240021'],
    party: organisation(),
    complaintId,
  });
  expect(again).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
});
