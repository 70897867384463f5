/**
 * A withdrawn result leaves the official account within the withdrawal deadline (PUB-9, PUB-13): the
 * next timer run takes its article out of the digest and deletes it by index from the publication
 * (`freepublish/delete`) or the mass send (`message/mass/delete`), once; the other articles stay.
 */
import { docOf, wechatCalls } from '../ledger/helpers';
import { PREPARER } from '../publication/helpers';
import { deliver, later, readyDigest, staff, timer, useOfficialAccountEmulator, type Ctx } from './helpers';

const ctx = useOfficialAccountEmulator();

async function withdraw(c: Ctx, publicId: string): Promise<void> {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const noted = await c.call.staff(PREPARER, 'publication.noteChange', {
    id: publicId,
    change: 'revoked',
    effectiveOn: today,
    receivedOn: today,
  });
  expect(noted.ok).toBe(true);
  const res = await c.call.staff(PREPARER, 'publication.withdraw', {
    id: publicId,
    reason: '原处罚决定已被撤销，依法撤回',
  });
  expect(res.ok).toBe(true);
}

it('deletes a withdrawn result’s article from the publication by its index, once', async () => {
  const { id, at } = await readyDigest(ctx, 3);
  await staff(ctx, 'officialAccount.publish', { id });
  await deliver(ctx);
  await new Promise((r) => setTimeout(r, 1100));
  await later(ctx, at, 2);
  await deliver(ctx);
  const digest = await docOf(ctx.db, 'oa_digests', id);
  expect(digest.status).toBe('published');
  const target = digest.articles.length; // the last article: index = its place
  const publicId = digest.articles[target - 1].results[0].publicId;
  await withdraw(ctx, publicId);

  await later(ctx, at, 3);
  await timer(ctx); // the sweep queues the removal
  await timer(ctx); // and the next run delivers it
  await timer(ctx);
  const deletes = await wechatCalls(ctx.emu, '/cgi-bin/freepublish/delete');
  expect(deletes).toHaveLength(1);
  expect(deletes[0]!.body).toMatchObject({ article_id: digest.publish.articleId, index: target });
  const after = await staff(ctx, 'officialAccount.digest', { id });
  expect(after.data.articleList[target - 1].removedAt).toEqual(expect.any(String));
  expect(after.data.articleList[0].removedAt).toBeNull();
  expect(after.data.deliveries.find((d: any) => d.kind === 'oaRemove')).toMatchObject({ status: 'sent' });
});

it('deletes it from a mass send by article_idx', async () => {
  const { id, at } = await readyDigest(ctx, 2);
  await staff(ctx, 'officialAccount.massSend', { id });
  await deliver(ctx);
  const digest = await docOf(ctx.db, 'oa_digests', id);
  expect(digest.status).toBe('massSent');
  await withdraw(ctx, digest.articles[0].results[0].publicId);
  await later(ctx, at, 2);
  await timer(ctx);
  await timer(ctx);
  const deletes = await wechatCalls(ctx.emu, '/cgi-bin/message/mass/delete');
  expect(deletes).toHaveLength(1);
  expect(deletes[0]!.body).toMatchObject({ msg_id: digest.mass.msgId, article_idx: 1 });
});
