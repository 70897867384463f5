/**
 * Enrolment in electronic service in `npm run preview` (PREVIEW_ONLY=service; docs/service.md): the party's page
 * at each step (code, identity, the 确认书 with a scope chosen, waiting for the officer, in force, refused) and the
 * officer's (invite with the QR code and the code large, review before confirming, in force), at both font sizes.
 * The enrolments are prepared before rendering through the same actions an officer and a party use, on the seeded
 * case 万卫罚立〔2026〕1号 (loadServiceFixtures); the seeded enrolment of `demo-party-1` shows the state in force.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_USCC } from '../../emulator/seed/cases';
import type { Scenario } from './scenario';

const OFFICER = 'demo-officer-1';
const PARTY = { name: '某某口腔诊所有限公司', creditCode: DEMO_USCC };
const found = { caseId: '', code: '', identity: '', consent: '', waiting: '', refused: '', active: '' };

type Answer<T> = { ok: boolean; data?: T; error?: { code: string; message: string } };

function caller(baseUrl: string, appId: string) {
  return async <T>(fn: string, openid: string, action: string, payload: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
      body: JSON.stringify({ action, payload, requestId: randomUUID() }),
    });
    const body = (await res.json()) as Answer<T>;
    if (!body.ok) throw new Error(`预览数据准备失败：${action} ${body.error?.message}`);
    return body.data as T;
  };
}

/** One enrolment per party screen, each taken as far as its screen through the actions. */
export async function loadServiceFixtures(baseUrl: string, appId: string): Promise<void> {
  const call = caller(baseUrl, appId);
  const cases = await call<{ items: Array<{ id: string; caseNo: string }> }>('staff', OFFICER, 'case.list', {
    mine: true,
    pageSize: 50,
  });
  found.caseId = cases.items.find((c) => c.caseNo === '万卫罚立〔2026〕1号')?.id ?? '';
  const invite = () =>
    call<{ enrolmentId: string; code: string }>('staff', OFFICER, 'service.invite', { caseId: found.caseId });
  const steps = async (openid: string, upTo: 'code' | 'identity' | 'consent') => {
    const inv = await invite();
    const enrolmentId = inv.enrolmentId;
    await call('citizen', openid, 'service.enrolCode', { enrolmentId, code: inv.code });
    if (upTo !== 'code')
      await call('citizen', openid, 'service.enrolIdentify', {
        enrolmentId,
        name: PARTY.name,
        creditCode: PARTY.creditCode,
        actingAs: 'representative',
        actingName: '王某某',
      });
    if (upTo === 'consent')
      await call('citizen', openid, 'service.consent', {
        enrolmentId,
        scope: 'party',
        phone: '13800138000',
        agreed: true,
      });
    return enrolmentId;
  };
  found.code = (await invite()).enrolmentId;
  found.identity = await steps('demo-party-identity', 'code');
  found.consent = await steps('demo-party-consent', 'identity');
  found.waiting = await steps('demo-party-waiting', 'consent');
  found.refused = await steps('demo-party-refused', 'code');
  await call('citizen', 'demo-party-refused', 'service.refuse', { enrolmentId: found.refused });
  const mine = await call<{ items: Array<{ id: string }> }>(
    'citizen',
    'demo-party-1',
    'service.myEnrolments',
    {},
  );
  found.active = mine.items[0]?.id ?? '';
}

const ENROL = 'pages/service/enrol/index';
const OFFICER_PAGE = 'pages/service/officer/index';
const scene = (id: string) => ({ scene: 'e' + id.slice(4) });

export const SERVICE_ENROL_SCENARIOS: Scenario[] = [
  {
    name: 'service-enrol-code',
    page: ENROL,
    query: () => scene(found.code),
    openid: 'demo-party-new',
    keyStrings: [
      '区卫生健康综合行政执法支队',
      '第 1 步，共 4 步',
      '输入验证码',
      '验证码',
      '还可以尝试 5 次',
      '下一步',
    ],
  },
  {
    name: 'service-enrol-identity',
    page: ENROL,
    query: () => scene(found.identity),
    openid: 'demo-party-identity',
    keyStrings: [
      '万卫罚立〔2026〕1号',
      '第 2 步，共 4 步',
      '单位名称',
      '统一社会信用代码',
      '法定代表人（负责人）',
      '不同意电子送达',
    ],
  },
  {
    name: 'service-enrol-consent',
    page: ENROL,
    query: () => scene(found.consent),
    openid: 'demo-party-consent',
    steps: [{ method: 'onScope', args: [{ currentTarget: { dataset: { value: 'party' } } }] }],
    keyStrings: [
      '第 3 步，共 4 步',
      '送达地址确认书',
      '直至本人书面或在小程序内撤回',
      '接收提醒短信的手机号码',
      '微信会询问是否接收送达提醒消息',
      '同意电子送达',
    ],
  },
  {
    name: 'service-enrol-waiting',
    page: ENROL,
    query: () => scene(found.waiting),
    openid: 'demo-party-waiting',
    keyStrings: ['第 4 步，共 4 步', '等待执法人员核对', '138****8000', '刷新状态'],
  },
  {
    name: 'service-enrol-done',
    page: ENROL,
    query: () => ({ id: found.active }),
    openid: 'demo-party-1',
    keyStrings: ['电子送达已生效', '本案及今后其他执法事项', '微信提醒', '已同意接收', '撤回同意'],
  },
  {
    name: 'service-enrol-mine',
    page: ENROL,
    openid: 'demo-party-1',
    keyStrings: ['我的电子送达', '万卫罚立〔2026〕1号', '同意范围'],
  },
  {
    name: 'service-enrol-refused',
    page: ENROL,
    query: () => scene(found.refused),
    openid: 'demo-party-refused',
    keyStrings: ['已选择不同意电子送达', '以纸质方式向您送达'],
  },
  {
    name: 'service-officer-case',
    page: OFFICER_PAGE,
    query: () => ({ caseId: found.caseId }),
    openid: OFFICER,
    keyStrings: [
      '邀请当事人电子送达',
      '生成二维码和验证码',
      '本案的电子送达确认',
      '电子送达已生效',
      '王某某',
    ],
  },
  {
    name: 'service-officer-invite',
    page: OFFICER_PAGE,
    query: () => ({ caseId: found.caseId }),
    openid: OFFICER,
    steps: [{ method: 'onInvite' }],
    keyStrings: ['请当事人扫码并输入验证码', '验证码（请当面读给当事人）', '有效期至', '刷新进展'],
  },
  {
    name: 'service-officer-review',
    page: OFFICER_PAGE,
    query: () => ({ enrolmentId: found.waiting }),
    openid: OFFICER,
    keyStrings: [
      '核对当事人信息',
      '王某某',
      '送达地址确认书（王某某签署）',
      '签署过程录像',
      '核对一致，确认生效',
      '办理记录',
    ],
  },
  {
    name: 'service-officer-done',
    page: OFFICER_PAGE,
    query: () => ({ enrolmentId: found.active }),
    openid: OFFICER,
    keyStrings: ['电子送达已生效', '撤销本次电子送达确认', '办理记录'],
  },
];
