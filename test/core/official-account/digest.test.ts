/**
 * The digest's articles (PUB-9): at most 8, one result group per article (each result its own article
 * while they fit), HTML escaped and within WeChat's limits, the ledger head in the footer.
 */
import {
  digestArticles,
  groupResults,
  MAX_CONTENT_CHARS,
  MAX_TITLE_CHARS,
  type DigestResult,
} from '../../../core/official-account/digest';
import type { PublicView } from '../../../core/publication/public-view';

const view = (n: number, over: Partial<PublicView> = {}): PublicView => ({
  kind: 'penalty',
  kindLabel: '行政处罚',
  docNo: `渝中卫罚〔2026〕${n}号`,
  authority: '区卫生健康委员会',
  partyName: `重庆某某公司${n}`,
  partyAddress: null,
  violationType: '未取得医疗机构执业许可证擅自执业',
  basis: '《医疗机构管理条例》第四十三条',
  categories: ['罚款'],
  decision: '罚款人民币壹万元',
  fine: '1',
  confiscated: null,
  certificate: null,
  decisionDate: '2026-11-20',
  ...over,
});
const result = (n: number, over: Partial<PublicView> = {}): DigestResult => ({
  entryId: `e${n}`,
  publicId: `p${n}`,
  view: view(n, over),
});

it('gives each result its own article while they fit in eight', () => {
  const groups = groupResults([1, 2, 3].map((n) => result(n)));
  expect(groups.map((g) => g.length)).toEqual([1, 1, 1]);
});

it('groups by kind into at most eight articles when there are many', () => {
  const many = [
    ...Array.from({ length: 50 }, (_, i) => result(i)),
    ...Array.from({ length: 20 }, (_, i) => result(100 + i, { kind: 'permit', kindLabel: '行政许可' })),
  ];
  const groups = groupResults(many);
  expect(groups.length).toBeLessThanOrEqual(8);
  expect(groups.flat()).toHaveLength(70);
  for (const g of groups) expect(new Set(g.map((r) => r.view.kind)).size).toBe(1);
});

it('escapes the text, keeps titles and content within the limits and puts the ledger head in the footer', () => {
  const [article] = digestArticles(
    [result(1, { partyName: '<script>alert(1)</script>某公司' })],
    '2026-12-01',
    {
      no: 42,
      hash: 'ab'.repeat(32),
    },
  );
  expect(article!.content).not.toContain('<script>');
  expect(article!.content).toContain('&lt;script&gt;');
  expect([...article!.title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  expect(article!.content.length).toBeLessThanOrEqual(MAX_CONTENT_CHARS);
  expect(article!.content).toContain(`第 42 号记录的校验值（SHA-256）为 ${'ab'.repeat(32)}`);
  expect(article!.results).toEqual([{ entryId: 'e1', publicId: 'p1', docNo: '渝中卫罚〔2026〕1号' }]);
});
