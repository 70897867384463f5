/**
 * 发布 of the digest by the Party committee office, exactly once (PUB-9): faults on the token endpoint
 * and draft/add are retried; a lost freepublish/submit answer is reconciled with freepublish/batchget, a timeout
 * waits, and neither submits twice; asking twice and overlapping deliveries make one record and one post.
 */
import { docOf } from '../ledger/helpers';
import { deliver, faults, later, performed, readyDigest, staff, useOfficialAccountEmulator } from './helpers';

const ctx = useOfficialAccountEmulator();
const SUBMIT = '/cgi-bin/freepublish/submit';

it('makes the draft through token and draft/add faults, then publishes once after a lost submit answer', async () => {
  const { id, at } = await readyDigest(ctx, 2, false);
  await ctx.db.collection('sys_wechat_tokens').doc(process.env.WECHAT_OA_APPID!).remove();
  await faults(ctx, { stable_token: { lostAnswer: true }, 'draft/add': { errcode: -1 } });
  await deliver(ctx); // the token's answer is lost: nothing was drafted
  await later(ctx, at, 2);
  await deliver(ctx); // draft/add answers -1
  await later(ctx, at, 5);
  await deliver(ctx);
  expect(await performed(ctx, '/cgi-bin/draft/add')).toHaveLength(1);

  // Two taps (two requests) at once: one record.
  const [a, b] = await Promise.all([
    staff(ctx, 'officialAccount.publish', { id }),
    staff(ctx, 'officialAccount.publish', { id }),
  ]);
  expect(a.ok && b.ok).toBe(true);
  expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({ status: 'pending' });
  const refused = await staff(ctx, 'officialAccount.massSend', { id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  await faults(ctx, { 'freepublish/submit': { lostAnswer: true } });
  await deliver(ctx); // performed, answer lost
  expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({
    status: 'pending',
    lastError: 'noAnswer:network',
  });
  await new Promise((r) => setTimeout(r, 1100)); // WeChat publishes asynchronously
  await later(ctx, at, 10);
  await Promise.all([deliver(ctx), deliver(ctx)]); // overlapping runs: one claims it, reconciles by batchget
  expect(await performed(ctx, SUBMIT)).toHaveLength(1);
  const view = await staff(ctx, 'officialAccount.digest', { id });
  expect(view.data).toMatchObject({ status: 'published', url: null, canPublish: false });
  expect(view.data.deliveries.find((d: any) => d.kind === 'oaPublish')).toMatchObject({ status: 'sent' });
  const digest = await docOf(ctx.db, 'oa_digests', id);
  expect(digest.publish.articleId).toEqual(expect.any(String));
});

it('waits after a submit that timed out, then submits once more only when WeChat shows nothing', async () => {
  process.env.WECHAT_TIMEOUT_MS = '300';
  try {
    const { id, at } = await readyDigest(ctx, 1);
    const before = (await performed(ctx, SUBMIT)).length;
    expect((await staff(ctx, 'officialAccount.publish', { id })).ok).toBe(true);
    await faults(ctx, { 'freepublish/submit': { timeout: true } });
    await deliver(ctx);
    await later(ctx, at, 3);
    await deliver(ctx);
    expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({ lastError: 'reconciling' });
    await later(ctx, at, 20);
    await deliver(ctx); // ten minutes on and not in batchget: submitted again
    await new Promise((r) => setTimeout(r, 1100));
    await later(ctx, at, 22);
    await deliver(ctx);
    const submits = (await performed(ctx, SUBMIT)).length;
    expect((await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).status).toBe('sent');
    // One submit performed: the timed-out one never reached WeChat.
    expect(submits).toBe(before + 1);
  } finally {
    delete process.env.WECHAT_TIMEOUT_MS;
  }
});
