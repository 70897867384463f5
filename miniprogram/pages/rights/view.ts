/**
 * The public rights page's view model (PUB-5), pure and tested directly
 * (test/miniprogram/rights-model.test.ts): the document types to pick from (core's list and names), and what
 * `rights.get` answers (core/service/public-rights.ts) as the page shows it: rights and duties apart, each with
 * its period, its last day and a countdown when the reader gave the day they received the document, the review
 * body and court with tap-to-call phones, and how periods are counted.
 */
import {
  DOCUMENT_TYPES,
  RIGHTS_DOC_TYPES,
  type PublicRights,
  type PublicRightItem,
  type RightsDocType,
} from '../../core-bundle/index';
import { chineseDate } from '../../utils/date-format';

export const RIGHTS_PAGE = '/pages/rights/notice/index';

export interface DocOption {
  value: RightsDocType;
  label: string;
}

/** The document types that carry a rights notice, by their standard names (卫生行政执法文书规范). */
export function docOptions(): DocOption[] {
  return RIGHTS_DOC_TYPES.map((value) => ({ value, label: DOCUMENT_TYPES[value] }));
}

export function isRightsDocType(v: unknown): v is RightsDocType {
  return typeof v === 'string' && (RIGHTS_DOC_TYPES as readonly string[]).includes(v);
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export type DueState = 'open' | 'lastDay' | 'past';

export interface ItemRow {
  id: string;
  duty: boolean;
  title: string;
  text: string;
  article: string;
  periodText: string;
  /** Applies only under the conditions its text states (符合条件时 / 处罚包括罚款时). */
  conditionTag: string;
  /** '' without a receipt date. */
  dueLabel: string;
  dueText: string;
  dueState: DueState | '';
  countdown: string;
  provisional: boolean;
}

/** The last day (or the first day of a consequence) as the page says it, with the countdown from `today`. */
export function dueOf(
  item: Pick<PublicRightItem, 'id' | 'due' | 'from'>,
  today: string,
): Pick<ItemRow, 'dueLabel' | 'dueText' | 'dueState' | 'countdown' | 'provisional'> {
  if (item.from) {
    const started = dayNumber(item.from.date) <= dayNumber(today);
    return {
      dueLabel: '起算日期',
      dueText: `${chineseDate(item.from.date)}起`,
      dueState: started ? 'past' : 'open',
      countdown: started ? '已开始计算' : '',
      provisional: item.from.provisional,
    };
  }
  if (!item.due) return { dueLabel: '', dueText: '', dueState: '', countdown: '', provisional: false };
  const left = dayNumber(item.due.date) - dayNumber(today);
  return {
    dueLabel: '截止日期',
    dueText: chineseDate(item.due.date),
    dueState: left < 0 ? 'past' : left === 0 ? 'lastDay' : 'open',
    countdown: left < 0 ? '已届满' : left === 0 ? '今天是最后一天' : `还剩 ${left} 天`,
    provisional: item.due.provisional,
  };
}

function conditionTag(item: PublicRightItem): string {
  if (!item.conditional) return '';
  return item.kind === 'duty' || item.id === 'deferment' ? '处罚包括罚款时' : '符合条件时';
}

export interface BodyRow {
  key: string;
  label: string;
  name: string;
  basis: string;
  address: string;
  phone: string;
  /** A number wx.makePhoneCall takes (digits and hyphens). */
  callable: boolean;
}

export interface RightsView {
  title: string;
  docName: string;
  onSpot: boolean;
  rights: ItemRow[];
  duties: ItemRow[];
  bodies: BodyRow[];
  notes: string[];
  /** '' without a receipt date. */
  servedOnText: string;
  /** Some last day lies in a year whose official holiday table is not out yet. */
  provisional: boolean;
  settingsVersion: number;
}

export function rightsView(data: PublicRights): RightsView {
  const rows = data.items.map((item): ItemRow => ({
    id: item.id,
    duty: item.kind === 'duty',
    title: item.title,
    text: item.text,
    article: item.article,
    periodText: item.periodText,
    conditionTag: conditionTag(item),
    ...dueOf(item, data.today),
  }));
  return {
    title: `${data.docName}${data.onSpot ? '（当场处罚）' : ''}`,
    docName: data.docName,
    onSpot: data.onSpot,
    // 延期、分期缴纳 is a right that belongs with the payment duties it eases.
    rights: rows.filter((r) => !r.duty && !isPaymentRelated(r.id)),
    duties: rows.filter((r) => r.duty || isPaymentRelated(r.id)),
    bodies: data.bodies.map((b) => ({
      key: b.role,
      label: b.label,
      name: b.name,
      basis: b.basis,
      address: b.address ?? '',
      phone: b.phone ?? '',
      callable: !!b.phone && /^[\d-]{3,20}$/.test(b.phone),
    })),
    notes: data.countingNotes,
    servedOnText: data.servedOn ? chineseDate(data.servedOn) : '',
    provisional: rows.some((r) => r.provisional),
    settingsVersion: data.settingsVersion,
  };
}

function isPaymentRelated(id: string): boolean {
  return id === 'deferment';
}

/** The share card: the document type's notice, nothing else (the receipt date stays with the reader). */
export function shareOf(docType: RightsDocType): { title: string; path: string } {
  return {
    title: `权利告知：${DOCUMENT_TYPES[docType]}`,
    path: `${RIGHTS_PAGE}?docType=${docType}`,
  };
}
