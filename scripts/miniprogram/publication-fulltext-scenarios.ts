/**
 * Full-text publication in `npm run preview` (PREVIEW_ONLY=fulltext; PUB-7): the reviewer's preview of a
 * submitted entry (removals struck, highlights, one highlight taken and a name added by the reviewer), the
 * preparer's text box on a draft, and the public detail page of an entry published with its confirmed full text;
 * at both font sizes. The entries are prepared through the `staff` function's actions, so the marks are the
 * engine's on the server (server/features/publication/fulltext.ts).
 */
import { randomUUID } from 'node:crypto';
import { residentCheckChar, usccCheckChar } from '../../core/party/ids';
import type { Scenario } from './scenario';

const uscc = (first17: string) => first17 + usccCheckChar(first17);
export const DEMO_PARTY_ID = '50010319850615123' + residentCheckChar('50010319850615123');

/** A fictional decision in the national template's wording, with the party's and others' personal data. */
export const DEMO_DECISION_TEXT = [
  '重庆市渝中区卫生健康委员会',
  '行政处罚决定书',
  '渝中卫医罚〔2026〕31号',
  `当事人：张三丰，公民身份号码：${DEMO_PARTY_ID}，住址：重庆市渝中区解放碑街道民族路88号3-2，联系电话：139-1234-5678。`,
  '2026年10月12日，本委执法人员陈志强、刘敏对当事人进行现场检查，发现当事人在其住所为患者周小红输液。',
  '现场另有杨光明在场。当晚，谭燚鑫到场，向执法人员出示了证明。',
  '以上事实有现场笔录、询问笔录等证据证实。',
  '本委依据《中华人民共和国医师法》第五十九条的规定，决定：没收违法所得0.2万元，并处罚款3万元。',
].join('\n');

const found = { review: '', draft: '', published: '' };

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

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function personPenalty(docNo: string) {
  return {
    kind: 'penalty',
    authority: '重庆市渝中区卫生健康委员会',
    authorityCode: uscc('11500103MB1357924'),
    sourceUnit: '重庆市渝中区卫生健康委员会',
    sourceUnitCode: uscc('11500103MB1357924'),
    unitId: 'unit_commission',
    sectionId: 'sec_medical',
    docNo,
    decisionDate: today(),
    party: {
      category: 'person',
      name: '张三丰',
      personId: { kind: 'resident', number: DEMO_PARTY_ID },
      phone: '13912345678',
      address: '重庆市渝中区解放碑街道民族路88号3-2',
    },
    violationType: '非医师行医',
    facts: '当事人未取得医师执业证书，在其住所为他人诊疗。',
    basis: '《中华人民共和国医师法》第五十九条',
    categories: ['罚款', '没收违法所得'],
    content: '没收违法所得0.2万元，并处罚款3万元',
    fine: '3',
    confiscated: '0.2',
    validUntil: '2099-12-31',
    publicityUntil: '2099-12-31',
  };
}

/** A submitted entry with its text (the reviewer's), a draft without (the preparer's), one published with it. */
export async function loadFullTextFixtures(baseUrl: string, appId: string): Promise<void> {
  const call = caller(baseUrl, appId);
  const create = async (docNo: string) =>
    (await call<{ id: string }>('demo-officer-3', 'publication.create', { entry: personPenalty(docNo) })).id;
  const withText = async (docNo: string) => {
    const id = await create(docNo);
    await call('demo-officer-3', 'publication.setFullText', { id, text: DEMO_DECISION_TEXT });
    await call('demo-officer-3', 'publication.submit', { id });
    return id;
  };
  found.review = await withText('渝中卫医罚〔2026〕31号');
  found.draft = await create('渝中卫医罚〔2026〕32号');
  found.published = await withText('渝中卫医罚〔2026〕33号');
  const view = await call<{
    fullText: { version: number; proposed: Array<{ start: number; end: number; kind: string }> };
  }>('demo-leader-1', 'publication.fullText', { id: found.published });
  const removals = view.fullText.proposed.map(({ start, end, kind }) => ({ start, end, kind }));
  await call('demo-leader-1', 'publication.confirmRemovals', {
    id: found.published,
    version: view.fullText.version,
    removals,
  });
  await call('demo-leader-1', 'publication.review', { id: found.published });
  await call('demo-publisher', 'publication.forward', { id: found.published });
  await call('demo-principal', 'publication.approve', { id: found.published });
}

/** The engine's marks come first in text order: the highlight on 谭燚鑫 follows the seven removals before it. */
const HIGHLIGHT_INDEX = 7;

export const PUBLICATION_FULLTEXT_SCENARIOS: Scenario[] = [
  {
    name: 'pubstaff-fulltext-review',
    page: 'pages/pubstaff/fulltext/index',
    query: () => ({ id: found.review }),
    openid: 'demo-leader-1',
    keyStrings: [
      '决定书全文公开',
      '待分管领导确认删除内容',
      '〔张某〕',
      '〔陈某〕',
      '请核对',
      '公众将看到的全文',
      '确认删除内容',
    ],
  },
  {
    name: 'pubstaff-fulltext-changed',
    page: 'pages/pubstaff/fulltext/index',
    query: () => ({ id: found.review }),
    openid: 'demo-leader-1',
    steps: [
      { method: 'onMark', args: [{ currentTarget: { dataset: { index: HIGHLIGHT_INDEX } } }] },
      {
        method: 'onField',
        args: [{ currentTarget: { dataset: { field: 'words' } }, detail: { value: '杨光明' } }],
      },
      { method: 'onAdd' },
    ],
    keyStrings: ['其中审核人添加 2 处', '〔杨某〕', '〔谭某〕', '确认删除内容'],
  },
  {
    name: 'pubstaff-fulltext-editor',
    page: 'pages/pubstaff/fulltext/index',
    query: () => ({ id: found.draft }),
    openid: 'demo-officer-3',
    keyStrings: ['决定书全文公开', '上传的 PDF 文件不能作为公开全文', '案件编号', '保存并标出删除内容'],
  },
  {
    name: 'publication-detail-fulltext',
    page: 'pages/publication/detail/index',
    query: () => ({ id: found.published }),
    openid: 'demo-citizen',
    keyStrings: ['行政处罚决定公示', '决定书全文', '当事人：张某', '［身份证号已隐去］', '罚款3万元'],
  },
];
