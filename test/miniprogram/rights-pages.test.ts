/**
 * The 权利告知 page rendered in Chromium (scripts/miniprogram/render.ts; PUB-5), the `public`
 * function answered by the real rule (rights-fixtures.ts): reached from the home page; the document type picked
 * (the hearing right's conditions, 行政处罚法 Art. 63; a decision's duties, Art. 66, 67, 72, 73; review first for
 * 当场处罚, 行政复议法 Art. 23); the last days from a receipt date across 端午; tap-to-call of the review body and
 * 12345; loading failure with 重试; the largest font without overflow.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { checkRender } from '../../scripts/miniprogram/checks';
import { pageHarness } from './harness';
import { rightsAnswer, WITH_CONTACTS } from './rights-fixtures';

const harness = pageHarness();
const { calls } = harness;
const PAGE = 'pages/rights/notice/index';

const payloads = () => calls.map((c) => c.event.payload);
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);
const tap = (value: string) => ({ currentTarget: { dataset: { value } } });
/** Answers as the backend would, for the payload the page sent. */
const answerAsBackend = (settings = WITH_CONTACTS, today = '2026-06-20') => {
  harness.answer = (c) => rightsAnswer(c.event.payload as never, today, settings);
};

it('is reached from the home page among the working services', async () => {
  const home = await harness.render('pages/home/index');
  const ready = await home.page.$$eval('[class*="entry-ready"][data-key]', (els) =>
    els.map((e) => e.getAttribute('data-key')),
  );
  expect(ready).toContain('rightsNotice');
  expect(await home.text()).toContain('权利告知');
  await home.invoke('onEntry', { currentTarget: { dataset: { key: 'rightsNotice' } } });
  expect(await effectsOf(home, 'navigateTo')).toEqual([{ url: '/pages/rights/notice/index' }]);
});

it('opens on the 事先告知书 with the hearing right’s conditions, then reads the type picked', async () => {
  answerAsBackend();
  const page = await harness.render(PAGE);
  expect(calls[0]).toMatchObject({
    fn: 'public',
    event: { action: 'rights.get', payload: { docType: 'priorNotice' } },
  });
  let text = await page.text();
  for (const s of [
    '您的权利',
    '陈述和申辩',
    '要求听证',
    '符合条件时',
    '对公民5000元以上',
    '申请回避',
    '没有期限限制',
  ])
    expect(text).toContain(s);
  expect(text).toContain('依据：《中华人民共和国行政处罚法》第六十三条、第六十四条');
  expect(text).not.toContain('您应当履行的义务');

  await page.invoke('onDocType', tap('demandNotice'));
  expect(payloads().at(-1)).toEqual({ docType: 'demandNotice' });
  text = await page.text();
  expect(text).toContain('《中华人民共和国行政强制法》第三十五条、第三十六条');
  expect(text).not.toContain('要求听证');
  const selected = await page.page.$$eval('[data-value]', (els) =>
    els.filter((e) => /chip-on/.test(e.className)).map((e) => e.getAttribute('data-value')),
  );
  expect(selected).toEqual(['demandNotice']);
});

it('reads a penalty decision: remedies, duties, the bodies with tap-to-call, and 当场处罚', async () => {
  answerAsBackend();
  const page = await harness.render(PAGE, { query: { docType: 'penaltyDecision' } });
  const text = await page.text();
  for (const s of [
    '申请行政复议',
    '重庆市万州区人民政府',
    '您应当履行的义务',
    '处罚包括罚款时',
    '每日按罚款数额的3%加处罚款',
    '申请延期或分期缴纳',
    '不停止执行',
    '向谁申请复议、起诉',
    '重庆市万州区行政复议接待窗口',
    '拨打电话 023-00000000',
    '依重庆市行政案件集中管辖规定确定的人民法院',
  ])
    expect(text).toContain(s);
  await page.invoke('onCallPhone', { currentTarget: { dataset: { phone: '023-00000000' } } });
  expect(await effectsOf(page, 'makePhoneCall')).toEqual([{ phoneNumber: '023-00000000' }]);
  // Only the review body has a phone configured: the court has nothing to call (12345 aside).
  const phones = await page.page.$$eval('[data-phone]', (els) =>
    els.map((e) => e.getAttribute('data-phone')),
  );
  expect(phones).toEqual(['023-00000000', '12345']);

  await page.invoke('onSpotChoice', tap('yes'));
  expect(payloads().at(-1)).toEqual({ docType: 'penaltyDecision', onSpot: true });
  const spot = await page.text();
  expect(spot).toContain('行政处罚决定书（当场处罚）');
  expect(spot).toContain('不能直接提起行政诉讼');
  // Another document type drops the 当场处罚 choice from the request.
  await page.invoke('onDocType', tap('sealSeizeDecision'));
  expect(payloads().at(-1)).toEqual({ docType: 'sealSeizeDecision' });
});

it('shows each last day from the receipt date (端午 2026-06-19..21), and clears it', async () => {
  answerAsBackend();
  const page = await harness.render(PAGE);
  await page.invoke('onServedOn', { detail: { value: '2026-06-18' } });
  expect(payloads().at(-1)).toEqual({ docType: 'priorNotice', servedOn: '2026-06-18' });
  const hearing = await page.page.$eval('[data-due="hearing"]', (e) => e.textContent);
  expect(hearing).toContain('截止日期：2026年6月26日');
  expect(hearing).toContain('还剩 6 天');
  expect(await page.text()).toContain('2026年6月18日');
  await page.invoke('onDocType', tap('penaltyDecision'));
  expect(await page.page.$eval('[data-due="payment"]', (e) => e.textContent)).toContain('2026年7月3日');
  expect(await page.page.$eval('[data-due="surcharge"]', (e) => e.textContent)).toContain('2026年7月4日起');
  await page.invoke('onClearServedOn');
  expect(payloads().at(-1)).toEqual({ docType: 'penaltyDecision' });
  expect(await page.page.$('[data-due="payment"]')).toBeNull();
});

it('marks a last day provisional where the year’s holiday table is not official yet', async () => {
  answerAsBackend(WITH_CONTACTS, '2027-01-28');
  const page = await harness.render(PAGE);
  await page.invoke('onServedOn', { detail: { value: '2027-01-28' } });
  const text = await page.text();
  expect(text).toContain('（暂定）');
  expect(text).toContain('节假日安排尚未正式公布');
});

it('says a failure and retries; a refused date is said and the notice stays', async () => {
  harness.answer = () => ({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } });
  const page = await harness.render(PAGE);
  expect(await page.text()).toContain('服务暂时不可用，请稍后重试');
  answerAsBackend();
  await page.invoke('load');
  expect(await page.text()).toContain('陈述和申辩');
  harness.answer = (c) =>
    (c.event.payload as { servedOn?: string }).servedOn
      ? {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: '提交的内容有误',
            fields: { 'payload.servedOn': '收到文书日期应为有效日期（年-月-日）' },
          },
        }
      : rightsAnswer(c.event.payload as never);
  await page.invoke('onServedOn', { detail: { value: '2026-02-30' } });
  await page.settle();
  const text = await page.text();
  expect(text).toContain('收到文书日期应为有效日期（年-月-日）');
  expect(text).toContain('陈述和申辩');
});

it('calls 12345 and shares the document type only', async () => {
  answerAsBackend();
  const page = await harness.render(PAGE, { query: { docType: 'hearingNotice' } });
  await page.invoke('onCallPhone', { currentTarget: { dataset: { phone: '12345' } } });
  expect(await effectsOf(page, 'makePhoneCall')).toEqual([{ phoneNumber: '12345' }]);
  const share = await page.page.evaluate(() =>
    (
      globalThis as unknown as { __comp: { instance: { onShareAppMessage(): unknown } } }
    ).__comp.instance.onShareAppMessage(),
  );
  expect(share).toEqual({
    title: '权利告知：行政处罚听证通知书',
    path: '/pages/rights/notice/index?docType=hearingNotice',
  });
});

it('reads at the largest font without overflow, with large tap targets', async () => {
  answerAsBackend();
  const page = await harness.render(PAGE, { query: { docType: 'penaltyDecision' }, fontSizeSetting: 28 });
  await page.invoke('onServedOn', { detail: { value: '2026-06-18' } });
  expect(await checkRender(page.page, ['权利告知', '缴纳罚款', '拨打电话'])).toEqual([]);
});
