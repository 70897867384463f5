/**
 * The public results pages in `npm run preview` (PREVIEW_ONLY=publication; PUB-7, PUB-13, item 6): the list, a
 * search with results, a search with none, a penalty's detail and a withdrawn entry's notice, from the seeded
 * entries (emulator/seed/publication.ts), at both font sizes. The entries' ids are read from the seeded emulator
 * before rendering (loadPublicationFixtures).
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

const found = { penalty: '', withdrawn: '' };

/** Reads the seeded entries' ids through the public list, as anyone would. */
export async function loadPublicationFixtures(baseUrl: string, appId: string): Promise<void> {
  const res = await fetch(`${baseUrl}/fn/public`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-citizen', 'X-WX-APPID': appId },
    body: JSON.stringify({ action: 'publication.list', requestId: randomUUID(), payload: { pageSize: 50 } }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    data?: { items: Array<{ id: string; withdrawn: boolean; view?: { kind: string; fine: string | null } }> };
    error?: { message: string };
  };
  if (!body.ok || !body.data) throw new Error(`预览数据准备失败：publication.list ${body.error?.message}`);
  found.penalty =
    body.data.items.find((i) => !i.withdrawn && i.view?.kind === 'penalty' && i.view.fine)?.id ?? '';
  found.withdrawn = body.data.items.find((i) => i.withdrawn)?.id ?? '';
}

const LIST = 'pages/publication/list/index';
const DETAIL = 'pages/publication/detail/index';

export const PUBLICATION_SCENARIOS: Scenario[] = [
  {
    name: 'publication-list',
    page: LIST,
    openid: 'demo-citizen',
    keyStrings: ['执法结果公示', '全部', '处罚', '许可', '张某', '已撤回', '撤回理由', '万元', '没有更多了'],
  },
  {
    name: 'publication-search',
    page: LIST,
    query: { keyword: '康宁口腔' },
    openid: 'demo-citizen',
    keyStrings: ['搜索“康宁口腔”', '重庆康宁口腔门诊部有限公司', '行政强制', '行政检查'],
  },
  {
    name: 'publication-search-empty',
    page: LIST,
    query: { keyword: '不存在的单位名称' },
    openid: 'demo-citizen',
    keyStrings: ['没有找到与“不存在的单位名称”相关的公示信息', '查看全部公示'],
  },
  {
    name: 'publication-detail',
    page: DETAIL,
    query: () => ({ id: found.penalty }),
    openid: 'demo-citizen',
    keyStrings: [
      '行政处罚决定公示',
      '决定文书号',
      '执法机关',
      '当事人',
      '处罚依据',
      '罚款金额',
      '万元',
      '决定日期',
      '分享',
    ],
  },
  {
    name: 'publication-withdrawn',
    page: DETAIL,
    query: () => ({ id: found.withdrawn }),
    openid: 'demo-citizen',
    keyStrings: ['已撤回的公示信息', '万卫公罚〔2026〕9号', '撤回日期', '撤回理由', '原公示内容不再公开'],
  },
  {
    // No year is published in the seeded demo (the figures are drafted in January): the empty state. The page with
    // figures is rendered by test/miniprogram/annual-pages.test.ts at both font sizes.
    name: 'publication-annual-empty',
    page: 'pages/publication/annual/index',
    openid: 'demo-citizen',
    keyStrings: ['年度行政执法数据', '暂无已公开的年度数据', '1月31日前公开'],
  },
  {
    // The staff page of the annual figures (PUB-14) for a reviewer (分管领导): nothing is drafted in the seeded demo
    // (the scheduler drafts the previous year in January), so the not-yet-drafted state. The page with figures,
    // status, steps and the justice-bureau report is rendered by test/miniprogram/pubstaff-annual-page.test.ts.
    name: 'pubstaff-annual-empty',
    page: 'pages/pubstaff/annual/index',
    openid: 'demo-leader-1',
    keyStrings: ['年度执法数据', '年度数据尚未生成', '每年1月第一个工作日自动生成上一年度数据', '上一年度'],
  },
  {
    name: 'staff-credit-export',
    page: 'pages/staff/credit-export/index',
    openid: 'demo-statistician',
    keyStrings: ['信用信息报送', '行政处罚', '行政许可', '还没有报送文件'],
  },
];
