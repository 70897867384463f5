/**
 * The staff pages' usability states in `npm run preview`: the queue with its tabs, counts and overdue rows
 * (letters recorded as received weeks ago, so their acceptance deadline has passed), the case page with its
 * bottom bar, its action sheet open, and a step's popup open; at both font sizes.
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

/** Letters recorded by demo-officer-1 as received `daysAgo` days ago (one overdue, one due soon). */
export async function seedStaffFixtures(baseUrl: string, appId: string): Promise<void> {
  const record = async (daysAgo: number, subject: string, description: string) => {
    const res = await fetch(`${baseUrl}/fn/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-officer-1', 'X-WX-APPID': appId },
      body: JSON.stringify({
        action: 'complaint.record',
        requestId: randomUUID(),
        payload: {
          kind: 'report',
          category: '生活饮用水',
          subject: { name: subject, address: '万州区沙龙路 12 号' },
          description,
          source: 'letter',
          sourceRef: `来信-${daysAgo}`,
          receivedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
          contact: { anonymous: true },
        },
      }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!body.ok) throw new Error(`预览数据准备失败：complaint.record ${body.error?.message}`);
  };
  await record(
    20,
    '某某小区二次供水泵房',
    '小区二次供水水箱长期未清洗，自来水有黄色沉淀，居民多次反映无果。',
  );
  await record(6, '某某酒店', '酒店客房毛巾和茶具未见消毒，卫生许可证已过期仍在营业。');
}

export const STAFF_SCENARIOS: Scenario[] = [
  {
    name: 'staff-queue-tabs',
    page: 'pages/staff/complaint-queue/index',
    openid: 'demo-unit-head',
    keyStrings: ['待受理', '办理中', '已逾期', '我的', '某某小区二次供水泵房', '已逾期', '个工作日', '查找'],
  },
  {
    name: 'staff-queue-overdue',
    page: 'pages/staff/complaint-queue/index',
    query: { tab: 'overdue' },
    openid: 'demo-unit-head',
    keyStrings: ['某某小区二次供水泵房', '受理期限', '已逾期'],
  },
  {
    name: 'staff-queue-mine',
    page: 'pages/staff/complaint-queue/index',
    query: { tab: 'mine' },
    openid: 'demo-officer-1',
    keyStrings: (f) => [f.handled.trackingNo, '办结期限（内部目标）', '剩'],
  },
  {
    // A leader on a new report: 受理 in the bottom bar, the other steps behind 更多办理.
    name: 'staff-case-bar',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.pending.id }),
    openid: 'demo-unit-head',
    keyStrings: ['反映的内容', '办理信息', '更多办理', '受理'],
  },
  {
    name: 'staff-case-sheet',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.pending.id }),
    openid: 'demo-unit-head',
    steps: [{ method: 'onMore' }],
    keyStrings: ['更多办理', '不予受理', '指派承办人', '关联重复件', '拆分', '取消'],
  },
  {
    // The handler on their accepted complaint: the complainant's phone callable, the reply popup open.
    name: 'staff-case-popup',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.handled.id }),
    openid: 'demo-officer-1',
    steps: [{ method: 'onAction', args: [{ currentTarget: { dataset: { action: 'reply' } } }] }],
    keyStrings: ['答复投诉举报人', '提交', '（拨打）'],
  },
];
