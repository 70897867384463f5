/**
 * The case register through the functions (docs/cases.md; REC-1, REC-2, REC-3, REC-5, REC-10): a penalty case opened with two
 * officers whose certificates are valid, its records registered with their SHA-256 (a file hashed as it is stored,
 * AV by reference), received by the custodian; refusals for officers not in the register or not valid, and for a
 * case number given twice.
 */
import { createHash } from 'node:crypto';
import { useSeededEmulator, uploadPhoto } from '../complaint/helpers';
import {
  avRecord,
  CUSTODIAN,
  HEAD,
  newCaseNo,
  OFFICER,
  openCase,
  organisation,
  TWO_OFFICERS,
} from './helpers';

const t = useSeededEmulator();

describe('a penalty case', () => {
  it('is opened with two officers and starts its 90-day decision clock (行政处罚法 Art. 60)', async () => {
    const opened = await openCase(t.call);
    expect(opened.stage).toBe('opened');
    const got = await t.call.staff(OFFICER, 'case.get', { id: opened.id });
    expect(got).toMatchObject({
      ok: true,
      data: {
        kind: 'penalty',
        stage: 'opened',
        officers: [{ name: '张伟' }, { name: '高峰' }],
        party: { kind: 'organisation', idKind: 'uscc' },
        stages: [{ stage: 'opened', label: '立案' }],
      },
    });
    expect(got.data.party.idMasked).toMatch(/^91\*+..$/);
    const decision = got.data.clocks.find((c: any) => c.name === 'decision');
    expect(decision).toMatchObject({ stoppedOn: null });
    expect(decision.dueDate > decision.startedOn).toBe(true);
  });

  it('refuses one officer, an officer not in the register, and a certificate not valid on the day', async () => {
    const base = { kind: 'penalty', caseNo: newCaseNo(), cause: '违法执业', party: organisation() };
    const one = await t.call.staff(OFFICER, 'case.open', { ...base, officers: [TWO_OFFICERS[0]] });
    expect(one).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.officers': '至少须有两名执法人员' } },
    });
    // 马强's certificate is revoked; 何静's expired.
    const invalid = await t.call.staff(OFFICER, 'case.open', {
      ...base,
      officers: ['50010120230001', '50010120190007', '50010120180003', 'NOSUCH001'],
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(Object.keys(invalid.error.fields).sort()).toEqual([
      'payload.officers.1',
      'payload.officers.2',
      'payload.officers.3',
    ]);
  });

  it('refuses a case number already registered', async () => {
    const caseNo = newCaseNo();
    await openCase(t.call, { caseNo });
    const again = await t.call.staff(OFFICER, 'case.open', {
      kind: 'penalty',
      caseNo,
      cause: '违法执业',
      officers: TWO_OFFICERS,
      party: organisation(),
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('gets records with hashes: a file hashed as stored, AV by reference (REC-2, REC-9)', async () => {
    const { id } = await openCase(t.call);
    const bytes = Buffer.from('%PDF-1.4 现场笔录 '.repeat(2000));
    const fileID = await uploadPhoto(t.emu, OFFICER, bytes, 'xcbl.pdf');
    const now = Date.now();
    const doc = await t.call.staff(OFFICER, 'record.register', {
      caseId: id,
      type: 'document',
      title: '现场笔录',
      workEndedAt: new Date(now - 3_600_000).toISOString(),
      fileID,
      document: {
        docType: 'siteRecord',
        docTimes: [new Date(now - 7_200_000).toISOString()],
        signed: true,
      },
    });
    expect(doc).toMatchObject({ ok: true, data: { storage: 'private', size: bytes.length } });
    expect(doc.data.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.data.handoverDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const av = await t.call.staff(
      OFFICER,
      'record.register',
      avRecord(id, 'questioning', new Date(now - 7_200_000), new Date(now - 3_600_000)),
    );
    expect(av).toMatchObject({ ok: true, data: { storage: 'platform', sha256: 'ab'.repeat(32) } });
    expect(av.data.label).toContain('未取得医疗机构执业许可证擅自执业');

    const got = await t.call.staff(OFFICER, 'case.get', { id });
    expect(got.data.records.map((r: any) => r.id)).toEqual([doc.data.id, av.data.id]);
    expect(got.data.clocks.filter((c: any) => c.name.startsWith('handover:'))).toHaveLength(2);
  });

  it('has its records received by the custodian, never by an investigator (细则第二十一条)', async () => {
    const { id } = await openCase(t.call);
    const now = Date.now();
    const av = await t.call.staff(
      OFFICER,
      'record.register',
      avRecord(id, 'evidence', new Date(now - 7_200_000), new Date(now - 3_600_000)),
    );
    expect(await t.call.staff(OFFICER, 'record.receive', { recordId: av.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const received = await t.call.staff(CUSTODIAN, 'record.receive', { recordId: av.data.id });
    expect(received).toMatchObject({ ok: true, data: { late: false } });
    expect(received.data.receivedAt).toEqual(expect.any(String));
    expect(await t.call.staff(CUSTODIAN, 'record.receive', { recordId: av.data.id })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    const got = await t.call.staff(HEAD, 'case.get', { id });
    const clock = got.data.clocks.find((c: any) => c.name === `handover:${av.data.id}`);
    expect(clock.stoppedOn).toEqual(expect.any(String));
  });

  it('moves through its stages, each with its act time and recorded time, the decision by a leader', async () => {
    const { id } = await openCase(t.call);
    const acted = new Date(Date.now() - 86_400_000).toISOString();
    expect(
      await t.call.staff(OFFICER, 'case.advance', { id, stage: 'investigation', actedAt: acted }),
    ).toMatchObject({
      ok: true,
      data: { stage: 'investigation', stageLabel: '调查取证' },
    });
    // Skipping the prior notice is refused.
    expect(await t.call.staff(OFFICER, 'case.advance', { id, stage: 'statement' })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    for (const stage of ['priorNotice', 'statement'])
      expect(
        await t.call.staff(OFFICER, 'case.advance', {
          id,
          stage,
          ...(stage === 'statement'
            ? { statement: { periodEndsAt: new Date().toISOString(), partyStated: true } }
            : {}),
        }),
      ).toMatchObject({ ok: true });
    expect(await t.call.staff(HEAD, 'case.advance', { id, stage: 'legalReview' })).toMatchObject({
      ok: true,
    });
    const decision = {
      docNo: '万卫罚〔2026〕88号',
      date: new Date().toISOString().slice(0, 10),
      type: 'penalty',
      conclusion: '警告，并处罚款人民币五千元',
      amounts: { fine: 5000 },
    };
    // The decision is the leaders' (行政处罚法 Art. 57); collective discussion may be skipped where not required.
    expect(await t.call.staff(OFFICER, 'case.advance', { id, stage: 'decision', decision })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call.staff(HEAD, 'case.advance', { id, stage: 'decision', decision })).toMatchObject({
      ok: true,
    });
    const got = await t.call.staff(HEAD, 'case.get', { id });
    expect(got.data.stages.map((s: any) => s.stage)).toEqual([
      'opened',
      'investigation',
      'priorNotice',
      'statement',
      'legalReview',
      'decision',
    ]);
    expect(got.data.stages[1]).toMatchObject({ actedAt: acted });
    expect(got.data.stages[1].recordedAt > acted).toBe(true);
    expect(got.data.decisions).toEqual([
      expect.objectContaining({ docNo: '万卫罚〔2026〕88号', amounts: { fine: 5000 } }),
    ]);
    expect(got.data.clocks.find((c: any) => c.name === 'decision').stoppedOn).toEqual(expect.any(String));
  });
});

describe('stopping AV (REC-5, 细则第十三条)', () => {
  it('needs the work record approved by the unit head, and by nobody else', async () => {
    const { id } = await openCase(t.call);
    const now = Date.now();
    const stop = await t.call.staff(OFFICER, 'record.register', {
      caseId: id,
      type: 'document',
      title: '停止音像记录工作记录',
      workEndedAt: new Date(now - 3_600_000).toISOString(),
      sha256: '12'.repeat(32),
      document: {
        docType: 'stopRecordingRecord',
        docTimes: [new Date(now - 5_400_000).toISOString()],
        signed: true,
      },
    });
    const av = await t.call.staff(
      OFFICER,
      'record.register',
      avRecord(id, 'evidence', new Date(now - 7_200_000), new Date(now - 3_600_000), {
        interruptions: [
          { at: new Date(now - 5_400_000).toISOString(), stopReason: 'secret', how: 'written' },
        ],
      }),
    );
    expect(av).toMatchObject({ ok: true, data: { av: { interruptions: [{ stopReason: 'secret' }] } } });
    expect(await t.call.staff(OFFICER, 'record.approveStop', { recordId: stop.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call.staff(HEAD, 'record.approveStop', { recordId: av.data.id })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    const approved = await t.call.staff(HEAD, 'record.approveStop', { recordId: stop.data.id });
    expect(approved).toMatchObject({ ok: true, data: { stopApproval: { by: 'stf_unit_head' } } });
  });
});

it('registers several records of one case sent at once, none lost (REC-10)', async () => {
  const { id } = await openCase(t.call);
  const now = Date.now();
  const sent = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      t.call.staff(
        OFFICER,
        'record.register',
        avRecord(id, 'evidence', new Date(now - (i + 1) * 3_600_000), new Date(now - i * 3_600_000)),
      ),
    ),
  );
  for (const res of sent) expect(res).toMatchObject({ ok: true });
  const got = await t.call.staff(OFFICER, 'case.get', { id });
  expect(got.data.records).toHaveLength(4);
  expect(got.data.clocks.filter((c: any) => c.name.startsWith('handover:'))).toHaveLength(4);
});
