/**
 * Reasons for not accepting (不予受理) a complaint or report, a fixed list so that decisions are comparable and
 * the citizen is told a recognisable reason. Modelled on the non-acceptance grounds of market regulation's rules
 * of 2022 (《市场监督管理投诉举报处理暂行办法》Art. 15), the benchmark for complaint handling, adapted to health
 * enforcement (matters outside the health commission's duties go to the competent body).
 */
export const REJECTION_REASONS = {
  notHealthMatter: '不属于卫生健康行政部门职责范围，请向有关部门反映',
  noJurisdiction: '不属于本机关管辖',
  insufficientInfo: '未提供被投诉举报对象或具体违法线索，无法核查',
  alreadyHandled: '同一事项已依法处理，且未提供新的事实或证据',
  otherProcedure: '已进入诉讼、仲裁、行政复议等法定程序',
  civilDispute: '属于民事纠纷，请通过协商、调解或诉讼等途径解决',
  other: '其他',
} as const;

export type RejectionReason = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as [
  RejectionReason,
  ...RejectionReason[],
];

/**
 * Where a citizen can go instead, for each reason (told on the detail page with the reason; 12345 is the
 * government service hotline that routes a matter to the competent body).
 */
export const REJECTION_ADVICE: Record<RejectionReason, string> = {
  notHealthMatter: '请向主管该事项的部门反映；不清楚由哪个部门主管的，可以拨打 12345 政务服务便民热线咨询。',
  noJurisdiction: '请向有管辖权的卫生健康行政部门反映，也可以拨打 12345 政务服务便民热线，由热线转交。',
  insufficientInfo: '您可以补充被投诉举报对象的名称、地址和具体违法线索后重新提交。',
  alreadyHandled: '同一事项已依法处理。如有新的事实或证据，可以重新提交。',
  otherProcedure: '该事项已进入诉讼、仲裁或行政复议等程序，请在该程序中主张您的权利。',
  civilDispute: '可以与对方协商，申请人民调解委员会调解，或向人民法院提起诉讼。',
  other: '如有疑问，可以拨打 12345 政务服务便民热线咨询。',
};
