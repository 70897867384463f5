/**
 * The staff publication answers as the backend gives them (core/contract/publication.ts: PublicationQueueRow,
 * PublicationStaffView; `staff.me`), for the pubstaff pages' tests. Fictional parties; codes are not checked here.
 */
import type { PublicationQueueRow, PublicationStaffView } from '../../core/contract/publication';
import { penaltyView } from './publication-fixtures';

export const ENTRY_ID = 'pub_0123456789abcdef';
export const ok = (data: unknown) => ({ ok: true, data });
export const refused = (code: string, message: string, fields?: Record<string, string>) => ({
  ok: false,
  error: { code, message, ...(fields ? { fields } : {}) },
});
export const queuePage = (items: unknown[], nextCursor: string | null = null) =>
  ok({ items, total: items.length, totalCapped: false, nextCursor });

export function queueRow(over: Partial<PublicationQueueRow> = {}): PublicationQueueRow {
  return {
    id: ENTRY_ID,
    kind: 'penalty',
    docNo: '万卫医罚〔2026〕21号',
    partyName: '张某',
    decisionDate: '2026-11-24',
    status: 'forwarded',
    statusLabel: '待主要领导审批',
    unitId: 'unit_commission',
    sectionId: 'sec_medical',
    dueDate: '2026-12-03',
    withheld: [],
    round: 1,
    ...over,
  };
}

export function staffView(over: Partial<PublicationStaffView> = {}): PublicationStaffView {
  return {
    ...queueRow(),
    entry: {
      kind: 'penalty',
      docNo: '万卫医罚〔2026〕21号',
      decisionDate: '2026-11-24',
      authority: '重庆市万州区卫生健康委员会',
      authorityCode: '11500101MB1D47263A',
      sourceUnit: '重庆市万州区卫生健康委员会',
      sourceUnitCode: '11500101MB1D47263A',
      unitId: 'unit_commission',
      sectionId: 'sec_medical',
      party: {
        category: 'person',
        name: '张德明',
        personId: { kind: 'resident', number: '500101197908234512' },
        phone: '13628391045',
        address: '重庆市万州区北山大道19号6-3',
      },
      violationType: '未取得医师执业证书擅自开展诊疗活动',
      facts: '当事人未取得医师资格及执业证书，在其住所内为他人开展针灸诊疗活动。',
      basis: '《中华人民共和国医师法》第五十九条',
      categories: ['罚款', '没收违法所得'],
      content: '没收违法所得0.18万元，并处罚款2.5万元',
      fine: '2.5',
      confiscated: '0.18',
      validUntil: '2099-12-31',
      publicityUntil: '2027-11-24',
    },
    withheldLabels: [],
    publicPreview: penaltyView(),
    allowedSteps: ['approve', 'reject'],
    acts: [
      { step: 'submit', label: '提交审核', round: 1, actedAt: '2026-11-25T01:00:00.000Z', byMe: false },
      { step: 'review', label: '审核', round: 1, actedAt: '2026-11-25T03:00:00.000Z', byMe: false },
      { step: 'forward', label: '报送', round: 1, actedAt: '2026-11-26T02:00:00.000Z', byMe: false },
    ],
    comments: [],
    publishAt: null,
    publishedAt: null,
    withdrawal: null,
    channels: { miniprogram: 'pending' },
    version: 1,
    supersedes: null,
    correctionId: null,
    publicId: ENTRY_ID,
    replaces: null,
    ...over,
  };
}

/** `staff.me` of a person holding `roles` in the commission's 医政医管科. */
export function me(roles: string[]) {
  return ok({
    id: 'stf_x',
    name: '李明',
    unit: { id: 'unit_commission', name: '重庆市万州区卫生健康委员会', kind: 'commission' },
    section: { id: 'sec_medical', name: '医政医管科', kind: 'section' },
    grants: [],
    roles: roles.map((role) => ({ role, unitId: 'unit_commission', sectionIds: null, label: role })),
    delegations: [],
  });
}
