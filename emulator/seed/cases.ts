/**
 * Demo cases of the case register (docs/cases.md), made through the `staff` function's case actions like real
 * ones: one of each kind with records, one whose checks fail (an inspection's on-site record written after its
 * recording ended), and one late hand-over (a recording from eight days ago that the custodian has not received,
 * on the unit head's dashboard under 执法一大队 and 张伟).
 *
 * | case number        | kind     | party                         | shows                                          |
 * |--------------------|----------|-------------------------------|------------------------------------------------|
 * | 万卫罚立〔2026〕1号 | penalty  | 某某口腔诊所有限公司 (USCC)   | prior notice served, records received           |
 * | 万卫监〔2026〕1号   | inspection | 李某某 (resident ID)        | failing check; a recording handed over late     |
 * | 万卫强〔2026〕1号   | coercion | 无照经营者（某某路流动摊点）  | approval, measure, full AV                      |
 */
import type { SeedCaller } from './call';

const OFFICER = 'demo-officer-1';
const HEAD = 'demo-unit-head';
const CUSTODIAN = 'demo-custodian';
const OFFICERS = ['50010120230001', '50010120240021'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 91500101MA5U0A1B2 with its check character (GB 32100-2015). */
export const DEMO_USCC = '91500101MA5U0A1B2' + uscc('91500101MA5U0A1B2');
/** A resident ID with its check digit (GB 11643-1999). */
const DEMO_RESIDENT_ID = '500101198501011231';

function uscc(base: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...base].reduce((s, ch, i) => s + chars.indexOf(ch) * weights[i]!, 0);
  return chars[(31 - (sum % 31)) % 31]!;
}

const iso = (ms: number) => new Date(ms).toISOString();
const hash = (seed: string) => seed.repeat(64 / seed.length);

function av(caseId: string, act: string, start: number, end: number, title: string, sha: string) {
  return {
    caseId,
    type: 'av',
    title,
    workEndedAt: iso(end),
    sha256: hash(sha),
    av: {
      device: 'DSJ-0012',
      act,
      start: iso(start),
      end: iso(end),
      place: '万州区某某路 88 号',
      location: `执法记录仪管理平台/DSJ-0012/${iso(start).slice(0, 10)}`,
    },
  };
}

export async function seedCases(call: SeedCaller): Promise<void> {
  const staff = <T = { id: string }>(who: string, action: string, payload: unknown) =>
    call<T>('staff', who, action, payload);
  const now = Date.now();

  // A penalty case: opened three days ago, questioned on AV, prior notice served; records received.
  const penalty = await staff(OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo: '万卫罚立〔2026〕1号',
    cause: '未取得医疗机构执业许可证擅自执业',
    openedAt: iso(now - 3 * DAY),
    officers: OFFICERS,
    party: {
      kind: 'organisation',
      name: '某某口腔诊所有限公司',
      idKind: 'uscc',
      idNo: DEMO_USCC,
      legalRepresentative: '王某某',
    },
  });
  await staff(OFFICER, 'case.advance', {
    id: penalty.id,
    stage: 'investigation',
    actedAt: iso(now - 2 * DAY),
  });
  const questioning = await staff(
    OFFICER,
    'record.register',
    av(penalty.id, 'questioning', now - 2 * DAY, now - 2 * DAY + HOUR, '询问录像', 'a1'),
  );
  const inquiry = await staff(OFFICER, 'record.register', {
    caseId: penalty.id,
    type: 'document',
    title: '询问笔录',
    workEndedAt: iso(now - 2 * DAY + HOUR),
    sha256: hash('b2'),
    document: { docType: 'inquiryRecord', docTimes: [iso(now - 2 * DAY + 10 * 60_000)], signed: true },
  });
  await staff(OFFICER, 'case.advance', { id: penalty.id, stage: 'priorNotice', actedAt: iso(now - DAY) });
  for (const r of [questioning, inquiry]) await staff(CUSTODIAN, 'record.receive', { recordId: r.id });

  // An inspection eight days ago: the on-site record's time lies after the recording ended (a failing check),
  // and the recording has not been handed over (late).
  const start = now - 8 * DAY;
  const inspection = await staff(OFFICER, 'case.open', {
    kind: 'inspection',
    caseNo: '万卫监〔2026〕1号',
    cause: '公共场所卫生监督检查',
    openedAt: iso(start),
    officers: OFFICERS,
    party: { kind: 'person', name: '李某某', idKind: 'resident', idNo: DEMO_RESIDENT_ID },
  });
  await staff(
    OFFICER,
    'record.register',
    av(inspection.id, 'arrival-departure', start, start + HOUR, '现场检查录像（到达至离开）', 'c3'),
  );
  const onSite = await staff(OFFICER, 'record.register', {
    caseId: inspection.id,
    type: 'document',
    title: '现场笔录',
    workEndedAt: iso(start + HOUR),
    sha256: hash('d4'),
    document: { docType: 'siteRecord', docTimes: [iso(start + 2 * HOUR)], signed: true },
  });
  await staff(OFFICER, 'case.advance', { id: inspection.id, stage: 'departure', actedAt: iso(start + HOUR) });
  // The on-site record reached the custodian only now (marked late); the recording is still with the officers.
  await staff(CUSTODIAN, 'record.receive', { recordId: onSite.id });

  // A coercive measure: approved, taken on full AV, the recording received.
  const coercion = await staff(OFFICER, 'case.open', {
    kind: 'coercion',
    caseNo: '万卫强〔2026〕1号',
    cause: '查封无证行医使用的医疗器械',
    openedAt: iso(now - DAY),
    officers: OFFICERS,
    party: { kind: 'unregistered', name: '某某路流动摊点经营者', idKind: 'none' },
  });
  await staff(HEAD, 'case.advance', { id: coercion.id, stage: 'approval', actedAt: iso(now - DAY + HOUR) });
  await staff(OFFICER, 'case.advance', {
    id: coercion.id,
    stage: 'measure',
    actedAt: iso(now - DAY + 2 * HOUR),
  });
  const measure = await staff(
    OFFICER,
    'record.register',
    av(coercion.id, 'coercion', now - DAY + 2 * HOUR, now - DAY + 3 * HOUR, '查封现场录像', 'e5'),
  );
  await staff(CUSTODIAN, 'record.receive', { recordId: measure.id });
}
