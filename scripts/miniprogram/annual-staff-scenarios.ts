/**
 * The annual figures' staff page with figures in `npm run preview` (PREVIEW_ONLY=pubstaff-annual; PUB-14, seed
 * publicity Art. 26): this year's figures drafted as the scheduler drafts a year's in January
 * (server/features/publication/annual.ts `draftAnnualFigures`; the year the page opens on, the previous one, stays
 * not drafted for `pubstaff-annual-empty`), reviewed by the 分管领导, sent back by the 主要领导 with a reason, a
 * complaint registered meanwhile (a source record the figures count), redrafted by the statistics section
 * (重新统计 with its 说明) and reviewed again. The 主要领导's page then shows 批准公开 and 退回 with its required
 * reason (pressed empty, to show the message), what the 重新统计 changed (old -> new) with its 说明, and the
 * version sent back with its reason. Two years back, figures sent back by the 分管领导 show the statistics
 * section's page: the reason and the 重新统计 form (pressed without its 说明, to show the message).
 */
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { draftAnnualFigures } from '../../server/features/publication/annual';
import type { Database } from '../../server/platform/cloudbase';
import type { Scenario } from './scenario';

export const ANNUAL_REJECT_REASON = '罚款金额合计与财务科台账不一致，请统计科核对后重新提交。';
export const ANNUAL_REDRAFT_NOTE =
  '补录了12月下旬通过信访转来的1件投诉举报，其余数据已与财务科台账核对一致。';
const ANNUAL_REVIEW_REASON = '投诉举报件数与信访台账不一致，请核对后重新统计。';
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
/** The year whose figures wait for 重新统计 (the statistics section's page). */
const returnedYear = () => thisYear() - 2;

async function fn(
  baseUrl: string,
  appId: string,
  name: 'staff' | 'citizen',
  openid: string,
  action: string,
  payload: Record<string, unknown>,
) {
  const res = await fetch(`${baseUrl}/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
    body: JSON.stringify({ action, requestId: randomUUID(), payload }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`预览数据准备失败：${action} ${body.error?.message}`);
}

export async function loadAnnualStaffFixtures(baseUrl: string, appId: string): Promise<void> {
  // The emulator set the SDK's address (TCB_CONTEXT_CNFG) when it started.
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database() as unknown as Database;
  const year = thisYear();
  for (const y of [year, returnedYear()]) {
    if (!(await draftAnnualFigures(db, y, new Date()))) {
      throw new Error('预览数据准备失败：年度数据未能生成');
    }
  }
  const staff = (openid: string, action: string, payload: Record<string, unknown>) =>
    fn(baseUrl, appId, 'staff', openid, action, { year, ...payload });
  await staff('demo-leader-1', 'annual.step', { step: 'review' });
  await staff('demo-principal', 'annual.step', { step: 'reject', comment: ANNUAL_REJECT_REASON });
  // A complaint registered meanwhile: the figures the statistics section recomputes count it.
  await fn(baseUrl, appId, 'citizen', 'o-preview-annual', 'complaint.submit', {
    kind: 'report',
    category: '公共场所',
    subject: { name: '某某宾馆', address: '万州区高笋塘 6 号' },
    description: '客房毛巾和床单未更换，卫生间有异味，前台未见卫生许可证。',
    contact: { anonymous: true },
  });
  await staff('demo-statistician', 'annual.redraft', { revision: 1, note: ANNUAL_REDRAFT_NOTE });
  await staff('demo-leader-1', 'annual.step', { step: 'review' });

  await fn(baseUrl, appId, 'staff', 'demo-leader-1', 'annual.step', {
    year: returnedYear(),
    step: 'reject',
    comment: ANNUAL_REVIEW_REASON,
  });
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
      '本版重新统计的变化',
      '收到投诉举报',
      '补录了12月下旬',
      '历次版本',
      '财务科台账',
      '报送区司法局的报告',
    ],
  },
  {
    name: 'pubstaff-annual-redraft',
    page: 'pages/pubstaff/annual/index',
    query: () => ({ year: String(returnedYear()) }),
    openid: 'demo-statistician',
    steps: [{ method: 'onRedraft', args: [] }],
    keyStrings: [
      '已退回，待信息统计科重新统计',
      '投诉举报件数与信访台账不一致',
      '重新统计说明（必填）',
      '请填写重新统计说明',
      '重新统计并报审核',
    ],
  },
];
