/**
 * 发布 of the digest across a restart (PUB-9, exactly one post; seed publicity Art. 19, 22): the emulator is stopped
 * after the fake WeChat API accepted `freepublish/submit` but before the scheduler's run stored the answer, and
 * started again on the same data folder. The dead run's `scheduler` lease keeps the next runs off until it lapses;
 * its outbox claim keeps the record until the claim lapses; then the next run reconciles with
 * `freepublish/batchget` instead of submitting again. The office's second tap changes nothing.
 */
import { docOf } from '../ledger/helpers';
import { later, performed, readyDigest, staff, timer } from './helpers';
import { stopAfterWechatAccepted, useRestartableEmulator } from './restart-helpers';

jest.setTimeout(90_000);
const ctx = useRestartableEmulator();
const SUBMIT = '/cgi-bin/freepublish/submit';

it('publishes once after a restart between WeChat accepting the submit and the run storing its answer', async () => {
  const { id, at } = await readyDigest(ctx, 2);
  await later(ctx, at, 1);
  expect((await staff(ctx, 'officialAccount.publish', { id })).ok).toBe(true);
  const submitsBefore = (await performed(ctx, SUBMIT)).length;

  await stopAfterWechatAccepted(ctx, 'freepublish/submit');

  // What the dead run left: the record still claimed, the submit's start noted, no publish_id.
  const left = await docOf(ctx.db, 'sys_outbox', `oapub_${id}`);
  expect(left).toMatchObject({ status: 'sending', progress: { submitStartedAt: expect.any(Number) } });
  expect(left.progress.publishId).toBeUndefined();
  expect(await docOf(ctx.db, 'sys_leases', 'scheduler')).toMatchObject({ holder: expect.any(String) });

  // The office taps 发布 again: the same one record.
  const again = await staff(ctx, 'officialAccount.publish', { id });
  expect(again.ok).toBe(true);
  expect(again.data.deliveries.filter((d: any) => d.kind === 'oaPublish')).toHaveLength(1);

  // Within the dead run's lease (the function's 60 s limit and 5 s slack): the next run does nothing.
  await later(ctx, at, 2);
  const held = await timer(ctx);
  expect(held.data.run.leased).toBe(false);

  // The lease lapsed, the outbox claim (120 s) not yet: a run goes on, but leaves the record alone.
  await later(ctx, at, 2.5);
  const leased = await timer(ctx);
  expect(leased.data.run.leased).toBe(true);
  expect(leased.data['outbox.deliver'].data).toMatchObject({ claimed: 0 });
  expect(await performed(ctx, SUBMIT)).toHaveLength(submitsBefore + 1);

  // The claim lapsed: the next run takes the record back and finds the publication with batchget.
  await later(ctx, at, 4);
  const reconciled = await timer(ctx);
  expect(reconciled.data['outbox.deliver'].data).toMatchObject({ recovered: 1, sent: 1 });
  expect(await performed(ctx, SUBMIT)).toHaveLength(submitsBefore + 1);
  expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({
    status: 'sent',
    result: { articleId: expect.any(String) },
  });
  const view = (await staff(ctx, 'officialAccount.digest', { id })).data;
  expect(view).toMatchObject({ status: 'published', canPublish: false, canMassSend: false });
  expect(view.deliveries.find((d: any) => d.kind === 'oaPublish')).toMatchObject({ status: 'sent' });

  // Later runs change nothing.
  await later(ctx, at, 6);
  await timer(ctx);
  expect(await performed(ctx, SUBMIT)).toHaveLength(submitsBefore + 1);
});

it('publishes once, without the reconciliation wait, after a restart that lost the access token', async () => {
  const { id, at } = await readyDigest(ctx, 1);
  await later(ctx, at, 1);
  expect((await staff(ctx, 'officialAccount.publish', { id })).ok).toBe(true);
  await ctx.db.collection('sys_wechat_tokens').doc(process.env.WECHAT_OA_APPID!).remove();
  const submitsBefore = (await performed(ctx, SUBMIT)).length;

  await stopAfterWechatAccepted(ctx, 'stable_token');

  // The token is fetched before the submit's start is noted: nothing says a submit may have happened.
  const left = await docOf(ctx.db, 'sys_outbox', `oapub_${id}`);
  expect(left).toMatchObject({ status: 'sending' });
  expect(left.progress.submitStartedAt).toBeUndefined();
  expect(await performed(ctx, SUBMIT)).toHaveLength(submitsBefore);

  // Once the claim lapsed the next run submits at once (a token asked anew), without the reconciliation wait.
  await later(ctx, at, 4);
  await timer(ctx);
  await later(ctx, at, 6);
  await timer(ctx);
  expect(await performed(ctx, SUBMIT)).toHaveLength(submitsBefore + 1);
  expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({ status: 'sent' });
  expect(await docOf(ctx.db, 'oa_digests', id)).toMatchObject({ status: 'published' });
});
