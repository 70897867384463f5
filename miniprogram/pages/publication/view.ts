/**
 * The public results pages' view models (PUB-7, item 6), pure and tested directly
 * (test/miniprogram/publication-model.test.ts): what the backend's public projection (core/publication/public-view.ts)
 * and withdrawal notices become on screen. Nothing here adds data: the public view already holds no personal data.
 */
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  type PublicationKind,
  type PublicationPublicItem,
  type PublicView,
} from '../../core-bundle/index';
import { chineseDate } from '../../utils/date-format';

export const DETAIL_PAGE = '/pages/publication/detail/index';
export const LIST_PAGE = '/pages/publication/list/index';

export interface KindTab {
  /** '' for every kind. */
  value: PublicationKind | '';
  label: string;
}

/** The tabs: 全部, then each kind by its core label without the common "行政" (处罚, 许可, 强制, 检查, 征收征用). */
export function kindTabs(): KindTab[] {
  return [
    { value: '', label: '全部' },
    ...PUBLICATION_KINDS.map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k].replace(/^行政/, '') })),
  ];
}

/** "2.50" → "2.5"; "3" → "3"; anything not a plain decimal → null. */
function trimDecimal(text: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** 万元 decimal text as 元 with thousands separators, by moving the decimal point (no floating point). */
function yuanOf(wan: string): string {
  const [int = '0', frac = ''] = wan.split('.');
  const padded = frac.padEnd(4, '0');
  const whole = (int + padded.slice(0, 4)).replace(/^0+(?=\d)/, '');
  const cents = padded.slice(4).replace(/0+$/, '');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${cents ? `.${cents}` : ''}`;
}

/** An amount in 万元 (the backend's decimal text) as "2.5 万元（25,000 元）"; null stays null. */
export function wanYuan(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text === '') return null;
  const wan = trimDecimal(text);
  if (wan === null) return `${text} 万元`;
  return `${wan} 万元（${yuanOf(wan)} 元）`;
}

export type ListRow =
  | {
      id: string;
      withdrawn: false;
      kindLabel: string;
      docNo: string;
      partyName: string;
      /** The violation type, else the decision (inspections without a violation, permits). */
      summary: string;
      amount: string;
      date: string;
    }
  | { id: string; withdrawn: true; docNo: string; withdrawnOn: string; reason: string };

export function listRow(item: PublicationPublicItem): ListRow {
  if (item.withdrawn) {
    return {
      id: item.id,
      withdrawn: true,
      docNo: item.notice.docNo,
      withdrawnOn: chineseDate(item.notice.withdrawnOn),
      reason: item.notice.reason,
    };
  }
  const v = item.view;
  return {
    id: item.id,
    withdrawn: false,
    kindLabel: v.kindLabel,
    docNo: v.docNo,
    partyName: v.partyName,
    summary: v.violationType ?? v.decision,
    amount: v.fine ? `罚款 ${wanYuan(v.fine)}` : '',
    date: chineseDate(v.decisionDate),
  };
}

export interface Field {
  key: string;
  label: string;
  value: string;
}

/** What the decision field is called for each kind (行政处罚法 Art. 48: 处罚内容; permits: 许可内容; others: 结论). */
function decisionLabel(kind: PublicationKind): string {
  return kind === 'penalty' ? '处罚内容' : kind === 'permit' ? '许可内容' : '结论';
}
function categoryLabel(kind: PublicationKind): string {
  return kind === 'penalty' ? '处罚类别' : kind === 'permit' ? '许可类别' : '类别';
}

function viewFields(v: PublicView): Field[] {
  const fields: Array<Field | null> = [
    { key: 'docNo', label: '决定文书号', value: v.docNo },
    { key: 'authority', label: '执法机关', value: v.authority },
    { key: 'party', label: '当事人', value: v.partyName },
    v.partyAddress ? { key: 'address', label: '经营场所', value: v.partyAddress } : null,
    v.violationType ? { key: 'violation', label: '违法行为类型', value: v.violationType } : null,
    v.basis ? { key: 'basis', label: v.kind === 'penalty' ? '处罚依据' : '依据', value: v.basis } : null,
    v.categories.length
      ? { key: 'categories', label: categoryLabel(v.kind), value: v.categories.join('、') }
      : null,
    { key: 'decision', label: decisionLabel(v.kind), value: v.decision },
    v.fine ? { key: 'fine', label: '罚款金额', value: wanYuan(v.fine)! } : null,
    v.confiscated ? { key: 'confiscated', label: '没收金额', value: wanYuan(v.confiscated)! } : null,
    v.certificate ? { key: 'certificate', label: '证书名称', value: v.certificate.name } : null,
    v.certificate?.no ? { key: 'certificateNo', label: '证书编号', value: v.certificate.no } : null,
    v.certificate
      ? {
          key: 'validity',
          label: '有效期',
          value: `${chineseDate(v.certificate.validFrom)}至${chineseDate(v.certificate.validTo)}`,
        }
      : null,
    { key: 'date', label: '决定日期', value: chineseDate(v.decisionDate) },
  ];
  return fields.filter((f): f is Field => f !== null);
}

export type DetailView =
  | {
      withdrawn: false;
      id: string;
      title: string;
      kindLabel: string;
      fields: Field[];
      /** A changed decision: the earlier entry (now a withdrawal notice) to open. */
      replaces: { id: string; docNo: string; url: string } | null;
    }
  | { withdrawn: true; id: string; title: string; fields: Field[] };

export function detailView(item: PublicationPublicItem): DetailView {
  if (item.withdrawn) {
    return {
      withdrawn: true,
      id: item.id,
      title: '已撤回的公示信息',
      fields: [
        { key: 'docNo', label: '决定文书号', value: item.notice.docNo },
        { key: 'withdrawnOn', label: '撤回日期', value: chineseDate(item.notice.withdrawnOn) },
        { key: 'reason', label: '撤回理由', value: item.notice.reason },
      ],
    };
  }
  const v = item.view;
  return {
    withdrawn: false,
    id: item.id,
    title: `${v.kindLabel}决定公示`,
    kindLabel: v.kindLabel,
    fields: viewFields(v),
    replaces: item.replaces
      ? { ...item.replaces, url: `${DETAIL_PAGE}?id=${encodeURIComponent(item.replaces.id)}` }
      : null,
  };
}

/** The share card: the kind and document number, the page of this entry (nothing personal: PUB-7). */
export function shareOf(view: DetailView | null): { title: string; path: string } {
  if (!view) return { title: '执法结果公示', path: LIST_PAGE };
  const title = view.withdrawn
    ? `公示撤回说明：${view.fields[0]!.value}`
    : `${view.kindLabel}公示：${view.fields[0]!.value}`;
  return { title, path: `${DETAIL_PAGE}?id=${encodeURIComponent(view.id)}` };
}
