/** Fictional publication entries with valid codes (check characters computed by core/party/ids.ts). */
import { residentCheckChar, usccCheckChar } from '../../../core/party/ids';
import type { PenaltyEntry, PermitEntry, PublicationEntry } from '../../../core/publication/fields';

export const uscc = (first17: string) => first17 + usccCheckChar(first17);
export const residentId = (first17: string) => first17 + residentCheckChar(first17);

/** 重庆市万州区卫生健康委员会 (fictional code). */
export const AUTHORITY_CODE = uscc('11500101MB1234567');
export const COMPANY_CODE = uscc('91500101MA5U12345');
export const BUSINESS_CODE = uscc('92500101MA5U54321');
/** Born 1985-06-15 in 500101 (Chongqing, Wanzhou). */
export const ADULT_ID = residentId('50010119850615123');
/** Born 2010-03-02: 16 on a 2026 decision. */
export const MINOR_ID = residentId('50010120100302123');

const common = {
  docNo: '万卫医罚〔2026〕12号',
  decisionDate: '2026-11-20',
  authority: '重庆市万州区卫生健康委员会',
  authorityCode: AUTHORITY_CODE,
  sourceUnit: '重庆市万州区卫生健康委员会',
  sourceUnitCode: AUTHORITY_CODE,
  unitId: 'unit-commission',
  sectionId: 'sec-medical',
};

export function penaltyOfPerson(over: Partial<PenaltyEntry> = {}): PenaltyEntry {
  return {
    kind: 'penalty',
    ...common,
    party: {
      category: 'person',
      name: '张三丰',
      personId: { kind: 'resident', number: ADULT_ID },
      phone: '13912345678',
      address: '重庆市万州区高笋塘街道白岩路88号3-2',
    },
    violationType: '非医师行医',
    facts: '当事人张三丰未取得医师执业证书，在其住所为他人诊疗。',
    basis: '《中华人民共和国医师法》第五十九条',
    categories: ['罚款', '没收违法所得'],
    content: '没收违法所得0.2万元，并处罚款3万元',
    fine: '3',
    confiscated: '0.2',
    validUntil: '2099-12-31',
    publicityUntil: '2027-11-20',
    ...over,
  };
}

export function penaltyOfCompany(over: Partial<PenaltyEntry> = {}): PenaltyEntry {
  return {
    ...penaltyOfPerson(),
    docNo: '万卫公罚〔2026〕7号',
    party: {
      category: 'organisation',
      name: '重庆某某酒店管理有限公司',
      creditCode: COMPANY_CODE,
      legalRep: '李四海',
      legalRepId: { kind: 'resident', number: ADULT_ID },
    },
    violationType: '公共场所卫生质量不符合卫生标准',
    facts: '经检测，客房茶具细菌总数超标。',
    basis: '《公共场所卫生管理条例实施细则》第三十六条',
    categories: ['警告', '罚款'],
    content: '警告，罚款0.5万元',
    fine: '0.5',
    confiscated: undefined,
    ...over,
  };
}

export function permitOfBusiness(over: Partial<PermitEntry> = {}): PermitEntry {
  return {
    kind: 'permit',
    ...common,
    docNo: '万卫公许〔2026〕101号',
    party: {
      category: 'individualBusiness',
      name: '万州区王五理发店',
      creditCode: BUSINESS_CODE,
      legalRep: '王五',
      address: '重庆市万州区太白路88号',
      premisesConfirmed: true,
    },
    permitCategory: '普通',
    certificateName: '公共场所卫生许可证',
    certificateNo: '万卫公证字〔2026〕第0101号',
    content: '理发店',
    validFrom: '2026-11-20',
    validTo: '2030-11-19',
    permitState: '有效',
    ...over,
  };
}

export function inspectionOfCompany(): PublicationEntry {
  return {
    kind: 'inspection',
    ...common,
    docNo: '万卫监查〔2026〕33号',
    party: penaltyOfCompany().party,
    category: '双随机抽查',
    conclusion: '未发现问题',
  };
}
