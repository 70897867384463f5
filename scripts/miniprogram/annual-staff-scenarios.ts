/**
 * The annual figures' staff page with figures in `npm run preview` (PREVIEW_ONLY=pubstaff-annual; PUB-14, seed
 * publicity Art. 26): this year's figures drafted as the scheduler drafts a year's in January
 * (server/features/publication/annual.ts `draftAnnualFigures`; the year the page opens on, the previous one, stays
 * not drafted for `pubstaff-annual-empty`), reviewed by the 分管领导, sent back by the 主要领导 with a reason and
 * reviewed again. The 主要领导's page then shows 批准公开 and 退回 with its required reason (pressed empty, to
 * show the message) and the earlier 退回 with its reason in the 退回记录.
 */
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { draftAnnualFigures } from '../../server/features/publication/annual';
import type { Database } from '../../server/platform/cloudbase';
import type { Scenario } from './scenario';

export const ANNUAL_REJECT_REASON = '罚款金额合计与财务科台账不一致，请统计科核对后重新提交。';
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

async function step(baseUrl: string, appId: string, openid: string, payload: Record<string, unknown>) {
  const res = await fetch(`${baseUrl}/fn/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
    body: JSON.stringify({
      action: 'annual.step',
      requestId: randomUUID(),
      payload: { year: thisYear(), ...payload },
    }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`预览数据准备失败：annual.step ${body.error?.message}`);
}

export async function loadAnnualStaffFixtures(baseUrl: string, appId: string): Promise<void> {
  // The emulator set the SDK's address (TCB_CONTEXT_CNFG) when it started.
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database() as unknown as Database;
  if (!(await draftAnnualFigures(db, thisYear(), new Date()))) {
    throw new Error('预览数据准备失败：年度数据未能生成');
  }
  await step(baseUrl, appId, 'demo-leader-1', { step: 'review' });
  await step(baseUrl, appId, 'demo-principal', { step: 'reject', comment: ANNUAL_REJECT_REASON });
  await step(baseUrl, appId, 'demo-leader-1', { step: 'review' });
}

export const ANNUAL_STAFF_SCENARIOS: Scenario[] = [
  {
    name: 'pubstaff-annual-reject',
    page: 'pages/pubstaff/annual/index',
    query: () => ({ year: String(thisYear()) }),
    openid: 'demo-principal',
    steps: [{ method: 'onStep', args: [{ currentTarget: { dataset: { step: 'reject' } } }] }],
    keyStrings: [
      '待主要领导审批',
      '批准公开',
      '退回理由（必填）',
      '请填写退回理由',
      '退回记录',
      '财务科台账',
      '报送区司法局的报告',
    ],
  },
];
