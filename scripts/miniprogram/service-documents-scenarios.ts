/**
 * The served-document pages in `npm run preview` (PREVIEW_ONLY=service; REC-7, PUB-5): the party's list (one
 * document opened, one waiting) and its empty state, a notice with its rights and dates, its receipt, the
 * statement form with the backend's field error, and staff's services of the case. The data is made through the
 * real functions of the seeded emulator: a case, a sealed PDF notice and an SM2-sealed OFD decision registered as
 * its records (signed at preview time, test/server/service/signedPdf.ts and ofdBuilder.ts), an enrolled recipient (test/helpers/service-binding.ts: these previews are
 * about serving alone; the enrolment pages have their own, service-enrol-scenarios.ts), `service.issue`, and the
 * party opening the notice and sending a statement. Also the glue: staff's receipt verified, and the statement
 * form's photo card with a refused album/camera permission. The two seals' certificates are registered in the legal
 * settings first, as the deploy checklist asks (item 17), so the staff page shows the registered-certificate match.
 */
import { randomUUID } from 'node:crypto';
import { verifySealedDocument } from '../../server/service/signature';
import { bindRecipient } from '../../test/helpers/service-binding';
import { sealedOfd } from '../../test/server/service/ofdBuilder';
import { sealedPdf } from '../../test/server/service/signedPdf';
import type { Scenario } from './scenario';

export const PREVIEW_PARTY = 'demo-party';
const OFFICER = 'demo-officer-1';

const found = { caseId: '', notice: '', decision: '', receiptNo: '' };

type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function seedServiceFixtures(baseUrl: string, appId: string): Promise<void> {
  const fn = async (name: string, openid: string, action: string, payload: unknown) => {
    const res = await fetch(`${baseUrl}/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
      body: JSON.stringify({ action, payload, requestId: randomUUID() }),
    });
    const body = (await res.json()) as Envelope;
    if (!body.ok)
      throw new Error(`预览数据准备失败：${name}.${action} ${body.error.code} ${body.error.message}`);
    return body.data;
  };
  const upload = async (bytes: Buffer) => {
    const cloudPath = `quarantine/${OFFICER}/${randomUUID()}.pdf`;
    const res = await fetch(`${baseUrl}/_client/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', 'x-wx-appid': appId, 'x-wx-openid': OFFICER },
      body: bytes,
    });
    if (!res.ok) throw new Error(`预览数据准备失败：上传文书 ${res.status}`);
    return ((await res.json()) as { fileID: string }).fileID;
  };
  const kase = await fn('staff', OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo: '万卫罚立〔2026〕58号',
    cause: '未取得医疗机构执业许可证擅自执业',
    officers: ['50010120230001', '50010120240021'],
    party: {
      kind: 'organisation',
      name: '重庆某某口腔诊所有限公司',
      idKind: 'uscc',
      idNo: '91500101MA5U7LXK1J',
      legalRepresentative: '王某某',
    },
  });
  found.caseId = kase.id;
  const record = async (docType: string, title: string, docNo: string, file = sealedPdf()) =>
    (
      await fn('staff', OFFICER, 'record.register', {
        caseId: kase.id,
        type: 'document',
        title,
        workEndedAt: new Date(Date.now() - 600_000).toISOString(),
        fileID: await upload(file),
        document: { docType, docNo, docTimes: [], signed: true },
      })
    ).id as string;
  // Register both seals' certificates as an administrator would after `npm run admin -- seal-certificate`.
  const noticeFile = sealedPdf();
  const decisionFile = sealedOfd();
  const registered = [noticeFile, decisionFile].map((file, i) => {
    const seal = verifySealedDocument(file);
    if (!seal.ok) throw new Error(`预览数据准备失败：签章 ${seal.message}`);
    return { name: i === 0 ? '行政执法专用章（PDF）' : '行政执法专用章（OFD）', sha256: seal.certSha256 };
  });
  await fn('staff', 'demo-admin-1', 'settings.publish', { values: { sealCertificates: registered } });
  const notice = await record('priorNotice', '行政处罚事先告知书', '万卫罚告〔2026〕58号', noticeFile);
  const decision = await record('penaltyDecision', '行政处罚决定书', '万卫罚〔2026〕58号', decisionFile);
  await bindRecipient({ openid: PREVIEW_PARTY, partyId: kase.partyId, caseId: kase.id });
  found.notice = (
    await fn('staff', OFFICER, 'service.issue', {
      recordId: notice,
      penalties: [{ kind: 'suspendBusiness' }, { kind: 'fine', amountYuan: 30000 }],
    })
  ).id;
  found.decision = (
    await fn('staff', OFFICER, 'service.issue', {
      recordId: decision,
      penalties: [{ kind: 'fine', amountYuan: 30000 }],
    })
  ).id;
  await fn('citizen', PREVIEW_PARTY, 'service.open', { serviceId: found.notice });
  found.receiptNo = (
    await fn('citizen', PREVIEW_PARTY, 'service.receipt', { serviceId: found.notice })
  ).receiptNo;
  await fn('citizen', PREVIEW_PARTY, 'service.state', {
    serviceId: found.notice,
    text: '我方已停止相关诊疗活动并申请办理执业许可，请求从轻处罚。',
  });
}

export const SERVICE_DOCUMENT_SCENARIOS: Scenario[] = [
  {
    name: 'service-mine',
    page: 'pages/service/mine/index',
    openid: PREVIEW_PARTY,
    keyStrings: [
      '我的送达文书',
      '行政处罚事先告知书',
      '行政处罚决定书',
      '已打开（已阅知）',
      '已送达，待打开',
      '请打开查看',
      '我的电子送达',
    ],
  },
  {
    name: 'service-mine-empty',
    page: 'pages/service/mine/index',
    openid: 'demo-citizen',
    keyStrings: ['暂无送达文书', '只有您确认接受电子送达后'],
  },
  {
    name: 'service-document',
    page: 'pages/service/document/index',
    query: () => ({ id: found.notice }),
    openid: PREVIEW_PARTY,
    keyStrings: [
      '您的权利和义务',
      '陈述和申辩',
      '要求听证',
      '申请回避',
      '作出决定前均可提出',
      '查看文书',
      '确认收悉',
      '送达日期',
      '您已提交的意见',
      '查看送达凭证',
    ],
  },
  {
    name: 'service-decision',
    page: 'pages/service/document/index',
    query: () => ({ id: found.decision }),
    openid: PREVIEW_PARTY,
    keyStrings: [
      '缴纳罚款',
      '申请行政复议',
      '重庆市万州区人民政府',
      '下载文书或确认收悉后即为送达',
      '微信内不能直接打开',
      '下载文书',
    ],
  },
  {
    name: 'service-not-found',
    page: 'pages/service/document/index',
    query: () => ({ id: found.notice }),
    openid: 'demo-citizen',
    keyStrings: ['未找到该送达文书'],
  },
  {
    name: 'service-receipt',
    page: 'pages/service/receipt/index',
    query: () => ({ id: found.notice }),
    openid: PREVIEW_PARTY,
    keyStrings: ['电子送达凭证', '凭证编号', '文书哈希值（SHA-256）', '首次打开时间', '正在计算的期限'],
  },
  {
    name: 'service-statement-error',
    page: 'pages/service/statement/index',
    query: () => ({ id: found.notice, kind: 'statement' }),
    openid: PREVIEW_PARTY,
    steps: [{ method: 'onSubmit' }],
    keyStrings: ['陈述、申辩', '陈述申辩内容至少 5 个字', '提交'],
  },
  {
    name: 'service-statement-photos-refused',
    page: 'pages/service/statement/index',
    query: () => ({ id: found.notice, kind: 'statement' }),
    openid: PREVIEW_PARTY,
    steps: [{ method: 'onPermissionFailed', args: ['chooseMedia:fail auth deny'] }],
    keyStrings: ['图片（选填，最多 9 张）', '未获得相册或摄像头权限', '去设置'],
  },
  {
    name: 'case-services-verified',
    page: 'pages/case/services/index',
    query: () => ({ caseId: found.caseId }),
    openid: OFFICER,
    // The dataset is read when the step runs, after the data was prepared.
    steps: [
      {
        method: 'onVerify',
        args: [
          {
            currentTarget: {
              get dataset() {
                return { service: found.notice, receipt: found.receiptNo };
              },
            },
          },
        ],
      },
    ],
    keyStrings: ['核验送达凭证', '复制送达凭证', '核验通过'],
  },
  {
    name: 'case-services',
    page: 'pages/case/services/index',
    query: () => ({ caseId: found.caseId }),
    openid: OFFICER,
    keyStrings: [
      '电子送达情况',
      '重庆某某口腔诊所有限公司',
      '凭证编号',
      '未打开提示日',
      '与登记的“行政执法专用章（PDF）”证书一致',
      '陈述、申辩',
      '核验送达凭证',
      '复制送达凭证',
    ],
  },
];
