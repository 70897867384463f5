/** The 公众号发布 page's view model: article HTML read back as lines, deliveries in words. */
import {
  articleLines,
  deliveryRow,
  digestPageView,
} from '../../miniprogram/pages/staff/official-account/view';
import { digestView } from './official-account-fixtures';

it('reads the article HTML back as headings and lines, entities decoded', () => {
  expect(
    articleLines(
      '<section><h3 style="x">1. 甲&amp;乙</h3><p><strong>依据：</strong>第&lt;一&gt;条</p></section>',
    ),
  ).toEqual([
    { key: 'l0', text: '1. 甲&乙', heading: true },
    { key: 'l1', text: '依据：第<一>条', heading: false },
  ]);
});

it('says how a delivery stands, with its attempts and its last error while not done', () => {
  const row = deliveryRow({
    id: 'x',
    kind: 'oaMassSend',
    label: '群发',
    status: 'pending',
    attempts: 2,
    lastError: 'errcode:45028',
    lastErrorText: '今日群发次数已用完，次日自动群发',
    nextAttemptAt: null,
    retryable: false,
  });
  expect(row).toMatchObject({
    statusLabel: '进行中',
    detail: '已尝试 2 次；今日群发次数已用完，次日自动群发',
    failed: false,
  });
});

it('summarises the digest and marks removed articles', () => {
  const base = digestView();
  const v = digestPageView({
    ...base,
    removed: 1,
    articleList: base.articleList.map((a, i) => ({
      ...a,
      removedAt: i === 0 ? '2026-12-02T01:00:00Z' : null,
    })),
  } as never);
  expect(v.summary).toBe('2 篇文章，2 条结果；已撤下 1 篇（结果撤回或公示期满）');
  expect(v.articles.map((a) => a.removed)).toEqual([true, false]);
});
