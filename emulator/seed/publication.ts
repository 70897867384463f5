/**
 * Demo publication entries (PUB-6, PUB-7): fictional results of every kind except levies (社会抚养费
 * was abolished in 2021; the kind stays for the future), prepared, reviewed, forwarded and approved by the demo
 * staff through the `staff` function's actions like real ones, and one withdrawn with its public reason. All
 * parties, names, numbers and addresses are invented; their codes carry valid check characters.
 *
 * | document number            | kind       | party (public name)       | section        | state     |
 * |----------------------------|------------|---------------------------|----------------|-----------|
 * | 万卫医罚〔2026〕21号     | penalty    | 张某 (natural person)     | 医政医管科     | published |
 * | 万卫公罚〔2026〕15号     | penalty    | 重庆嘉禾酒店管理有限公司   | 公共卫生科     | published |
 * | 万卫公许〔2026〕208号    | permit     | 万州区丽影美发店 (个体)    | 公共卫生科     | published |
 * | 万卫医强〔2026〕3号      | coercion   | 重庆康宁口腔门诊部有限公司 | 医政医管科     | published |
 * | 万卫医查〔2026〕47号     | inspection | 重庆康宁口腔门诊部有限公司 | 医政医管科     | published |
 * | 万卫公罚〔2026〕9号      | penalty    | 重庆清源泳池管理有限公司   | 公共卫生科     | withdrawn |
 */
import { residentCheckChar, usccCheckChar } from '../../core/party/ids';
import type { SeedCaller } from './call';
import { DEMO_SECTIONS, DEMO_UNITS } from './org';

const uscc = (first17: string) => first17 + usccCheckChar(first17);
const resident = (first17: string) => first17 + residentCheckChar(first17);

const AUTHORITY = {
  authority: '重庆市万州区卫生健康委员会',
  authorityCode: uscc('11500101MB1357924'),
  sourceUnit: '重庆市万州区卫生健康委员会',
  sourceUnitCode: uscc('11500101MB1357924'),
  unitId: DEMO_UNITS.commission,
};
const MEDICAL = { ...AUTHORITY, sectionId: DEMO_SECTIONS.medical };
const PUBLIC_HEALTH = { ...AUTHORITY, sectionId: DEMO_SECTIONS.publicHealth };

const dental = {
  category: 'organisation',
  name: '重庆康宁口腔门诊部有限公司',
  creditCode: uscc('91500101MA60K2468'),
  legalRep: '刘建平',
  legalRepId: { kind: 'resident', number: resident('50010119780412231') },
};

/** A date `days` before `today` (YYYY-MM-DD). */
const before = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function entries(today: string): Array<{ entry: Record<string, unknown>; withdraw?: string }> {
  const d = (n: number) => before(today, n);
  return [
    {
      entry: {
        kind: 'penalty',
        ...MEDICAL,
        docNo: '万卫医罚〔2026〕21号',
        decisionDate: d(6),
        party: {
          category: 'person',
          name: '张德明',
          personId: { kind: 'resident', number: resident('50010119790823451') },
          phone: '13628391045',
          address: '重庆市万州区白岩路19号6-3',
        },
        violationType: '未取得医师执业证书擅自开展诊疗活动',
        facts: '当事人张德明未取得医师资格及执业证书，在其住所内为他人开展针灸诊疗活动。',
        basis: '《中华人民共和国医师法》第五十九条',
        categories: ['罚款', '没收违法所得'],
        content: '没收违法所得0.18万元，并处罚款2.5万元',
        fine: '2.5',
        confiscated: '0.18',
        validUntil: '2099-12-31',
        publicityUntil: before(today, -365),
      },
    },
    {
      entry: {
        kind: 'penalty',
        ...PUBLIC_HEALTH,
        docNo: '万卫公罚〔2026〕15号',
        decisionDate: d(5),
        party: {
          category: 'organisation',
          name: '重庆嘉禾酒店管理有限公司',
          creditCode: uscc('91500101MA5YH7531'),
          legalRep: '陈永红',
          legalRepId: { kind: 'resident', number: resident('50010119720305672') },
        },
        violationType: '公共场所卫生质量不符合国家卫生标准和要求',
        facts: '经抽样检测，该酒店客房用品（杯具）细菌总数不符合卫生标准。',
        basis: '《公共场所卫生管理条例实施细则》第三十六条',
        categories: ['警告', '罚款'],
        content: '警告，并处罚款0.8万元',
        fine: '0.8',
        validUntil: '2099-12-31',
        publicityUntil: before(today, -365),
      },
    },
    {
      entry: {
        kind: 'permit',
        ...PUBLIC_HEALTH,
        docNo: '万卫公许〔2026〕208号',
        decisionDate: d(4),
        party: {
          category: 'individualBusiness',
          name: '万州区丽影美发店',
          creditCode: uscc('92500101MA6B13579'),
          legalRep: '何丽',
          legalRepId: { kind: 'resident', number: resident('50010119880917382') },
          address: '重庆市万州区太白路131号附5号',
          premisesConfirmed: true,
        },
        permitCategory: '普通',
        certificateName: '公共场所卫生许可证',
        certificateNo: '万卫公证字〔2026〕第0208号',
        content: '美发',
        validFrom: d(4),
        validTo: before(today, -1456),
        permitState: '有效',
      },
    },
    {
      entry: {
        kind: 'coercion',
        ...MEDICAL,
        docNo: '万卫医强〔2026〕3号',
        decisionDate: d(8),
        party: dental,
        category: '查封场所、设施或者财物',
        conclusion: '对该门诊部未经消毒灭菌的牙科手机等器械予以查封，期限三十日',
        basis: '《中华人民共和国传染病防治法》第五十五条',
        violationType: '使用未经消毒灭菌的诊疗器械',
      },
    },
    {
      entry: {
        kind: 'inspection',
        ...MEDICAL,
        docNo: '万卫医查〔2026〕47号',
        decisionDate: d(10),
        party: dental,
        category: '双随机一公开抽查',
        conclusion: '发现消毒灭菌记录不全，已责令改正',
      },
    },
    {
      entry: {
        kind: 'penalty',
        ...PUBLIC_HEALTH,
        docNo: '万卫公罚〔2026〕9号',
        decisionDate: d(20),
        party: {
          category: 'organisation',
          name: '重庆清源泳池管理有限公司',
          creditCode: uscc('91500101MA5XQ8642'),
          legalRep: '周海波',
          legalRepId: { kind: 'resident', number: resident('50010119700622153') },
        },
        violationType: '游泳场所水质不符合卫生标准',
        facts: '经检测，该游泳池池水游离性余氯、尿素不符合卫生标准。',
        basis: '《公共场所卫生管理条例实施细则》第三十六条',
        categories: ['警告', '罚款'],
        content: '警告，并处罚款0.6万元',
        fine: '0.6',
        validUntil: '2099-12-31',
        publicityUntil: before(today, -365),
      },
      withdraw: '该行政处罚决定已被行政复议机关撤销，依法撤回公示',
    },
  ];
}

const REVIEWERS: Record<string, string> = {
  [DEMO_SECTIONS.medical]: 'demo-leader-1',
  [DEMO_SECTIONS.publicHealth]: 'demo-leader-2',
};

export async function seedPublication(call: SeedCaller): Promise<void> {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const { entry, withdraw } of entries(today)) {
    const { id } = await call<{ id: string }>('staff', 'demo-officer-3', 'publication.create', { entry });
    await call('staff', 'demo-officer-3', 'publication.submit', { id });
    await call('staff', REVIEWERS[entry.sectionId as string]!, 'publication.review', { id });
    await call('staff', 'demo-publisher', 'publication.forward', { id });
    await call('staff', 'demo-principal', 'publication.approve', { id });
    if (withdraw) {
      await call('staff', 'demo-officer-3', 'publication.noteChange', {
        id,
        change: 'revoked',
        effectiveOn: before(today, 1),
        receivedOn: today,
      });
      await call('staff', 'demo-officer-3', 'publication.withdraw', { id, reason: withdraw });
      await call('staff', 'demo-leader-2', 'publication.publishWithdrawalReason', { id });
    }
  }
}
