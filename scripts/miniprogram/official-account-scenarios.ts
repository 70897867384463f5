/**
 * 公众号发布 in `npm run preview` (PREVIEW_ONLY=official-account): the Party committee office's page
 * with the digest of the seeded results as its draft. The settings are set to prepare the digest at any hour
 * (an administrator's settings.publish), then the scheduler's timer runs twice: it prepares the digest, then
 * makes its draft on the fake WeChat API.
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

export async function loadOfficialAccountFixtures(baseUrl: string, appId: string): Promise<void> {
  const res = await fetch(`${baseUrl}/fn/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-admin-1', 'X-WX-APPID': appId },
    body: JSON.stringify({
      action: 'settings.publish',
      requestId: randomUUID(),
      payload: {
        values: { officialAccount: { digestTime: '00:00', everyDay: true, longTermSubscribe: false } },
      },
    }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`预览数据准备失败：settings.publish ${body.error?.message}`);
  for (let run = 0; run < 2; run++) await fetch(`${baseUrl}/timer/scheduler`, { method: 'POST', body: '{}' });
}

export const OFFICIAL_ACCOUNT_SCENARIOS: Scenario[] = [
  {
    name: 'staff-official-account',
    page: 'pages/staff/official-account/index',
    openid: 'demo-party-office',
    keyStrings: [
      '公示摘要',
      '草稿待发布',
      '发布（生成永久链接）',
      '群发给全部关注者',
      '投递情况',
      '生成草稿',
      '第 1 篇',
    ],
  },
  {
    name: 'staff-home-party-office',
    page: 'pages/staff/home/index',
    openid: 'demo-party-office',
    keyStrings: ['何静', '党委办公室', '公众号发布'],
  },
];
