/**
 * The case register's staff pages in `npm run preview` (PREVIEW_ONLY=case): 我的案件, the seeded cases
 * (emulator/seed/cases.ts: a penalty case, an inspection with a failing check, a coercive measure with a late
 * hand-over), the advance popup, the record form with its errors, and the custodian's intake queue; at both font
 * sizes. The case ids are read from the seeded emulator before rendering (loadCaseFixtures).
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from './scenario';

const found: { penalty: string; inspection: string; lateRecord: string; lateTitle: string } = {
  penalty: '',
  inspection: '',
  lateRecord: '',
  lateTitle: '',
};

/** The seeded inspection's party (emulator/seed/cases.ts), found again on the open page by its resident ID. */
const SEEDED_RESIDENT_ID = '500101198501011231';
/** The seeded cases' two officers (emulator/seed/cases.ts). */
const SEEDED_OFFICERS = ['50010120230001', '50010120240021'];
const tap = (dataset: Record<string, unknown>) => ({ currentTarget: { dataset } });
const typed = (value: string, field: string) => ({
  currentTarget: { dataset: { field } },
  detail: { value },
});

/** Read when the step runs (after loadCaseFixtures), not when this list is built. */
const lateTap = {
  currentTarget: {
    dataset: {
      kind: 'explainLate',
      get record() {
        return found.lateRecord;
      },
      get subject() {
        return found.lateTitle;
      },
    },
  },
};

/** What case.import answers for a refused manifest and a staged one (the import page's two states). */
const IMPORT_REFUSED = {
  importId: null,
  done: false,
  applied: 0,
  total: 0,
  rows: 0,
  created: { cases: 0, records: 0 },
  updated: { cases: 0, records: 0 },
  unchanged: { cases: 0, records: 0 },
  updatedRows: [],
  errors: [
    {
      file: 'cases.csv',
      line: 3,
      field: '立案时间',
      path: 'openedAt',
      message: '时间格式不正确，应为 2026-03-02 09:30 或带时区的 ISO 8601',
    },
    {
      file: 'cases.csv',
      line: 5,
      field: '当事人证件号码',
      path: 'partyIdNo',
      message: '统一社会信用代码校验位不符，请逐位核对',
    },
    {
      file: 'av.csv',
      line: 2,
      field: 'SHA-256',
      path: 'sha256',
      message: '哈希值应为 64 位十六进制（SHA-256）',
    },
    {
      file: '',
      line: 0,
      field: '执法人员',
      path: 'cases:JD-2026-0007',
      message: '第 2 名执法人员的执法证在立案当日不在有效期内',
    },
  ],
};
const IMPORT_STAGED = {
  importId: `imp_${'3f'.repeat(16)}`,
  done: false,
  applied: 3,
  total: 8,
  rows: 412,
  created: { cases: 40, records: 96 },
  updated: { cases: 0, records: 0 },
  unchanged: { cases: 0, records: 0 },
  updatedRows: [],
  errors: [],
};

/** Reads the seeded cases' ids as demo-officer-1 sees them, and registers two records on the penalty case (below). */
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
  // Two records registered now on the penalty case, still within their 2 working days: one whose late hand-over
  // the officer explains, and a work record of stopping AV for the unit head to approve (细则第十三条、第二十一条).
  const now = Date.now();
  const register = (payload: Record<string, unknown>) =>
    staffCall<{ id: string; title: string }>(baseUrl, appId, 'record.register', {
      caseId: found.penalty,
      workEndedAt: new Date(now - 3_600_000).toISOString(),
      ...payload,
    });
  const pending = await register({
    type: 'data',
    title: '电子病历系统导出数据',
    sha256: 'e5'.repeat(32),
    data: { source: '诊所电子病历系统', capturedAt: new Date(now - 7_200_000).toISOString() },
  });
  found.lateRecord = pending.id;
  found.lateTitle = pending.title;
  await register({
    type: 'document',
    title: '停止音像记录工作记录（询问中当事人就诊隐私）',
    sha256: 'f6'.repeat(32),
    document: { docType: 'stopRecordingRecord', docTimes: [], signed: true },
  });
}

async function staffCall<T>(baseUrl: string, appId: string, action: string, payload: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/fn/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': 'demo-officer-1', 'X-WX-APPID': appId },
    body: JSON.stringify({ action, requestId: randomUUID(), payload }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok || !body.data) throw new Error(`预览数据准备失败：${action} ${body.error?.message}`);
  return body.data;
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
  {
    name: 'case-open-form',
    page: 'pages/case/open/index',
    openid: 'demo-officer-1',
    keyStrings: ['立案登记', '案件类型', '查找已登记的当事人', '执法人员（至少两名）'],
  },
  {
    name: 'case-open-found',
    page: 'pages/case/open/index',
    openid: 'demo-officer-1',
    steps: [
      { method: 'onKind', args: [tap({ key: 'inspection' })] },
      { method: 'onField', args: [typed('万卫监〔2026〕2号', 'caseNo')] },
      { method: 'onField', args: [typed('公共场所卫生复查', 'cause')] },
      { method: 'onFindIdKind', args: [{ detail: { value: '2' } }] },
      { method: 'onFindIdNo', args: [{ detail: { value: SEEDED_RESIDENT_ID } }] },
      { method: 'onFind' },
      ...SEEDED_OFFICERS.map((cert) => ({ method: 'onOfficer', args: [tap({ cert })] })),
    ],
    keyStrings: ['已选择：李某某', '已选 2 名'],
  },
  {
    name: 'case-open-errors',
    page: 'pages/case/open/index',
    openid: 'demo-officer-1',
    steps: [
      { method: 'onPartyMode', args: [tap({ mode: 'new' })] },
      { method: 'onPartyKind', args: [tap({ key: 'organisation' })] },
      { method: 'onField', args: [typed('91500101MA5U0A1B2X', 'party.idNo')] },
      { method: 'onSubmit' },
    ],
    keyStrings: ['请按提示修改后再提交', '请选择案件类型', '至少须有两名执法人员'],
  },
  {
    name: 'case-clock-pause',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-officer-1',
    steps: [
      {
        method: 'onOp',
        args: [tap({ kind: 'pause', clock: 'decision', subject: '行政处罚决定期限（立案之日起90日）' })],
      },
    ],
    keyStrings: ['中止计算', '听证', '公告', '理由'],
  },
  {
    name: 'case-clock-extend-refused',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-officer-1',
    steps: [
      {
        method: 'onOp',
        args: [tap({ kind: 'extend', clock: 'decision', subject: '行政处罚决定期限（立案之日起90日）' })],
      },
      { method: 'onActField', args: [typed('30', 'days')] },
      { method: 'onActField', args: [typed('案情复杂，需要技术鉴定', 'reason')] },
      { method: 'onActSubmit' },
    ],
    keyStrings: ['批准延长期限', '须经行政机关负责人批准'],
  },
  {
    name: 'case-late-reason',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-officer-1',
    steps: [
      { method: 'onOp', args: [lateTap] },
      { method: 'onActField', args: [typed('数据需经诊所信息科盖章确认，预计 3 个工作日', 'reason')] },
    ],
    keyStrings: ['说明延期移交理由', '书面说明', '电子病历系统导出数据'],
  },
  {
    name: 'case-detail-unit-head',
    page: 'pages/case/detail/index',
    query: () => ({ id: found.penalty }),
    openid: 'demo-unit-head',
    keyStrings: ['停止音像记录工作记录', '停止录制须经单位负责人批准：待批准', '批准停止录制'],
  },
  {
    name: 'case-import-start',
    page: 'pages/case/import/index',
    openid: 'demo-custodian',
    keyStrings: ['导入案件清单', '从聊天中选择文件'],
  },
  {
    name: 'case-import-refused',
    page: 'pages/case/import/index',
    openid: 'demo-custodian',
    steps: [{ method: 'answered', args: [IMPORT_REFUSED] }],
    keyStrings: ['清单未导入：4 处不合格', 'cases.csv 第 3 行', '案件 JD-2026-0007'],
  },
  {
    name: 'case-import-progress',
    page: 'pages/case/import/index',
    openid: 'demo-custodian',
    steps: [{ method: 'answered', args: [IMPORT_STAGED] }],
    keyStrings: ['导入进度', '已导入 3 / 8 批', '继续'],
  },
];
