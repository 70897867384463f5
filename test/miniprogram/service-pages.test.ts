/**
 * The served-document pages rendered in Chromium (REC-7, PUB-5), the backend answered here: the party's list and
 * its empty state, a document with its rights, dates and countdowns, opening the file through a temporary URL
 * (wx.downloadFile), 确认收悉, the receipt, the statement form with the backend's refusal of a late hearing
 * request, a document another identity may not see, and staff's list of a case's services with the flags.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';
import { documentOf, receiptOf, SERVICE_ID, serviceRowOf, staffServiceOf } from './service-fixtures';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);

describe('我的送达文书', () => {
  it('lists the documents served and opens one', async () => {
    harness.answer = () =>
      ok({
        items: [
          serviceRowOf(),
          serviceRowOf({
            id: 'svc_ffffffffffffffffffffffff',
            state: 'acknowledged',
            title: '行政处罚决定书',
          }),
        ],
        nextCursor: null,
      });
    const page = await harness.render('pages/service/mine/index');
    expect(calls[0]).toMatchObject({ fn: 'citizen', event: { action: 'service.mine', payload: {} } });
    const text = await page.text();
    expect(text).toContain('行政处罚事先告知书');
    expect(text).toContain('已送达，待打开');
    expect(text).toContain('已确认收悉');
    expect(text).toContain('请打开查看');
    await page.invoke('onOpen', { currentTarget: { dataset: { id: SERVICE_ID } } });
    expect(await effectsOf(page, 'navigateTo')).toEqual([
      { url: `/pages/service/document/index?id=${SERVICE_ID}` },
    ]);
  });

  it('says when there is nothing, and only after consent', async () => {
    harness.answer = () => ok({ items: [], nextCursor: null });
    const page = await harness.render('pages/service/mine/index');
    expect(await page.text()).toContain('只有您确认接受电子送达后');
  });
});

describe('a served document', () => {
  it('shows its rights with dates and countdowns, opens the file by a temporary URL and acknowledges', async () => {
    harness.answer = (c) => {
      const action = (c.event as { action: string }).action;
      if (action === 'service.open')
        return ok({
          url: 'https://tmp.example/doc.pdf?sign=x',
          expiresAt: '2026-06-18T02:45:00.000Z',
          fileSha256: 'ab'.repeat(32),
        });
      if (action === 'service.acknowledge')
        return ok(
          documentOf({
            state: 'acknowledged',
            times: { ...documentOf().times, acknowledgedAt: '2026-06-18T03:00:00.000Z' },
          }),
        );
      return ok(documentOf());
    };
    const page = await harness.render('pages/service/document/index', { query: { id: SERVICE_ID } });
    const text = await page.text();
    expect(text).toContain('您的权利和义务');
    expect(text).toContain('要求听证');
    expect(text).toContain('2026年6月26日前');
    expect(text).toContain('作出决定前均可提出');
    expect(text).toContain('送达日期');
    await page.invoke('onOpenFile');
    expect(calls.some((c) => (c.event as { action: string }).action === 'service.open')).toBe(true);
    expect(await effectsOf(page, 'downloadFile')).toEqual([
      expect.objectContaining({ url: 'https://tmp.example/doc.pdf?sign=x' }),
    ]);
    await page.invoke('onAcknowledge');
    expect(await page.text()).toContain('已确认收悉');
    await page.invoke('onStatement', { currentTarget: { dataset: { kind: 'hearing' } } });
    expect(await effectsOf(page, 'navigateTo')).toContainEqual({
      url: `/pages/service/statement/index?id=${SERVICE_ID}&kind=hearing`,
    });
  });

  it('tells another identity the document was not found, without saying more', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该送达文书' } });
    const page = await harness.render('pages/service/document/index', { query: { id: SERVICE_ID } });
    expect(await page.text()).toContain('未找到该送达文书');
  });

  it('shows the receipt with its number, hash and times', async () => {
    harness.answer = () => ok(receiptOf());
    const page = await harness.render('pages/service/receipt/index', { query: { id: SERVICE_ID } });
    const text = await page.text();
    expect(text).toContain('电子送达凭证');
    expect(text).toContain('SD20260618ABCDEF01');
    expect(text).toContain('ab'.repeat(32));
    expect(text).toContain('2026-06-18 10:40:00');
  });
});

describe('the statement form', () => {
  it('sends a statement and says it was received', async () => {
    harness.answer = () =>
      ok({
        id: 'sub_0123456789abcdef0123',
        kind: 'statement',
        text: '我方已整改',
        photos: 0,
        at: '2026-06-29T02:00:00.000Z',
        late: true,
        refused: false,
        acceptedLate: null,
      });
    const page = await harness.render('pages/service/statement/index', {
      query: { id: SERVICE_ID, kind: 'statement' },
    });
    await page.invoke('onText', { detail: { value: '我方已整改，请从轻处罚。' } });
    await page.invoke('onSubmit');
    expect(calls.at(-1)).toMatchObject({
      event: {
        action: 'service.state',
        payload: { serviceId: SERVICE_ID, text: '我方已整改，请从轻处罚。' },
      },
    });
    expect(await page.text()).toContain('逾期提出，已受理并记录为逾期');
  });

  it("shows the backend's refusal of a late hearing request with the day it closed", async () => {
    harness.answer = () => ({
      ok: false,
      error: {
        code: 'PRECONDITION_FAILED',
        message: '要求听证的期限已于 2026-06-26 届满（《中华人民共和国行政处罚法》第六十四条）。',
      },
    });
    const page = await harness.render('pages/service/statement/index', {
      query: { id: SERVICE_ID, kind: 'hearing' },
    });
    await page.invoke('onSubmit');
    expect(calls.at(-1)).toMatchObject({
      event: { action: 'service.requestHearing', payload: { serviceId: SERVICE_ID } },
    });
    expect(await page.text()).toContain('已于 2026-06-26 届满');
  });
});

describe("staff's electronic services of a case", () => {
  it('lists each service with its state, receipt, and the paper-service flag', async () => {
    harness.answer = () => ok([staffServiceOf()]);
    const page = await harness.render('pages/case/services/index', {
      query: { caseId: 'case_0123456789abcdef01234567' },
    });
    expect(calls[0]).toMatchObject({ fn: 'staff', event: { action: 'service.ofCase' } });
    const text = await page.text();
    expect(text).toContain('请于 2026年6月30日 前纸质送达');
    expect(text).toContain('SD20260618ABCDEF01');
    expect(text).toContain('某某口腔诊所有限公司');
    expect(text).toContain('与登记的“万州区卫生健康委员会行政执法专用章”证书一致');
  });

  it('accepts a late hearing request for good cause, sending the reason, and shows the refusal of a short one', async () => {
    const late = {
      id: 'sub_0123456789abcdef0123',
      kind: 'hearing' as const,
      text: '住院期间未能及时提出',
      photos: 0,
      at: '2026-06-30T02:00:00.000Z',
      late: false,
      refused: true,
      acceptedLate: null,
    };
    harness.answer = (c) => {
      const event = c.event as { action: string; payload: { reason?: string } };
      if (event.action === 'service.acceptLateHearing')
        return (event.payload.reason ?? '').length < 5
          ? {
              ok: false,
              error: {
                code: 'INVALID_INPUT',
                message: '提交的内容有误',
                fields: { 'payload.reason': '正当理由至少 5 个字' },
              },
            }
          : ok(
              staffServiceOf({
                submissions: [{ ...late, acceptedLate: { reason: event.payload.reason!, at: late.at } }],
              }),
            );
      return ok([staffServiceOf({ state: 'opened', submissions: [late] })]);
    };
    const page = await harness.render('pages/case/services/index', {
      query: { caseId: 'case_0123456789abcdef01234567' },
    });
    expect(await page.text()).toContain('逾期提出，未受理');
    const tap = { currentTarget: { dataset: { service: SERVICE_ID, id: late.id } } };
    await page.invoke('onAcceptLate', tap);
    expect(await page.text()).toContain('正当理由至少 5 个字');
    await page.invoke('onReason', {
      currentTarget: { dataset: { id: late.id } },
      detail: { value: '当事人住院，有医院证明' },
    });
    await page.invoke('onAcceptLate', tap);
    expect(calls.find((c) => (c.event as any).payload?.reason === '当事人住院，有医院证明')).toMatchObject({
      fn: 'staff',
      event: {
        action: 'service.acceptLateHearing',
        payload: { serviceId: SERVICE_ID, submissionId: late.id },
      },
    });
  });
});
