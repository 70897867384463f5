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
} from '../../core-bundle/index';
import { chineseDate } from '../../utils/date-format';
import { publicViewFields as viewFields, wanYuan, type Field } from '../../utils/public-view';

export { wanYuan, type Field };

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
