/**
 * 公众号发布 rendered in Chromium (PUB-9): the Party committee office reads the digest's articles (public
 * views only), publishes or mass-sends after a confirmation, sees each delivery with its attempts and last error
 * and retries a failed one; staff without the role are told whose page it is; at the largest font too.
 */
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { digestView, summaries } from './official-account-fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const PAGE = 'pages/staff/official-account/index';
const actions = () => harness.calls.map((c) => c.event.action);

function answer(digest: Record<string, unknown>, after?: (c: BackendCall) => unknown) {
  harness.answer = (c) => {
    const extra = after?.(c);
    if (extra) return extra;
    if (c.event.action === 'officialAccount.digests') return { ok: true, data: { items: summaries } };
    if (c.event.action === 'reminders.channels' || c.event.action === 'reminders.setChannels') {
      const granted = c.event.action === 'reminders.setChannels';
      return {
        ok: true,
        data: {
          oneTimeGrants: granted ? 1 : 0,
          longTerm: false,
          longTermAllowed: false,
          phone: null,
          next: granted ? 'oneTime' : 'none',
        },
      };
    }
    return { ok: true, data: digest };
  };
}

async function answerModals(page: Rendered, confirm: boolean) {
  await page.page.evaluate((ok) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    w.wx.showModal = (o: { title: string; content: string; success?: (r: { confirm: boolean }) => void }) => {
      w.__effects.push({ api: 'showModal', args: { title: o.title, content: o.content } });
      o.success?.({ confirm: ok });
    };
  }, confirm);
}

it('shows the draft’s articles, the ledger note and the two sends', async () => {
  answer(digestView());
  const p = await harness.render(PAGE);
  const text = await p.text();
  expect(text).toContain('2026年12月1日公示摘要');
  expect(text).toContain('草稿待发布');
  expect(text).toContain('第 1 篇');
  expect(text).toContain('重庆某某医疗美容诊所1');
  expect(text).toContain('决定文书号：渝中卫医罚〔2026〕1号');
  expect(text).toContain('发布（生成永久链接）');
  expect(text).toContain('群发给全部关注者');
  expect(text).toContain('台账第 1287 号');
  expect(text).toContain('生成草稿');
  expect(text).not.toMatch(/<p|&lt;/);
});

it('publishes only after the confirmation, then shows the delivery under way', async () => {
  const sent = digestView({
    status: 'publishing',
    canPublish: false,
    canMassSend: false,
    deliveries: [
      {
        id: 'oapub_dg_2026-12-01',
        kind: 'oaPublish',
        label: '发布（永久链接）',
        status: 'pending',
        attempts: 1,
        lastError: 'noAnswer:timeout',
        lastErrorText: '微信没有应答，稍后自动重试',
        nextAttemptAt: '2026-12-01T09:07:00.000Z',
        retryable: false,
      },
    ],
  });
  answer(digestView(), (c) =>
    c.event.action === 'officialAccount.publish' ? { ok: true, data: sent } : undefined,
  );
  const p = await harness.render(PAGE);
  await answerModals(p, false);
  await p.invoke('onPublish');
  expect(actions()).not.toContain('officialAccount.publish');
  await answerModals(p, true);
  await p.invoke('onPublish');
  await p.settle();
  expect(harness.calls.find((c) => c.event.action === 'officialAccount.publish')?.event.payload).toEqual({
    id: 'dg_2026-12-01',
  });
  const text = await p.text();
  expect(text).toContain('正在发布');
  expect(text).toContain('已尝试 1 次；微信没有应答，稍后自动重试');
  expect(text).not.toContain('群发给全部关注者');
});

it('retries a failed mass send from the page', async () => {
  answer(
    digestView({
      status: 'massSending',
      canPublish: false,
      canMassSend: false,
      deliveries: [
        {
          id: 'oamass_dg_2026-12-01',
          kind: 'oaMassSend',
          label: '群发',
          status: 'failed',
          attempts: 3,
          lastError: 'massNotConfirmed',
          lastErrorText: '管理员拒绝或未在 30 分钟内确认，群发没有发出；可重试',
          nextAttemptAt: null,
          retryable: true,
        },
      ],
    }),
    (c) =>
      c.event.action === 'outbox.retry'
        ? { ok: true, data: { id: 'oamass_dg_2026-12-01', status: 'pending' } }
        : undefined,
  );
  const p = await harness.render(PAGE);
  const text = await p.text();
  expect(text).toContain('失败');
  expect(text).toContain('未在 30 分钟内确认');
  await p.invoke('onRetry', { currentTarget: { dataset: { id: 'oamass_dg_2026-12-01' } } });
  await p.settle();
  expect(harness.calls.find((c) => c.event.action === 'outbox.retry')?.event.payload).toEqual({
    id: 'oamass_dg_2026-12-01',
  });
});

it('tells staff without the role whose page it is, and says when there is no digest yet', async () => {
  harness.answer = () => ({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } });
  let p = await harness.render(PAGE);
  expect(await p.text()).toContain('此页面供党委办公室使用');
  harness.answer = () => ({ ok: true, data: { items: [] } });
  p = await harness.render(PAGE);
  expect(await p.text()).toContain('还没有公示摘要');
});

it('keeps every line readable at the largest font', async () => {
  answer(digestView());
  const p = await harness.render(PAGE, { fontSizeSetting: 28 });
  const text = await p.text();
  expect(text).toContain('发布（生成永久链接）');
  const overflow = await p.page.evaluate(() => {
    const d = (globalThis as unknown as { document: any }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
});

it('says how reminders reach the office and asks for a one-time grant', async () => {
  answer(digestView());
  const p = await harness.render(PAGE);
  expect(await p.text()).toContain('目前无法提醒您');
  await p.page.evaluate(() => {
    const w = globalThis as unknown as { wx: Record<string, unknown> };
    w.wx.requestSubscribeMessage = (o: {
      tmplIds: string[];
      success?: (r: Record<string, string>) => void;
    }) => o.success?.({ [o.tmplIds[0]!]: 'accept', errMsg: 'requestSubscribeMessage:ok' });
  });
  await p.invoke('onAskReminder');
  await p.settle();
  expect(harness.calls.find((c) => c.event.action === 'reminders.setChannels')?.event.payload).toEqual({
    oneTimeAccepted: true,
  });
  expect(await p.text()).toContain('还可提醒 1 次');
});
