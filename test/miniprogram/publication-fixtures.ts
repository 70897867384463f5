/**
 * Public results as `publication.list` / `publication.get` answer them (core/contract/publication.ts
 * PublicationPublicItem): only the public view (core/publication/public-view.ts) or a withdrawal notice.
 */
import type { PublicationPublicItem } from '../../core/contract/publication';
import type { PublicView } from '../../core/publication/public-view';

export const penaltyView = (over: Partial<PublicView> = {}): PublicView => ({
  kind: 'penalty',
  kindLabel: '行政处罚',
  docNo: '万卫医罚〔2026〕21号',
  authority: '重庆市万州区卫生健康委员会',
  partyName: '张某',
  partyAddress: null,
  violationType: '未取得医师执业证书擅自开展诊疗活动',
  basis: '《中华人民共和国医师法》第五十九条',
  categories: ['罚款', '没收违法所得'],
  decision: '没收违法所得0.18万元，并处罚款2.5万元',
  fine: '2.5',
  confiscated: '0.18',
  certificate: null,
  decisionDate: '2026-11-24',
  ...over,
});

export const permitView = (): PublicView => ({
  kind: 'permit',
  kindLabel: '行政许可',
  docNo: '万卫公许〔2026〕208号',
  authority: '重庆市万州区卫生健康委员会',
  partyName: '万州区丽影美发店',
  partyAddress: '重庆市万州区高笋塘步行街8号',
  violationType: null,
  basis: null,
  categories: ['普通'],
  decision: '准予公共场所卫生许可',
  fine: null,
  confiscated: null,
  certificate: {
    name: '公共场所卫生许可证',
    no: '万卫公证字〔2026〕第208号',
    validFrom: '2026-11-20',
    validTo: '2030-11-19',
  },
  decisionDate: '2026-11-20',
});

export const published = (
  id: string,
  view: PublicView = penaltyView(),
  replaces?: { id: string; docNo: string },
) => ({ id, withdrawn: false, view, ...(replaces ? { replaces } : {}) }) as PublicationPublicItem;

export const withdrawn = (id: string): PublicationPublicItem => ({
  id,
  withdrawn: true,
  notice: { docNo: '万卫公罚〔2026〕9号', withdrawnOn: '2026-11-28', reason: '该行政处罚决定已被依法撤销' },
});

export const pageOf = (
  items: PublicationPublicItem[],
  nextCursor: string | null = null,
  total: number | null = items.length,
) => ({
  ok: true,
  data: { items, total, totalCapped: false, nextCursor },
});
