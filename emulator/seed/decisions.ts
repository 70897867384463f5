/**
 * Demo decisions of the case register and their publication (PUB-6, PUB-12, PUB-15; docs/publication.md): two
 * penalty cases of the enforcement unit's 执法一大队 taken to a decision through the case actions, like real ones.
 * One decision has no publication entry 15 days on (the dashboard lists it overdue: "decisions without an entry");
 * the other's entry is made from the decision (`publication.fromDecision`), completed by the officer and passed
 * by four people of the enforcement unit's flow: the officer prepares, the unit head (分管 the departments)
 * reviews, the unit's 公示专员 forwards, the commission's 主要领导 approves. All names and numbers are invented;
 * codes and ID numbers carry valid check characters.
 *
 * | case number          | decision          | party                               | publication                |
 * |----------------------|-------------------|-------------------------------------|----------------------------|
 * | 万卫罚立〔2026〕2号  | 万卫罚〔2026〕2号 | 陈建华 (natural person, resident ID) | none, overdue on dashboard |
 * | 万卫罚立〔2026〕3号  | 万卫罚〔2026〕3号 | 重庆万州悦来宾馆有限公司             | published                  |
 */
import { residentCheckChar, usccCheckChar } from '../../core/party/ids';
import type { SeedCaller } from './call';

const OFFICER = 'demo-officer-1';
const HEAD = 'demo-unit-head';
const OFFICERS = ['50010120230001', '50010120240021'];
const DAY = 86_400_000;

const uscc = (first17: string) => first17 + usccCheckChar(first17);
const resident = (first17: string) => first17 + residentCheckChar(first17);
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** The two parties: their personal data must never reach a public answer (test/server/publication/public-scan). */
export const DEMO_DECISION_PARTIES = {
  person: {
    kind: 'person',
    name: '陈建华',
    idKind: 'resident',
    idNo: resident('50010119820516341'),
    address: '重庆市万州区沙龙路二段8号3-1',
  },
  hotel: {
    kind: 'organisation',
    name: '重庆万州悦来宾馆有限公司',
    idKind: 'uscc',
    idNo: uscc('91500101MA61R3579'),
    legalRepresentative: '冉光明',
    address: '重庆市万州区北山大道168号',
  },
} as const;

type Call = <T = { id: string }>(who: string, action: string, payload: unknown) => Promise<T>;

/** Opens a penalty case `daysAgo` days back and takes it to its decision (行政处罚法 Art. 44, 57, 58). */
async function decide(
  staff: Call,
  caseNo: string,
  party: unknown,
  cause: string,
  daysAgo: number,
  decision: Record<string, unknown>,
) {
  const at = (d: number) => iso(Date.now() - d * DAY);
  const kase = await staff(OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo,
    cause,
    openedAt: at(daysAgo + 5),
    officers: OFFICERS,
    party,
  });
  await staff(OFFICER, 'case.advance', { id: kase.id, stage: 'investigation', actedAt: at(daysAgo + 4) });
  await staff(OFFICER, 'case.advance', { id: kase.id, stage: 'priorNotice', actedAt: at(daysAgo + 3) });
  await staff(OFFICER, 'case.advance', {
    id: kase.id,
    stage: 'statement',
    actedAt: at(daysAgo + 2),
    statement: { periodEndsAt: at(daysAgo + 1), partyStated: true },
  });
  await staff(HEAD, 'case.advance', { id: kase.id, stage: 'legalReview', actedAt: at(daysAgo + 1) });
  await staff(HEAD, 'case.advance', {
    id: kase.id,
    stage: 'decision',
    actedAt: at(daysAgo),
    decision: { ...decision, date: dateOf(Date.now() - daysAgo * DAY) },
  });
  return kase;
}

export async function seedDecisions(call: SeedCaller): Promise<void> {
  const staff: Call = (who, action, payload) => call('staff', who, action, payload);

  await decide(staff, '万卫罚立〔2026〕2号', DEMO_DECISION_PARTIES.person, '未取得医师执业证书擅自执业', 15, {
    docNo: '万卫罚〔2026〕2号',
    type: 'penalty',
    conclusion: '没收违法所得人民币一千二百元，并处罚款人民币三万元',
    amounts: { fine: 30000, confiscated: 1200 },
  });

  const hotel = await decide(
    staff,
    '万卫罚立〔2026〕3号',
    DEMO_DECISION_PARTIES.hotel,
    '公共场所未按规定对顾客用品用具进行清洗消毒',
    3,
    {
      docNo: '万卫罚〔2026〕3号',
      type: 'penalty',
      conclusion: '警告，并处罚款人民币五千元',
      amounts: { fine: 5000 },
    },
  );
  const { id } = await staff(OFFICER, 'publication.fromDecision', {
    caseId: hotel.id,
    docNo: '万卫罚〔2026〕3号',
  });
  const draft = await staff<{ entry: Record<string, unknown> }>(OFFICER, 'publication.staffGet', { id });
  const commission = uscc('11500101MB1357924');
  await staff(OFFICER, 'publication.edit', {
    id,
    entry: {
      ...draft.entry,
      authority: '重庆市万州区卫生健康委员会',
      authorityCode: commission,
      sourceUnit: '重庆市万州区卫生健康委员会',
      sourceUnitCode: commission,
      categories: ['警告', '罚款'],
      facts: '经现场检查，该宾馆客房杯具、毛巾未按规定清洗消毒，布草间无消毒设施。',
      basis: '《公共场所卫生管理条例实施细则》第三十六条',
    },
  });
  await staff(OFFICER, 'publication.submit', { id });
  await staff(HEAD, 'publication.review', { id });
  await staff('demo-publisher-2', 'publication.forward', { id });
  await staff('demo-principal', 'publication.approve', { id });
}
