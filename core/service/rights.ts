/**
 * The rights and duties a served document carries (PUB-5, REC-7), each with its plain Chinese text, its
 * legal article, its period and where the period starts. Pure: the legal settings (review body, court, periods)
 * and the hearing thresholds (较大数额, a legal setting of the province or the sector) are inputs.
 *
 * - 事先告知书 (priorNotice): statement and defence (the notice's period, default 5 working days; later ones are
 *   accepted and marked late until the decision, 行政处罚法 Art. 45, 62); a hearing only for the penalties of
 *   Art. 63, requested within 5 working days (Art. 64(一)); recusal at any time before the decision (Art. 43).
 * - 听证通知书 (hearingNotice): recusal of the hearing officer before the hearing (Art. 43, 64(四)).
 * - 行政处罚决定书 (penaltyDecision): review within 60 days to the configured body (行政复议法 2023 Art. 20, 24) and
 *   litigation within 6 months to the configured court (行政诉讼法 Art. 46); for a penalty decided on the spot
 *   (当场处罚), review first and litigation only after it (行政复议法 Art. 23; 行政诉讼法 Art. 45: 15 days from the
 *   review decision). Whatever the penalty, review or litigation does not suspend execution (Art. 73 ¶1). With a
 *   fine, the duties: pay within 15 calendar days of receipt (行政处罚法 Art. 67), a 3%-a-day surcharge after that,
 *   never above the fine and not counted during review or litigation (Art. 72, 73(3)), and deferment or
 *   instalments on application (Art. 66).
 * - 催告书 (demandNotice): the right to state and defend (行政强制法 Art. 35, 36).
 * - 查封扣押决定书, 行政控制决定书, 处理决定书: review and litigation as for a decision.
 * Every other document type carries no rights notice of its own (an empty list).
 *
 * Read without a case (`generic`, the public rights page, PUB-5): the hearing right is listed with the conditions
 * under which it applies, and a decision's payment duties are listed as applying when the penalty includes a fine;
 * both items are marked `conditional`.
 */
import type { DocumentType as DocType } from '../case/stages';
import type { SettingsValues } from '../settings/schema';

export type RightId =
  | 'statement'
  | 'hearing'
  | 'recusal'
  | 'review'
  | 'litigation'
  | 'litigationAfterReview'
  | 'coercionStatement'
  | 'payment'
  | 'surcharge'
  | 'deferment'
  | 'noSuspension';

/**
 * How long a right or duty runs. Periods start the day after the service date (docs/requirements.md "Rules used
 * everywhere"); `afterDue` starts the day after another item's due date (the surcharge after the payment period).
 */
export type RightPeriod =
  | { unit: 'workingDays'; count: number }
  | { unit: 'calendarDays'; count: number }
  | { unit: 'months'; count: number }
  | { unit: 'untilDecision' }
  | { unit: 'afterDue'; of: RightId }
  | { unit: 'none' };

/** What happens to an act after its period: refused (the hearing request) or accepted and marked late (statements). */
export type LateRule = 'refused' | 'acceptedMarkedLate' | 'notApplicable';

export interface RightItem {
  id: RightId;
  kind: 'right' | 'duty';
  /** Short Chinese title for a list (e.g. 要求听证). */
  title: string;
  /** The plain Chinese text shown to the party, with the bodies and periods filled in. */
  text: string;
  /** The legal article, in Chinese, as cited to the party. */
  article: string;
  period: RightPeriod;
  /** Where the period starts: the service date, another item's due date, or nowhere (no period). */
  start: 'service' | 'afterDue' | 'none';
  late: LateRule;
  /** Read without a case (`generic`): the item applies only under the conditions its text states. */
  conditional?: true;
}

/** The document types that carry a rights notice (rightsFor answers a non-empty list for each), in serving order. */
export const RIGHTS_DOC_TYPES = [
  'priorNotice',
  'hearingNotice',
  'penaltyDecision',
  'demandNotice',
  'sealSeizeDecision',
  'controlDecision',
  'goodsDecision',
] as const satisfies readonly DocType[];
export type RightsDocType = (typeof RIGHTS_DOC_TYPES)[number];

/**
 * The penalties of 行政处罚法 Art. 9 as the rights rules need them, with their Chinese names. `otherHeavy` is
 * 其他较重的行政处罚: the officer's and legal reviewer's judgement (Art. 63(五)(六)).
 */
export const PENALTY_KINDS = {
  warning: '警告',
  publicCriticism: '通报批评',
  fine: '罚款',
  confiscateGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictBusiness: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  close: '责令关闭',
  restrictPractice: '限制从业',
  otherHeavy: '其他较重的行政处罚',
} as const;
export type PenaltyKind = keyof typeof PENALTY_KINDS;

export interface Penalty {
  kind: PenaltyKind;
  /** Yuan, for a fine or a confiscation. */
  amountYuan?: number;
}

/** 较大数额 / 较大价值 thresholds in yuan (a legal setting); "以上" includes the threshold itself. */
export interface HearingThresholds {
  person: { fineYuan: number; confiscationYuan: number };
  organisation: { fineYuan: number; confiscationYuan: number };
}

export type RightsSettings = Pick<
  SettingsValues,
  | 'reviewBody'
  | 'court'
  | 'reviewPeriodDays'
  | 'litigationPeriodMonths'
  | 'statementPeriodDays'
  | 'hearingRequestDays'
  | 'hearingThresholds'
>;

export interface RightsContext {
  settings: RightsSettings;
  /** The proposed penalties (事先告知书) or the decided ones (决定书). */
  penalties?: readonly Penalty[];
  partyKind?: 'person' | 'organisation';
  hearingThresholds?: HearingThresholds;
  /** The statement period the notice itself gave, in working days (default: the setting). */
  statementPeriodDays?: number;
  /** A penalty decided on the spot (当场处罚, 行政处罚法 Art. 51). */
  onSpot?: boolean;
  /**
   * The notice read without a case (the public page): the hearing right with its conditions, and a decision's
   * payment duties as applying to a fine; `penalties` then play no part.
   */
  generic?: boolean;
}

const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const REVIEW_LAW = '《中华人民共和国行政复议法》';
const LITIGATION_LAW = '《中华人民共和国行政诉讼法》';
const COERCION_LAW = '《中华人民共和国行政强制法》';

/** Penalties that always open the hearing right (Art. 63(三)(四)(五)). */
const HEARING_ALWAYS: ReadonlySet<PenaltyKind> = new Set([
  'lowerQualification',
  'revokeLicence',
  'suspendBusiness',
  'close',
  'restrictPractice',
  'otherHeavy',
]);

/**
 * Whether the penalties open the hearing right (Art. 63): a large fine, a large confiscation (thresholds as input,
 * for the party's kind), a lowered qualification, a revoked licence, suspension, closure, restricted practice, or
 * another heavy penalty. Without thresholds a fine or confiscation alone cannot be judged and opens no hearing.
 */
export function hearingApplies(context: RightsContext): boolean {
  const thresholds = context.hearingThresholds?.[context.partyKind ?? 'organisation'];
  return (context.penalties ?? []).some((p) => {
    if (HEARING_ALWAYS.has(p.kind)) return true;
    if (!thresholds || p.amountYuan === undefined) return false;
    if (p.kind === 'fine') return p.amountYuan >= thresholds.fineYuan;
    if (p.kind === 'confiscateGains' || p.kind === 'confiscateProperty')
      return p.amountYuan >= thresholds.confiscationYuan;
    return false;
  });
}

/** The total fine in yuan (0 when none): the payment duty and the surcharge cap (Art. 72). */
export function totalFineYuan(context: RightsContext): number {
  return (context.penalties ?? [])
    .filter((p) => p.kind === 'fine')
    .reduce((sum, p) => sum + (p.amountYuan ?? 0), 0);
}

/** 5000 → 5000元; 50000 → 5万元 (whole 万 only; anything else in 元). */
export function yuanText(yuan: number): string {
  return yuan >= 10_000 && yuan % 10_000 === 0 ? `${yuan / 10_000}万元` : `${yuan}元`;
}

/**
 * The cases of 行政处罚法 Art. 63 in plain Chinese, with the 较大数额 thresholds when the settings hold them (else
 * the amount is said to follow the rules in force).
 */
export function hearingConditions(thresholds?: HearingThresholds): string[] {
  const fine = thresholds
    ? `较大数额罚款（对公民${yuanText(thresholds.person.fineYuan)}以上、对法人或者其他组织${yuanText(thresholds.organisation.fineYuan)}以上）`
    : '较大数额罚款（数额标准按本市规定执行）';
  const confiscation = thresholds
    ? `没收较大数额违法所得、没收较大价值非法财物（对公民${yuanText(thresholds.person.confiscationYuan)}以上、对法人或者其他组织${yuanText(thresholds.organisation.confiscationYuan)}以上）`
    : '没收较大数额违法所得、没收较大价值非法财物';
  return [
    fine,
    confiscation,
    '降低资质等级、吊销许可证件',
    '责令停产停业、责令关闭、限制从业',
    '其他较重的行政处罚',
    '法律、法规、规章规定的其他情形',
  ];
}

function recusal(before: string): RightItem {
  return {
    id: 'recusal',
    kind: 'right',
    title: '申请回避',
    text: `您认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，可以在${before}随时申请回避，没有期限限制。`,
    article: `${PENALTY_LAW}第四十三条`,
    period: { unit: 'untilDecision' },
    start: 'none',
    late: 'notApplicable',
  };
}

function remedies(context: RightsContext, docName: string): RightItem[] {
  const { reviewBody, court, reviewPeriodDays, litigationPeriodMonths } = context.settings;
  if (context.onSpot) {
    return [
      {
        id: 'review',
        kind: 'right',
        title: '申请行政复议（须先复议）',
        text: `本决定为当场作出的行政处罚决定。如不服，应当先自收到${docName}之日起${reviewPeriodDays}日内向${reviewBody.name}申请行政复议，不能直接提起行政诉讼。`,
        article: `${REVIEW_LAW}第二十条、第二十三条、第二十四条`,
        period: { unit: 'calendarDays', count: reviewPeriodDays },
        start: 'service',
        late: 'notApplicable',
      },
      {
        id: 'litigationAfterReview',
        kind: 'right',
        title: '复议后提起行政诉讼',
        text: '对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。',
        article: `${REVIEW_LAW}第二十三条；${LITIGATION_LAW}第四十五条`,
        period: { unit: 'none' },
        start: 'none',
        late: 'notApplicable',
      },
    ];
  }
  return [
    {
      id: 'review',
      kind: 'right',
      title: '申请行政复议',
      text: `如不服本决定，可以自收到${docName}之日起${reviewPeriodDays}日内向${reviewBody.name}申请行政复议。`,
      article: `${REVIEW_LAW}第二十条、第二十四条`,
      period: { unit: 'calendarDays', count: reviewPeriodDays },
      start: 'service',
      late: 'notApplicable',
    },
    {
      id: 'litigation',
      kind: 'right',
      title: '提起行政诉讼',
      text: `也可以不经复议，自收到${docName}之日起${litigationPeriodMonths}个月内向${court.name}提起行政诉讼。`,
      article: `${LITIGATION_LAW}第四十六条`,
      period: { unit: 'months', count: litigationPeriodMonths },
      start: 'service',
      late: 'notApplicable',
    },
  ];
}

/** 行政处罚法 Art. 73 ¶1: every penalty decision, with a fine or not, stays executable during review or litigation. */
const NO_SUSPENSION: RightItem = {
  id: 'noSuspension',
  kind: 'duty',
  title: '复议诉讼期间不停止执行',
  text: '申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。',
  article: `${PENALTY_LAW}第七十三条`,
  period: { unit: 'none' },
  start: 'none',
  late: 'notApplicable',
};

/** The duties of a fine; `fineYuan` undefined: read without a case (the amount is the decision's). */
function fineDuties(fineYuan: number | undefined): RightItem[] {
  const conditional = fineYuan === undefined ? ({ conditional: true } as const) : {};
  const cap = fineYuan === undefined ? '' : `（最多${fineYuan}元）`;
  const items: RightItem[] = [
    {
      id: 'payment',
      kind: 'duty',
      title: '缴纳罚款',
      text:
        fineYuan === undefined
          ? '处罚决定包括罚款的，请自收到决定书之日起15日内缴纳决定书载明的罚款。'
          : `请自收到本决定书之日起15日内缴纳罚款${fineYuan}元。`,
      article: `${PENALTY_LAW}第六十七条`,
      period: { unit: 'calendarDays', count: 15 },
      start: 'service',
      late: 'notApplicable',
    },
    {
      id: 'surcharge',
      kind: 'duty',
      title: '逾期加处罚款',
      text: `到期不缴纳罚款的，每日按罚款数额的3%加处罚款，加处罚款的数额不超过罚款数额${cap}。申请行政复议或者提起行政诉讼的，复议、诉讼期间不计算加处罚款。`,
      article: `${PENALTY_LAW}第七十二条、第七十三条第三款`,
      period: { unit: 'afterDue', of: 'payment' },
      start: 'afterDue',
      late: 'notApplicable',
    },
    {
      id: 'deferment',
      kind: 'right',
      title: '申请延期或分期缴纳',
      text: '确有经济困难，需要延期或者分期缴纳罚款的，可以向本机关提出申请，经批准后可以暂缓或者分期缴纳。',
      article: `${PENALTY_LAW}第六十六条`,
      period: { unit: 'none' },
      start: 'none',
      late: 'notApplicable',
    },
  ];
  return items.map((item) => ({ ...item, ...conditional }));
}

/** The rights and duties `docType` carries in `context`, in the order they are shown. */
export function rightsFor(docType: DocType, context: RightsContext): RightItem[] {
  switch (docType) {
    case 'priorNotice': {
      const statementDays = context.statementPeriodDays ?? context.settings.statementPeriodDays;
      const items: RightItem[] = [
        {
          id: 'statement',
          kind: 'right',
          title: '陈述和申辩',
          text: `您有权进行陈述和申辩，请自收到本告知书之日起${statementDays}个工作日内提出。逾期提出的，在作出处罚决定前仍会受理，并记录为逾期提出。陈述、申辩不会导致加重处罚。`,
          article: `${PENALTY_LAW}第四十四条、第四十五条、第六十二条`,
          period: { unit: 'workingDays', count: statementDays },
          start: 'service',
          late: 'acceptedMarkedLate',
        },
      ];
      if (context.generic) {
        const days = context.settings.hearingRequestDays;
        items.push({
          id: 'hearing',
          kind: 'right',
          title: '要求听证',
          text: `拟作出的处罚属于下列情形之一的，告知书会写明您有权要求听证：${hearingConditions(context.hearingThresholds).join('；')}。您可以自收到告知书之日起${days}个工作日内提出听证要求；逾期未提出的，视为放弃听证权利。`,
          article: `${PENALTY_LAW}第六十三条、第六十四条`,
          period: { unit: 'workingDays', count: days },
          start: 'service',
          late: 'refused',
          conditional: true,
        });
      } else if (hearingApplies(context)) {
        const days = context.settings.hearingRequestDays;
        items.push({
          id: 'hearing',
          kind: 'right',
          title: '要求听证',
          text: `拟作出的处罚属于法定可以要求听证的情形。您可以自收到本告知书之日起${days}个工作日内要求听证；逾期未提出的，视为放弃听证权利。`,
          article: `${PENALTY_LAW}第六十三条、第六十四条`,
          period: { unit: 'workingDays', count: days },
          start: 'service',
          late: 'refused',
        });
      }
      items.push(recusal('作出处罚决定前'));
      return items;
    }
    case 'hearingNotice':
      return [recusal('听证举行前及作出处罚决定前')];
    case 'penaltyDecision': {
      if (context.generic) return [...remedies(context, '本决定书'), ...fineDuties(undefined), NO_SUSPENSION];
      const fine = totalFineYuan(context);
      return [...remedies(context, '本决定书'), ...(fine > 0 ? fineDuties(fine) : []), NO_SUSPENSION];
    }
    case 'demandNotice':
      return [
        {
          id: 'coercionStatement',
          kind: 'right',
          title: '陈述和申辩',
          text: '您有权在收到本催告书后进行陈述和申辩。行政机关应当充分听取您的意见，对您提出的事实、理由和证据进行记录、复核；理由成立的，应当采纳。',
          article: `${COERCION_LAW}第三十五条、第三十六条`,
          period: { unit: 'untilDecision' },
          start: 'none',
          late: 'notApplicable',
        },
      ];
    case 'sealSeizeDecision':
    case 'controlDecision':
    case 'goodsDecision':
      return remedies({ ...context, onSpot: false }, '本决定书');
    default:
      return [];
  }
}
