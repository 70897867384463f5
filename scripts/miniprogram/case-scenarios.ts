/**
 * The case register's staff pages in `npm run preview` (PREVIEW_ONLY=case): 我的案件, the seeded cases
 * (emulator/seed/cases.ts: a penalty case, an inspection with a failing check, a coercive measure with a late
 * hand-over), the advance popup, the record form with its errors, and the custodian's intake queue; at both font
 * sizes. The case ids are read from the seeded emulator before rendering (loadCaseFixtures).
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

const found: { penalty: string; inspection: string } = { penalty: '', inspection: '' };

/** Reads the seeded cases' ids as demo-officer-1 sees them. */
export async function loadCaseFixtures(baseUrl: string, appId: string): Promise<void> {
  const res = await fetch(`${baseUrl}/fn/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-officer-1', 'X-WX-APPID': appId },
    body: JSON.stringify({ action: 'case.list', requestId: randomUUID(), payload: { pageSize: 50 } }),
  });
  const body = (await res.json()) as {
    ok: boolean;
    data?: { items: Array<{ id: string; kind: string }> };
    error?: { message: string };
  };
  if (!body.ok || !body.data) throw new Error(`预览数据准备失败：case.list ${body.error?.message}`);
  found.penalty = body.data.items.find((c) => c.kind === 'penalty')?.id ?? '';
  found.inspection = body.data.items.find((c) => c.kind === 'inspection')?.id ?? '';
}

export const CASE_SCENARIOS: Scenario[] = [
  {
    name: 'case-mine',
    page: 'pages/case/mine/index',
    openid: 'demo-officer-1',
    keyStrings: ['我的案件', '行政处罚', '监督检查', '个工作日'],
  },
  {
    name: 'case-detail-penalty',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-officer-1',
    keyStrings: ['依法下一步', '自动检查', '法定期限', '办理环节', '执法记录', 'SHA-256'],
  },
  {
    name: 'case-detail-inspection',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.inspection }),
    openid: 'demo-officer-1',
    keyStrings: ['自动检查', '不符合规定', '依据'],
  },
  {
    name: 'case-advance-popup',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-officer-1',
    steps: [{ method: 'onAdvance' }],
    keyStrings: ['办理下一环节', '提交'],
  },
  {
    name: 'case-record-errors',
    page: 'pages/case/record/index',
    query: () => ({ caseId: found.penalty }),
    openid: 'demo-officer-1',
    steps: [{ method: 'onSubmit' }],
    keyStrings: ['登记执法记录', '文书种类', '请按提示修改后再提交'],
  },
  {
    name: 'case-intake',
    page: 'pages/case/intake/index',
    openid: 'demo-custodian',
    keyStrings: ['记录移交接收', '核对无误，接收'],
  },
];
