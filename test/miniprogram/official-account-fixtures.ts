/** A digest as `officialAccount.digest` answers it, for the 公众号发布 page tests. */
import { digestArticles } from '../../core/official-account/digest';
import type { PublicView } from '../../core/publication/public-view';

const view = (n: number): PublicView => ({
  kind: 'penalty',
  kindLabel: '行政处罚',
  docNo: `渝中卫医罚〔2026〕${n}号`,
  authority: '区卫生健康委员会',
  partyName: `重庆某某医疗美容诊所${n}`,
  partyAddress: null,
  violationType: '未取得医疗机构执业许可证擅自执业',
  basis: '《医疗机构管理条例》第四十三条',
  categories: ['罚款', '没收违法所得'],
  decision: '罚款人民币叁万元，没收违法所得',
  fine: '3',
  confiscated: '0.52',
  certificate: null,
  decisionDate: '2026-11-20',
});

export function digestView(over: Record<string, unknown> = {}) {
  const articles = digestArticles(
    [1, 2].map((n) => ({ entryId: `e${n}`, publicId: `p${n}`, view: view(n) })),
    '2026-12-01',
    { no: 1287, hash: '9f2c'.repeat(16) },
  );
  return {
    id: 'dg_2026-12-01',
    date: '2026-12-01',
    status: 'ready',
    articles: 2,
    results: 2,
    removed: 0,
    createdAt: '2026-12-01T09:05:00.000Z',
    articleList: articles.map((a, i) => ({
      index: i + 1,
      title: a.title,
      digest: a.digest,
      content: a.content,
      results: a.results.map((r) => ({ publicId: r.publicId, docNo: r.docNo })),
      removedAt: null,
    })),
    ledgerHead: { no: 1287, hash: '9f2c'.repeat(16) },
    url: null,
    deliveries: [
      {
        id: 'oadraft_dg_2026-12-01',
        kind: 'oaDraft',
        label: '生成草稿',
        status: 'sent',
        attempts: 1,
        lastError: null,
        lastErrorText: null,
        nextAttemptAt: null,
        retryable: false,
      },
    ],
    canPublish: true,
    canMassSend: true,
    ...over,
  };
}

export const summaries = [
  {
    id: 'dg_2026-12-01',
    date: '2026-12-01',
    status: 'ready',
    articles: 2,
    results: 2,
    removed: 0,
    createdAt: '',
  },
  {
    id: 'dg_2026-11-30',
    date: '2026-11-30',
    status: 'published',
    articles: 1,
    results: 1,
    removed: 0,
    createdAt: '',
  },
];
