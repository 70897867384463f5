/**
 * The public rights notice (PUB-5; docs/service-rights.md "Public rights page"): what `rights.get` answers for a
 * document type, read without a case. The rights and duties come from `rightsFor` (the one place that says what a
 * document carries); this adds, in plain Chinese, how long each one runs and from when, the review body and the
 * court a party turns to (with address and phone when the legal settings hold them), how periods are counted,
 * and, when the reader gives the day they received the document, each period's last day on the working-day
 * calendar (marked provisional where that year's holiday table is not official yet).
 */
import { DOCUMENT_TYPES } from '../case/stages';
import type { Calendar, DateResult, PlainDate } from '../calendar';
import type { SettingsValues } from '../settings/schema';
import { deadlinesFrom } from './deadlines';
import {
  rightsFor,
  type Penalty,
  type RightId,
  type RightItem,
  type RightsContext,
  type RightsDocType,
} from './rights';

export interface PublicRightItem {
  id: RightId;
  kind: 'right' | 'duty';
  title: string;
  text: string;
  article: string;
  /** How long and from when, in plain Chinese ('' for an item with no period). */
  periodText: string;
  /** Applies only under the conditions its text states (the notice read without a case). */
  conditional: boolean;
  /** With a receipt date: the period's last day (hearing, statement, payment, review, litigation). */
  due?: DateResult;
  /** With a receipt date: the first day a consequence runs (the surcharge). */
  from?: DateResult;
}

export interface RemedyBodyView {
  role: 'reviewBody' | 'court';
  /** 行政复议机关 / 人民法院 */
  label: string;
  name: string;
  /** The legal basis for naming this body. */
  basis: string;
  address: string | null;
  phone: string | null;
}

export interface PublicRights {
  docType: RightsDocType;
  docName: string;
  /** A penalty decided on the spot (当场处罚): review comes before litigation. */
  onSpot: boolean;
  /** Read for given penalties (false) or without a case, with conditions (true). */
  generic: boolean;
  items: PublicRightItem[];
  /** The bodies the items name, review body first. */
  bodies: RemedyBodyView[];
  /** How the periods are counted, in plain Chinese (only the rules the items use). */
  countingNotes: string[];
  /** The receipt date the dates were counted from (Shanghai), when given. */
  servedOn: PlainDate | null;
  /** Today in Shanghai, for the countdown. */
  today: PlainDate;
  /** The legal-settings version the texts, periods and bodies come from. */
  settingsVersion: number;
}

export type PublicRightsSettings = Pick<
  SettingsValues,
  | 'reviewBody'
  | 'court'
  | 'reviewPeriodDays'
  | 'litigationPeriodMonths'
  | 'statementPeriodDays'
  | 'hearingRequestDays'
  | 'serviceDateRule'
  | 'hearingThresholds'
>;

export interface PublicRightsRequest {
  docType: RightsDocType;
  penalties?: readonly Penalty[];
  partyKind?: 'person' | 'organisation';
  onSpot?: boolean;
  servedOn?: PlainDate;
}

const FROM_RECEIPT = '自收到文书之日的次日起算';

/** How long a right runs and from when, in plain Chinese. */
export function periodText(item: RightItem): string {
  const p = item.period;
  switch (p.unit) {
    case 'workingDays':
      return `${p.count}个工作日（${FROM_RECEIPT}）`;
    case 'calendarDays':
      return `${p.count}日（${FROM_RECEIPT}，含周末和节假日）`;
    case 'months':
      return `${p.count}个月（${FROM_RECEIPT}）`;
    case 'untilDecision':
      return item.id === 'coercionStatement'
        ? '作出强制执行决定前均可提出'
        : '作出决定前随时可以提出，没有期限限制';
    case 'afterDue':
      return '缴款期限届满的次日起，按日计算';
    default:
      return '';
  }
}

const SERVICE_DATE_NOTES: Record<PublicRightsSettings['serviceDateRule'], string> = {
  firstOpenOrAcknowledge:
    '通过小程序电子送达的文书，以您首次打开文书或者点击“确认收悉”的时间（以先发生的为准）为收到时间。',
  acknowledge: '通过小程序电子送达的文书，以您点击“确认收悉”的时间为收到时间。',
  arrival: '通过小程序电子送达的文书，以文书到达您的小程序账户的时间为收到时间。',
};

function countingNotes(items: readonly RightItem[], rule: PublicRightsSettings['serviceDateRule']): string[] {
  const units = new Set(items.map((i) => i.period.unit));
  const notes: string[] = [];
  if (items.some((i) => i.start === 'service'))
    notes.push('期限从收到文书之日的次日开始计算；当面送达的，以您在送达回证上签收的日期为收到日期。');
  if (units.has('workingDays'))
    notes.push('“工作日”不含周六、周日和法定节假日；国家规定调休上班的周六、周日计为工作日。');
  if (units.has('calendarDays') || units.has('months'))
    notes.push(
      '按日或者按月计算的期限，最后一日是周末或者法定节假日的，以节假日后的第一个工作日为最后一日。',
    );
  if (items.some((i) => i.start === 'service')) notes.push(SERVICE_DATE_NOTES[rule]);
  return notes;
}

function bodyView(role: RemedyBodyView['role'], body: PublicRightsSettings['court']): RemedyBodyView {
  return {
    role,
    label: role === 'reviewBody' ? '行政复议机关' : '人民法院',
    name: body.name,
    basis: body.basis,
    address: body.address ?? null,
    phone: body.phone ?? null,
  };
}

/** The public notice of `request.docType` under `settings` (version `settingsVersion`), on `today` (Shanghai). */
export function publicRights(
  request: PublicRightsRequest,
  settings: PublicRightsSettings,
  settingsVersion: number,
  calendar: Calendar,
  today: PlainDate,
): PublicRights {
  const generic = request.penalties === undefined;
  const onSpot = request.docType === 'penaltyDecision' && request.onSpot === true;
  const context: RightsContext = {
    settings,
    generic,
    onSpot,
    ...(request.penalties ? { penalties: request.penalties } : {}),
    ...(request.partyKind ? { partyKind: request.partyKind } : {}),
    ...(settings.hearingThresholds ? { hearingThresholds: settings.hearingThresholds } : {}),
  };
  const rights = rightsFor(request.docType, context);
  const dates = request.servedOn ? deadlinesFrom(rights, request.servedOn, calendar) : [];
  const items = rights.map((r): PublicRightItem => {
    const d = dates.find((x) => x.id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      text: r.text,
      article: r.article,
      periodText: periodText(r),
      conditional: r.conditional === true,
      ...(d?.due ? { due: d.due } : {}),
      ...(d?.from ? { from: d.from } : {}),
    };
  });
  const ids = new Set(rights.map((r) => r.id));
  const bodies: RemedyBodyView[] = [];
  if (ids.has('review')) bodies.push(bodyView('reviewBody', settings.reviewBody));
  if (ids.has('litigation') || ids.has('litigationAfterReview'))
    bodies.push(bodyView('court', settings.court));
  return {
    docType: request.docType,
    docName: DOCUMENT_TYPES[request.docType],
    onSpot,
    generic,
    items,
    bodies,
    countingNotes: countingNotes(rights, settings.serviceDateRule),
    servedOn: request.servedOn ?? null,
    today,
    settingsVersion,
  };
}
