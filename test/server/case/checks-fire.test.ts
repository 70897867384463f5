/**
 * The automatic checks fire on the case backend's own records (REC-4, REC-6, REC-8; docs/case-checks.md): cases
 * opened with `case.open`, records entered with `record.register`, findings read with `case.check`. The document
 * types, recorded acts and stages are the one list of core/case/stages.ts, so what an officer registers is what the
 * checks read.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { avRecord, OFFICER, openCase } from './helpers';

const t = useSeededEmulator();
const HOUR = 3_600_000;

/** A signed document registered by reference with its hash (no file upload). */
function documentRecord(caseId: string, docType: string, title: string, times: Date[], extra = {}) {
  return {
    caseId,
    type: 'document',
    title,
    workEndedAt: times[times.length - 1]!.toISOString(),
    sha256: 'cd'.repeat(32),
    document: { docType, docTimes: times.map((d) => d.toISOString()), signed: true, ...extra },
  };
}

async function register(payload: object): Promise<string> {
  const res = await t.call.staff(OFFICER, 'record.register', payload);
  expect(res).toMatchObject({ ok: true });
  return res.data.id as string;
}

async function findingsOf(id: string) {
  const res = await t.call.staff(OFFICER, 'case.check', { id });
  expect(res).toMatchObject({ ok: true });
  return res.data as {
    findings: Array<{ code: string; level: string; article: string; recordId?: string }>;
    failures: number;
    warnings: number;
  };
}

it('fails a penalty case whose inquiry record (询问笔录) has no recording of the questioning (全过程记录制度第十六条第（二）项)', async () => {
  const { id } = await openCase(t.call);
  const at = Date.now() - 3 * HOUR;
  const inquiry = await register(
    documentRecord(id, 'inquiryRecord', '询问笔录', [new Date(at), new Date(at + HOUR)]),
  );
  const check = await findingsOf(id);
  expect(check.findings).toContainEqual(
    expect.objectContaining({
      code: 'avQuestioning',
      level: 'failure',
      article: '全过程记录制度第十六条第（二）项',
      recordId: inquiry,
    }),
  );
  // With the questioning recorded around the record's times, the failure goes.
  await register(avRecord(id, 'questioning', new Date(at - 120_000), new Date(at + HOUR + 120_000)));
  const after = await findingsOf(id);
  expect(after.findings.map((f) => f.code)).not.toContain('avQuestioning');
  expect(after.findings.filter((f) => f.recordId === inquiry)).toEqual([]);
});

it('fails an inspection whose on-site record (现场笔录) time lies outside the arrival-departure recording (第十五条第（四）项)', async () => {
  const { id } = await openCase(t.call, { kind: 'inspection', cause: '公共场所卫生监督检查' });
  const start = Date.now() - 4 * HOUR;
  await register(avRecord(id, 'arrival-departure', new Date(start), new Date(start + HOUR)));
  const inside = await register(
    documentRecord(id, 'siteRecord', '现场笔录', [new Date(start + 30 * 60_000)]),
  );
  const outside = await register(
    documentRecord(id, 'siteRecord', '现场笔录（补充）', [new Date(start + 2 * HOUR)]),
  );
  const check = await findingsOf(id);
  expect(check.findings).toContainEqual(
    expect.objectContaining({
      code: 'docTimeOutsideAv',
      level: 'failure',
      article: '全过程记录制度第十五条第（四）项',
      recordId: outside,
    }),
  );
  expect(check.findings.filter((f) => f.recordId === inside)).toEqual([]);
});

it('only warns when an on-site record of a penalty case has no recording, which Art. 11 leaves to the circumstances', async () => {
  const { id } = await openCase(t.call);
  const at = Date.now() - 2 * HOUR;
  const site = await register(documentRecord(id, 'siteRecord', '现场笔录', [new Date(at)]));
  const check = await findingsOf(id);
  expect(check.findings).toEqual([
    expect.objectContaining({
      code: 'avOnSite',
      level: 'warning',
      article: '全过程记录制度第十一条第一款',
      recordId: site,
    }),
  ]);
  expect(check).toMatchObject({ failures: 0, warnings: 1 });
});

it('fails a prior notice served in person without filming it, and accepts it filmed (第十六条第（四）项)', async () => {
  const { id } = await openCase(t.call);
  const at = Date.now() - 2 * HOUR;
  const notice = await register(
    documentRecord(id, 'priorNotice', '行政处罚事先告知书', [new Date(at)], {
      service: { at: new Date(at).toISOString(), method: 'direct' },
    }),
  );
  expect((await findingsOf(id)).findings).toContainEqual(
    expect.objectContaining({ code: 'avService', level: 'failure', recordId: notice }),
  );
  // The service recording is named by the document's own code (AV_ACTS 'service:priorNotice').
  await register(avRecord(id, 'service:priorNotice', new Date(at - 300_000), new Date(at + 300_000)));
  expect((await findingsOf(id)).findings.filter((f) => f.recordId === notice)).toEqual([]);
});

it('fails a hearing held (the decision clock paused for it) without a recording of the hearing (第十六条第（二）项)', async () => {
  const { id } = await openCase(t.call);
  const paused = await t.call.staff(OFFICER, 'case.clock', {
    id,
    op: 'pause',
    clock: 'decision',
    pauseReason: 'hearing',
    reason: '当事人申请听证，听证期间不计入办案期限',
  });
  expect(paused).toMatchObject({ ok: true });
  expect((await findingsOf(id)).findings).toContainEqual(
    expect.objectContaining({ code: 'avHearing', level: 'failure' }),
  );
});
