/**
 * The public rights page in `npm run preview` (PREVIEW_ONLY=rights; PUB-5): a 事先告知书 read
 * without a case (the hearing right's conditions), a penalty decision with the dates from a receipt date and the
 * review body's address and phone (tap-to-call), and a 当场处罚 decision, at both font sizes.
 *
 * Before rendering, `loadRightsFixtures` publishes a legal-settings version through `settings.publish` as the demo
 * administrator, as the legal section would, giving the review body an address and a phone. They are DEMO values
 * (the number 023-00000000 is not a real line): the real ones are the legal section's to enter.
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

export const DEMO_REVIEW_BODY = {
  name: '重庆市万州区人民政府',
  basis: '《中华人民共和国行政复议法》第二十四条',
  address: '（演示）万州区人民政府行政复议受理窗口',
  phone: '023-00000000',
};

export async function loadRightsFixtures(baseUrl: string, appId: string): Promise<void> {
  const res = await fetch(`${baseUrl}/fn/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-admin-1', 'X-WX-APPID': appId },
    body: JSON.stringify({
      action: 'settings.publish',
      requestId: randomUUID(),
      payload: { values: { reviewBody: DEMO_REVIEW_BODY } },
    }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`预览数据准备失败：settings.publish ${body.error?.message}`);
}

const PAGE = 'pages/rights/notice/index';

export const RIGHTS_SCENARIOS: Scenario[] = [
  {
    name: 'rights-prior-notice',
    page: PAGE,
    openid: 'demo-citizen',
    keyStrings: [
      '权利告知',
      '行政处罚事先告知书',
      '陈述和申辩',
      '要求听证',
      '符合条件时',
      '对公民5000元以上',
      '申请回避',
      '期限怎么计算',
      '拨打 12345',
    ],
  },
  {
    name: 'rights-decision-dated',
    page: PAGE,
    query: { docType: 'penaltyDecision' },
    openid: 'demo-citizen',
    steps: [{ method: 'onServedOn', args: [{ detail: { value: '2026-06-18' } }] }],
    keyStrings: [
      '行政处罚决定书',
      '2026年6月18日',
      '申请行政复议',
      '截止日期：2026年8月17日',
      '缴纳罚款',
      '截止日期：2026年7月3日',
      '2026年7月4日起',
      '您应当履行的义务',
      '向谁申请复议、起诉',
      '拨打电话 023-00000000',
      '依重庆市行政案件集中管辖规定确定的人民法院',
    ],
  },
  {
    name: 'rights-on-spot',
    page: PAGE,
    query: { docType: 'penaltyDecision' },
    openid: 'demo-citizen',
    steps: [{ method: 'onSpotChoice', args: [{ currentTarget: { dataset: { value: 'yes' } } }] }],
    keyStrings: [
      '行政处罚决定书（当场处罚）',
      '申请行政复议（须先复议）',
      '不能直接提起行政诉讼',
      '复议后提起行政诉讼',
    ],
  },
];
