/**
 * 群发 and the digest's draft across a restart (PUB-9, exactly one post; seed publicity Art. 19, 22): the emulator
 * is stopped after the fake WeChat API accepted `message/mass/sendall` (or `draft/add`) but before the scheduler's
 * run stored the answer, then started again on the same data folder. Once the dead run's outbox claim lapses, the
 * next run repeats the send with the same clientmsgid, which WeChat refuses with 45065 naming the original
 * (one mass send), or makes the draft again (the first one stays unused in the draft box; nothing is posted twice).
 */
import { docOf, wechatCalls } from '../ledger/helpers';
import { later, performed, readyDigest, staff, timer } from './helpers';
import { stopAfterWechatAccepted, useRestartableEmulator } from './restart-helpers';

jest.setTimeout(90_000);
const ctx = useRestartableEmulator();
const SENDALL = '/cgi-bin/message/mass/sendall';
const DRAFT_ADD = '/cgi-bin/draft/add';
const SUBMIT = '/cgi-bin/freepublish/submit';

it('mass-sends once after a restart between WeChat accepting the send and the run storing its answer', async () => {
  const { id, at } = await readyDigest(ctx, 2);
  await later(ctx, at, 1);
  expect((await staff(ctx, 'officialAccount.massSend', { id })).ok).toBe(true);
  const sendsBefore = (await performed(ctx, SENDALL)).length;

  await stopAfterWechatAccepted(ctx, 'message/mass/sendall');

  const left = await docOf(ctx.db, 'sys_outbox', `oamass_${id}`);
  expect(left).toMatchObject({ status: 'sending', progress: { mediaId: expect.any(String) } });
  expect(left.progress.msgId).toBeUndefined();
  const original = (await wechatCalls(ctx.emu, SENDALL)).at(-1) as any;
  expect(original).toMatchObject({ fault: 'lostAnswer', answer: { errcode: 0 } });

  // Two runs at once after the restart (a slow one and the next minute's): one holds the lease and repeats the send.
  await later(ctx, at, 4);
  const runs = await Promise.all([timer(ctx), timer(ctx)]);
  expect(runs.map((r) => r.data.run.leased).sort()).toEqual([false, true]);
  const run = runs.find((r) => r.data.run.leased);
  expect(run.data['outbox.deliver'].data).toMatchObject({ recovered: 1, sent: 1 });
  const repeat = (await wechatCalls(ctx.emu, SENDALL)).at(-1) as any;
  expect(repeat.body.clientmsgid).toBe(original.body.clientmsgid);
  expect(repeat.answer).toMatchObject({ errcode: 45065 });
  expect(await performed(ctx, SENDALL)).toHaveLength(sendsBefore + 1);

  const msgId = String(original.answer.msg_id);
  expect(await docOf(ctx.db, 'sys_outbox', `oamass_${id}`)).toMatchObject({
    status: 'sent',
    result: { msgId },
  });
  expect(await docOf(ctx.db, 'oa_digests', id)).toMatchObject({ status: 'massSent', mass: { msgId } });
});

it('makes the draft again after a restart that lost the draft/add answer, then publishes it once', async () => {
  const { id, at } = await readyDigest(ctx, 1, false);
  const draftsBefore = (await performed(ctx, DRAFT_ADD)).length;
  const submitsBefore = (await performed(ctx, SUBMIT)).length;
  await later(ctx, at, 1);

  await stopAfterWechatAccepted(ctx, 'draft/add');

  expect(await docOf(ctx.db, 'sys_outbox', `oadraft_${id}`)).toMatchObject({ status: 'sending' });
  expect(await docOf(ctx.db, 'oa_digests', id)).toMatchObject({ mediaId: null, status: 'drafting' });
  // Nothing to publish yet: the office is told the draft is still being made.
  const early = await staff(ctx, 'officialAccount.publish', { id });
  expect(early).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });

  await later(ctx, at, 4);
  expect((await timer(ctx)).data['outbox.deliver'].data).toMatchObject({ recovered: 1, sent: 1 });
  expect(await performed(ctx, DRAFT_ADD)).toHaveLength(draftsBefore + 2);
  const digest = await docOf(ctx.db, 'oa_digests', id);
  expect(digest).toMatchObject({ status: 'ready', mediaId: expect.any(String) });

  expect((await staff(ctx, 'officialAccount.publish', { id })).ok).toBe(true);
  await timer(ctx); // submitted; WeChat publishes asynchronously
  await later(ctx, at, 6);
  await timer(ctx);
  expect(await docOf(ctx.db, 'sys_outbox', `oapub_${id}`)).toMatchObject({ status: 'sent' });
  const submits = await performed(ctx, SUBMIT);
  expect(submits).toHaveLength(submitsBefore + 1);
  expect((submits.at(-1) as any).body.media_id).toBe(digest.mediaId);
  expect(await docOf(ctx.db, 'oa_digests', id)).toMatchObject({ status: 'published' });
});
