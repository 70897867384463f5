/**
 * The fixed choices of a publication entry's form (the 双公示 code lists, PUB-6) and of a withdrawal (PUB-13),
 * apart from the schemas (fields.ts, core/contract/publication.ts re-export them) so the mini-program's core bundle
 * takes the lists without zod.
 */

/** CF_XDR_LB: 法人及非法人组织 / 自然人 / 个体工商户. */
export const PARTY_CATEGORIES = ['organisation', 'person', 'individualBusiness'] as const;
export type PartyCategory = (typeof PARTY_CATEGORIES)[number];
export const PARTY_CATEGORY_LABELS: Record<PartyCategory, string> = {
  organisation: '法人及非法人组织',
  person: '自然人',
  individualBusiness: '个体工商户',
};

/** CF_CFLB: the kinds of penalty of 行政处罚法 Art. 9 (and 其他 for those other laws add). */
export const PENALTY_CATEGORIES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '其他',
] as const;

/** XK_XKLB: 普通 / 特许 / 认可 / 核准 / 登记 / 其他. */
export const PERMIT_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;
/** XK_ZT: the permit's state. */
export const PERMIT_STATES = ['有效', '无效'] as const;

/** 2099-12-31 stands for "indefinite" in the 双公示 standard. */
export const INDEFINITE = '2099-12-31';

/** What changed the decision (PUB-13; 行政处罚法 Art. 48): changed, revoked, found unlawful, found void. */
export const DECISION_CHANGES = ['changed', 'revoked', 'unlawful', 'void'] as const;
export const DECISION_CHANGE_LABELS: Record<(typeof DECISION_CHANGES)[number], string> = {
  changed: '决定被变更',
  revoked: '决定被撤销',
  unlawful: '决定被确认违法',
  void: '决定被确认无效',
};
