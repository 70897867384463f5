/**
 * The staff publication pages in `npm run preview` (PREVIEW_ONLY=pubstaff; PUB-11, PUB-12, PUB-13): my entries
 * (one sent back with the reviewer's comment, past its deadline), the form with the backend's field errors, the
 * review queue, the approval queue with its batch selection and the per-entry results (one entry held for privacy
 * is refused with its reason), an entry page, and the withdraw form; at both font sizes. The entries are prepared
 * through the `staff` function's actions by the demo staff (emulator/seed/org.ts) before rendering, on top of the
 * seeded ones (emulator/seed/publication.ts). The batch approves for real: the large-font render of the results
 * shows what is left (the held entry, refused again).
 */
import { randomUUID } from 'node:crypto';
import { residentCheckChar, usccCheckChar } from '../../core/party/ids';
import type { Scenario } from './scenario';

const uscc = (first17: string) => first17 + usccCheckChar(first17);
const resident = (first17: string) => first17 + residentCheckChar(first17);

const found = { returned: '', approval: '', held: '', published: '' };

type Caller = <T>(openid: string, action: string, payload: unknown) => Promise<T>;

function caller(baseUrl: string, appId: string): Caller {
  return async <T>(openid: string, action: string, payload: unknown) => {
    const res = await fetch(`${baseUrl}/fn/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
      body: JSON.stringify({ action, requestId: randomUUID(), payload }),
    });
    const body = (await res.json()) as {
      ok: boolean;
      data?: T;
      error?: { message: string; fields?: unknown };
    };
    if (!body.ok)
      throw new Error(
        `预览数据准备失败：${action} ${body.error?.message} ${JSON.stringify(body.error?.fields ?? {})}`,
      );
    return body.data as T;
  };
}

const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

const MEDICAL = {
  authority: '重庆市万州区卫生健康委员会',
  authorityCode: uscc('11500101MB1D47263'),
  sourceUnit: '重庆市万州区卫生健康委员会',
  sourceUnitCode: uscc('11500101MB1D47263'),
  unitId: 'unit_commission',
  sectionId: 'sec_medical',
};

function penalty(
  docNo: string,
  decided: number,
  name: string,
  code: string,
  over: Record<string, unknown> = {},
) {
  return {
    kind: 'penalty',
    ...MEDICAL,
    docNo,
    decisionDate: daysAgo(decided),
    party: {
      category: 'organisation',
      name,
      creditCode: uscc(code),
      legalRep: '王建国',
      legalRepId: { kind: 'resident', number: resident('50010119750312241') },
    },
    violationType: '医疗机构使用非卫生技术人员从事医疗卫生技术工作',
    facts: '该机构安排未取得护士执业证书的人员从事护理工作。',
    basis: '《医疗机构管理条例》第四十七条',
    categories: ['警告', '罚款'],
    content: '警告，并处罚款1.5万元',
    fine: '1.5',
    validUntil: '2099-12-31',
    publicityUntil: daysAgo(-365),
    ...over,
  };
}

/** Entries in each state a staff page shows, prepared by demo-officer-3 (医政医管科) and passed by the others. */
export async function loadPublicationStaffFixtures(baseUrl: string, appId: string): Promise<void> {
  const call = caller(baseUrl, appId);
  const create = async (entry: unknown) =>
    (await call<{ id: string }>('demo-officer-3', 'publication.create', { entry })).id;
  const toApproval = async (id: string) => {
    await call('demo-officer-3', 'publication.submit', { id });
    await call('demo-leader-1', 'publication.review', { id, comment: '内容核实无误' });
    await call('demo-publisher', 'publication.forward', { id });
  };

  found.returned = await create(
    penalty('万卫医罚〔2026〕27号', 14, '重庆仁和大药房连锁有限公司', '91500101MA5UP2468'),
  );
  await call('demo-officer-3', 'publication.submit', { id: found.returned });
  await call('demo-leader-1', 'publication.reject', {
    id: found.returned,
    comment: '处罚依据应写明条、款、项，请补充后重新提交',
  });

  const review = await create(
    penalty('万卫医罚〔2026〕28号', 3, '重庆众康诊所有限公司', '91500101MA5UQ1357'),
  );
  await call('demo-officer-3', 'publication.submit', { id: review });

  found.approval = await create(
    penalty('万卫医罚〔2026〕25号', 5, '重庆安和医疗美容门诊部有限公司', '91500101MA5UR8642'),
  );
  await toApproval(found.approval);
  const inspection = await create({
    kind: 'inspection',
    ...MEDICAL,
    docNo: '万卫医查〔2026〕52号',
    decisionDate: daysAgo(4),
    party: {
      category: 'organisation',
      name: '重庆众康诊所有限公司',
      creditCode: uscc('91500101MA5UQ1357'),
      legalRep: '赵敏',
      legalRepId: { kind: 'resident', number: resident('50010119820716362') },
    },
    category: '双随机一公开抽查',
    conclusion: '未发现违法行为',
  });
  await toApproval(inspection);
  found.held = await create(
    penalty('万卫医罚〔2026〕26号', 5, '重庆康宁口腔门诊部有限公司', '91500101MA60K2468', {
      withhold: { privacy: true },
    }),
  );
  await toApproval(found.held);

  const mine = await call<{ items: Array<{ id: string; docNo: string; status: string }> }>(
    'demo-officer-3',
    'publication.queue',
    { queue: 'mine', pageSize: 50 },
  );
  found.published =
    mine.items.find((r) => r.docNo === '万卫医罚〔2026〕21号' && r.status === 'published')?.id ?? '';
  if (!found.published) throw new Error('预览数据准备失败：未找到已公示的 万卫医罚〔2026〕21号');
}

const LIST = 'pages/pubstaff/list/index';
const ENTRY = 'pages/pubstaff/entry/index';

export const PUBLICATION_STAFF_SCENARIOS: Scenario[] = [
  {
    name: 'pubstaff-home',
    page: 'pages/staff/home/index',
    openid: 'demo-principal',
    keyStrings: ['执法公示', '制作、审核、报送、批准和撤回执法结果公示', '待办与时限'],
  },
  {
    name: 'pubstaff-mine',
    page: LIST,
    openid: 'demo-officer-3',
    keyStrings: [
      '执法公示',
      '新建公示条目',
      '万卫医罚〔2026〕27号',
      '已退回修改（第 2 轮）',
      '已逾期',
      '已公示',
    ],
  },
  {
    name: 'pubstaff-returned',
    page: ENTRY,
    query: () => ({ id: found.returned }),
    openid: 'demo-officer-3',
    keyStrings: ['已退回修改', '处罚依据应写明条、款、项', '提交审核', '修改', '公众将看到的内容', '第 1 轮'],
  },
  {
    name: 'pubstaff-form-errors',
    page: 'pages/pubstaff/form/index',
    openid: 'demo-officer-3',
    steps: [{ method: 'onSubmit' }],
    keyStrings: ['新建公示条目', '医政医管科', '请按提示修改后再提交', '请填写决定文书号', '保存'],
  },
  {
    name: 'pubstaff-review',
    page: LIST,
    query: { tab: 'review' },
    openid: 'demo-leader-1',
    keyStrings: ['待审核', '万卫医罚〔2026〕28号', '重庆众康诊所有限公司', '待分管领导审核'],
  },
  {
    name: 'pubstaff-entry-approval',
    page: ENTRY,
    query: () => ({ id: found.approval }),
    openid: 'demo-principal',
    keyStrings: ['待主要领导审批', '批准公开', '退回修改', '公众将看到的内容', '可以公开', '内容核实无误'],
  },
  {
    name: 'pubstaff-entry-held',
    page: ENTRY,
    query: () => ({ id: found.held }),
    openid: 'demo-principal',
    keyStrings: ['暂不公开', '涉及个人隐私', '经批准公开', '《个人信息保护法》第五十五条'],
  },
  {
    name: 'pubstaff-override',
    page: ENTRY,
    query: () => ({ id: found.held }),
    openid: 'demo-principal',
    steps: [{ method: 'onOverride' }],
    keyStrings: ['公开理由类别', '权利人同意公开', '个人信息保护影响评估记录编号', '确认批准公开'],
  },
  {
    name: 'pubstaff-approval-selected',
    page: LIST,
    query: { tab: 'approval' },
    openid: 'demo-principal',
    steps: [{ method: 'onSelectAll' }, { method: 'onBatch' }],
    keyStrings: ['待审批', '已选 3 条', '批准公开所选 3 条', '批准后立即发布', '定时发布', '确认批准'],
  },
  {
    name: 'pubstaff-withdraw',
    page: 'pages/pubstaff/withdraw/index',
    query: () => ({ id: found.published }),
    openid: 'demo-officer-3',
    keyStrings: ['撤回公示', '《行政处罚法》第四十八条', '决定被撤销', '3 个工作日', '撤下公示'],
  },
  {
    // The seed's decision of 执法一大队 with no entry 15 days on (emulator/seed/decisions.ts): PUB-6, PUB-12.
    name: 'pubstaff-decisions',
    page: LIST,
    query: { tab: 'decisions' },
    openid: 'demo-officer-1',
    keyStrings: ['待生成条目', '万卫罚〔2026〕2号', '已逾期', '生成公示条目'],
  },
  {
    name: 'pubstaff-import',
    page: 'pages/pubstaff/import/index',
    openid: 'demo-officer-3',
    keyStrings: [
      '导入双公示文件',
      '有一行不合格就全部不导入',
      '医政医管科',
      '从聊天中选择文件',
      '检查并导入',
    ],
  },
  {
    name: 'pubstaff-approval-results',
    page: LIST,
    query: { tab: 'approval' },
    openid: 'demo-principal',
    steps: [{ method: 'onSelectAll' }, { method: 'onBatch' }, { method: 'onBatchConfirm' }],
    keyStrings: ['批量审批结果', '万卫医罚〔2026〕26号', '未批准'],
  },
];
