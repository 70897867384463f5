/**
 * The electronic-service pages where enrolment and serving meet (REC-7; 行政处罚法 Art. 61-62), rendered in
 * Chromium with the backend answered here: the consent asks for the subscribe message inside the tap and sends
 * the answer; 我的送达文书 pages with a cursor and leads to 我的电子送达; a statement carries photos uploaded into
 * the service's upload slot, and a refused album/camera permission offers 去设置; staff verify a receipt and copy
 * it as text.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { tap } from './fixtures';
import { pageHarness } from './harness';
import { ENROLMENT_ID, partyView } from './service-enrol-fixtures';
import { receiptOf, SERVICE_ID, serviceRowOf, staffServiceOf } from './service-fixtures';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);
const TEMPLATE = { kind: 'oneTime' as const, templateId: 'tmpl-service-notice' };

describe('consent with the subscribe message', () => {
  it('asks for the one-time message inside the tap and records the answer with the consent', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.consent'
        ? ok(partyView('consented', { subscribeGrant: 'oneTime' }))
        : ok(partyView('identified', { noticeTemplate: TEMPLATE }));
    const page = await harness.render('pages/service/enrol/index', { query: { id: ENROLMENT_ID } });
    expect(await page.text()).toContain('微信会询问是否接收送达提醒消息');
    await page.page.evaluate(() => {
      const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
      w.wx.requestSubscribeMessage = (o: {
        tmplIds: string[];
        success?: (r: Record<string, string>) => void;
        complete?: () => void;
      }) => {
        w.__effects.push({ api: 'requestSubscribeMessage', args: { tmplIds: o.tmplIds } });
        o.success?.({ [o.tmplIds[0]!]: 'reject' });
        o.complete?.();
      };
    });
    await page.invoke('onScope', tap({ value: 'party' }));
    await page.invoke('onField', {
      currentTarget: { dataset: { field: 'phone' } },
      detail: { value: '13800138000' },
    });
    await page.invoke('onAgree');
    await page.invoke('onSubmitConsent');
    expect(await effectsOf(page, 'requestSubscribeMessage')).toEqual([{ tmplIds: ['tmpl-service-notice'] }]);
    expect(calls.at(-1)?.event).toMatchObject({
      action: 'service.consent',
      payload: { enrolmentId: ENROLMENT_ID, scope: 'party', agreed: true, subscribe: 'reject' },
    });
    expect(await page.text()).toContain('已同意接收');
  });
});

describe('我的送达文书 in pages', () => {
  it('loads the next page with the cursor and leads to 我的电子送达', async () => {
    harness.answer = (c) =>
      (c.event.payload as { cursor?: string }).cursor
        ? ok({
            items: [serviceRowOf({ id: 'svc_ffffffffffffffffffffffff', title: '行政处罚决定书' })],
            nextCursor: null,
          })
        : ok({ items: [serviceRowOf()], nextCursor: 'cursor-1' });
    const page = await harness.render('pages/service/mine/index');
    let text = await page.text();
    expect(text).toContain('加载更多');
    expect(text).not.toContain('没有更多了');
    await page.invoke('onMore');
    expect(calls.at(-1)?.event).toMatchObject({ action: 'service.mine', payload: { cursor: 'cursor-1' } });
    text = await page.text();
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('没有更多了');
    expect(text).toContain('我的电子送达');
    await page.invoke('onMyConsents');
    expect(await effectsOf(page, 'navigateTo')).toEqual([{ url: '/pages/service/enrol/index' }]);
  });
});

describe('statement photos', () => {
  const SLOT = ['quarantine/o-party/svc/1', 'quarantine/o-party/svc/2'];

  it('uploads each photo into the upload slot and sends their fileIDs with the statement', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.uploadSlot'
        ? ok({ paths: SLOT, maxPhotos: 9, uploadBy: '2099-01-01T00:00:00.000Z' })
        : ok({
            id: 'sub_0123456789abcdef0123',
            kind: 'statement',
            text: '整改照片见附件',
            photos: 2,
            at: '2026-06-20T02:00:00.000Z',
            late: false,
            refused: false,
            acceptedLate: null,
          });
    const page = await harness.render('pages/service/statement/index', {
      query: { id: SERVICE_ID, kind: 'statement' },
    });
    await page.page.evaluate(() => {
      const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
      wx.chooseMedia = (o: any) =>
        o.success({
          tempFiles: [
            { tempFilePath: 'wxfile://tmp/a.jpg', size: 1000 },
            { tempFilePath: 'wxfile://tmp/b.jpg', size: 2000 },
          ],
        });
      wx.cloud.uploadFile = (o: any) => {
        o.success({ fileID: `cloud://env.bucket/${o.cloudPath}` });
        return { onProgressUpdate() {} };
      };
    });
    await page.invoke('onAddPhotos');
    await page.invoke('onText', { detail: { value: '整改照片见附件，请核查。' } });
    await page.invoke('onSubmit');
    expect(calls.at(-1)?.event).toMatchObject({
      action: 'service.state',
      payload: {
        serviceId: SERVICE_ID,
        photos: SLOT.map((p) => `cloud://env.bucket/${p}`),
      },
    });
    expect(await page.text()).toContain('已提交');
  });

  it('says when the album or camera was refused and offers 去设置', async () => {
    const page = await harness.render('pages/service/statement/index', {
      query: { id: SERVICE_ID, kind: 'statement' },
    });
    await page.page.evaluate(() => {
      const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
      wx.chooseMedia = (o: any) => o.fail({ errMsg: 'chooseMedia:fail auth deny' });
    });
    await page.invoke('onAddPhotos');
    expect(await page.text()).toContain('未获得相册或摄像头权限');
    await page.invoke('onOpenSetting');
    expect(await effectsOf(page, 'openSetting')).toHaveLength(1);
  });

  it('offers no photos for a hearing request', async () => {
    const page = await harness.render('pages/service/statement/index', {
      query: { id: SERVICE_ID, kind: 'hearing' },
    });
    expect(await page.text()).not.toContain('图片（选填');
  });
});

describe("staff's receipt: verify and copy", () => {
  it('verifies the receipt against the ledger and the file, and copies it as text', async () => {
    harness.answer = (c) => {
      if (c.event.action === 'service.verifyReceipt')
        return ok({
          ok: true,
          receiptNo: 'SD20260618ABCDEF01',
          checks: [
            { name: 'ledger', ok: true, message: '送达记录与台账一致' },
            { name: 'storedFile', ok: true, message: '存储的文书与送达时的哈希值一致' },
          ],
          receipt: receiptOf(),
        });
      if (c.event.action === 'service.staffReceipt') return ok(receiptOf());
      return ok([staffServiceOf()]);
    };
    const page = await harness.render('pages/case/services/index', {
      query: { caseId: 'case_0123456789abcdef01234567' },
    });
    await page.page.evaluate(() => {
      const w = globalThis as unknown as { wx: Record<string, any>; __effects: unknown[] };
      w.wx.setClipboardData = (o: any) => {
        w.__effects.push({ api: 'setClipboardData', args: { data: o.data } });
        o.success?.();
      };
    });
    await page.invoke('onVerify', tap({ service: SERVICE_ID, receipt: 'SD20260618ABCDEF01' }));
    expect(calls.at(-1)?.event).toMatchObject({
      action: 'service.verifyReceipt',
      payload: { receiptNo: 'SD20260618ABCDEF01' },
    });
    const text = await page.text();
    expect(text).toContain('核验通过');
    expect(text).toContain('送达记录与台账一致');
    await page.invoke('onExport', tap({ service: SERVICE_ID }));
    const [copied] = await effectsOf(page, 'setClipboardData');
    expect((copied as { data: string }).data).toContain('电子送达凭证');
    expect((copied as { data: string }).data).toContain('SD20260618ABCDEF01');
  });

  it('says when a receipt does not verify', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.verifyReceipt'
        ? ok({
            ok: false,
            receiptNo: 'SD20260618ABCDEF01',
            checks: [{ name: 'ledger', ok: false, message: '送达记录与台账不一致：确认收悉时间被改动' }],
            receipt: null,
          })
        : ok([staffServiceOf()]);
    const page = await harness.render('pages/case/services/index', {
      query: { caseId: 'case_0123456789abcdef01234567' },
    });
    await page.invoke('onVerify', tap({ service: SERVICE_ID, receipt: 'SD20260618ABCDEF01' }));
    const text = await page.text();
    expect(text).toContain('核验未通过');
    expect(text).toContain('确认收悉时间被改动');
  });
});
