/**
 * Imported history (REC-1; docs/import-format.md stages.csv): an imported case gets its stages at the times they
 * happened; its legal time limits run from the actual stage dates, so a penalty case decided within the 90 days of
 * 行政处罚法 Art. 60 is not shown overdue however old it is, one still undecided after 200 days is; a closed case
 * has no running clock. The automatic checks run on imported cases (REC-4, 6, 7, 8, 16), so a decision without a
 * prior notice (Art. 62) or an inspection document timed outside its recording (全过程记录制度第十五条第（四）项)
 * shows on the dashboard as an open failure.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { CUSTODIAN, HEAD } from './helpers';
import { asFiles, manifest, penaltyStages, shanghaiDate } from './import-helpers';

const t = useSeededEmulator();
const DAY = 86_400_000;

async function imported(m: unknown) {
  const res = await t.call.staff(CUSTODIAN, 'case.import', asFiles(m));
  expect(res).toMatchObject({ ok: true, data: { done: true, errors: [] } });
  return res.data;
}
const stored = async (sourceId: string) =>
  (await allDocs('cases')).find((c) => c.source?.sourceId === sourceId);

function dashboardRefs(dashboard: any, provider: string): string[] {
  const refs: string[] = [];
  for (const section of dashboard.sections)
    for (const person of section.people)
      for (const item of person.items) if (item.provider === provider) refs.push(item.ref);
  return refs;
}

it('gives a closed imported case its stages at their times, its decision, and no running clock', async () => {
  const m = manifest(1, 200);
  const kase = m.cases[0]! as Record<string, unknown>;
  kase.stages = penaltyStages(m.cases[0]!.openedAt, {
    investigation: 1,
    priorNotice: 20,
    statement: 21,
    legalReview: 30,
    decision: 40,
    service: 41,
    execution: 60,
    closed: 70,
  });
  await imported(m);
  const doc = await stored(m.cases[0]!.sourceId);
  const got = await t.call.staff(CUSTODIAN, 'case.get', { id: doc._id });
  expect(got).toMatchObject({ ok: true, data: { stage: 'closed', nextDue: null } });
  expect(got.data.stages.map((s: any) => [s.stage, s.actedAt])).toEqual([
    ['opened', m.cases[0]!.openedAt],
    ...(kase.stages as any[]).map((s) => [s.stage, s.actedAt]),
  ]);
  expect(got.data.decisions).toEqual([
    expect.objectContaining({ stage: 'decision', type: 'penalty', amounts: { fine: 5000 } }),
  ]);
  // The 90 days stopped at the decision, the day it was made.
  const decided = (kase.stages as any[]).find((s) => s.stage === 'decision');
  expect(got.data.clocks).toEqual([
    expect.objectContaining({ name: 'decision', stoppedOn: shanghaiDate(decided.actedAt) }),
  ]);
  expect(got.data.clocks.every((c: any) => c.stoppedOn)).toBe(true);
});

it('shows an old penalty case overdue on the 90 days only when it really is (行政处罚法 Art. 60)', async () => {
  const m = manifest(2, 200);
  const [decided, undecided] = m.cases as Record<string, any>[];
  decided!.stages = penaltyStages(decided!.openedAt, {
    investigation: 1,
    priorNotice: 20,
    statement: 21,
    decision: 40,
  });
  undecided!.stages = penaltyStages(undecided!.openedAt, { investigation: 1 });
  await imported(m);
  const [a, b] = [await stored(decided!.sourceId), await stored(undecided!.sourceId)];
  expect(a).toMatchObject({ stage: 'decision', _wf: { nextDue: null } });
  expect(b.stage).toBe('investigation');
  // Due 90 days after the opening, 110 days ago.
  expect(b._wf.clocks.decision).toMatchObject({
    startedOn: shanghaiDate(undecided!.openedAt),
    dueDate: shanghaiDate(new Date(Date.parse(undecided!.openedAt) + 90 * DAY).toISOString()),
    stoppedOn: null,
  });
  const dashboard = await t.call.staff(HEAD, 'dashboard', {});
  const limits = dashboardRefs(dashboard.data, 'case.limits');
  expect(limits).toContain(`case:${b._id}`);
  expect(limits).not.toContain(`case:${a._id}`);
});

it('runs the checks on imported cases: a decision without prior notice is an open failure on the dashboard', async () => {
  const m = manifest(1, 100);
  (m.cases[0] as Record<string, unknown>).stages = penaltyStages(m.cases[0]!.openedAt, {
    investigation: 1,
    decision: 30,
  });
  await imported(m);
  const doc = await stored(m.cases[0]!.sourceId);
  const check = await t.call.staff(CUSTODIAN, 'case.check', { id: doc._id });
  expect(check.data.findings).toContainEqual(
    expect.objectContaining({ code: 'priorNoticeMissing', level: 'failure' }),
  );
  // The stored count is what the checks find now, records included (they came in a later batch).
  expect(doc.openFailures).toBe(check.data.failures);
  const dashboard = await t.call.staff(HEAD, 'dashboard', {});
  expect(dashboardRefs(dashboard.data, 'case.findings')).toContain(`case:${doc._id}`);
});

it('counts a failure an imported record brings: an inspection document timed outside its recording', async () => {
  const m = manifest(1, 30);
  const c = m.cases[0]! as Record<string, unknown>;
  c.kind = 'inspection';
  c.caseNo = `万卫监〔2026〕${String(c.sourceId).slice(3)}号`;
  const opened = Date.parse(m.cases[0]!.openedAt);
  // The recording runs 5 to 45 minutes after arrival; the site record says 60 minutes.
  m.documents[0]!.docTimes = [new Date(opened + 3_600_000).toISOString()];
  m.documents.push({
    ...m.documents[0]!,
    sourceId: `${m.documents[0]!.sourceId}-2`,
    title: '卫生监督意见书',
    docType: 'supervisionOpinion',
  });
  await imported(m);
  const doc = await stored(m.cases[0]!.sourceId);
  const check = await t.call.staff(CUSTODIAN, 'case.check', { id: doc._id });
  const outside = check.data.findings.filter((f: any) => f.code === 'docTimeOutsideAv');
  expect(outside).toHaveLength(2);
  expect(outside.every((f: any) => f.level === 'failure')).toBe(true);
  // Counted after the records' batch (the case alone, before its records, had a missing recording instead).
  expect(doc.openFailures).toBe(check.data.failures);
});
