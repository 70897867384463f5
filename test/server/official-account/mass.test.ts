/**
 * 群发 of the digest by the Party committee office, exactly once (PUB-9): a lost sendall answer is
 * repeated with the same clientmsgid and WeChat's 45065 names the original; with API 群发保护 the send waits for the
 * administrator and, unconfirmed after 30 minutes, fails and is retried from the staff page as a new send;
 * 45028 (no mass quota left) and 45009 (daily call quota) wait for the next day instead of hammering.
 */
import { docOf } from '../ledger/helpers';
import { deliver, faults, later, performed, readyDigest, staff, useOfficialAccountEmulator } from './helpers';

const ctx = useOfficialAccountEmulator();
const SENDALL = '/cgi-bin/message/mass/sendall';
const account = (spec: Record<string, unknown>) => ctx.emu.post('/_emulator/official-account', spec);

afterEach(() =>
  account({ massProtection: false, massQuotaPerDay: 1, apiQuota: { 'message/mass/sendall': null } }),
);

it('repeats a send whose answer was lost with the same clientmsgid: one mass send (45065)', async () => {
  const { id, at } = await readyDigest(ctx, 2);
  const before = (await performed(ctx, SENDALL)).length;
  expect((await staff(ctx, 'officialAccount.massSend', { id })).ok).toBe(true);
  await faults(ctx, { 'message/mass/sendall': { lostAnswer: true } });
  await deliver(ctx);
  await later(ctx, at, 3);
  await Promise.all([deliver(ctx), deliver(ctx)]);
  const record = await docOf(ctx.db, 'sys_outbox', `oamass_${id}`);
  expect(record).toMatchObject({ status: 'sent', result: { msgId: expect.any(String) } });
  expect(await performed(ctx, SENDALL)).toHaveLength(before + 1);
  const digest = await docOf(ctx.db, 'oa_digests', id);
  expect(digest).toMatchObject({ status: 'massSent', mass: { msgId: record.result.msgId } });
});

it('waits for the administrator’s confirmation; unconfirmed it fails and a retry sends anew', async () => {
  await account({ massProtection: true });
  const { id, at } = await readyDigest(ctx, 1);
  await staff(ctx, 'officialAccount.massSend', { id });
  await deliver(ctx);
  let view = (await staff(ctx, 'officialAccount.digest', { id })).data;
  const mass = view.deliveries.find((d: any) => d.kind === 'oaMassSend');
  expect(mass).toMatchObject({ status: 'pending', lastError: 'awaitingConfirmation', retryable: false });
  expect(mass.lastErrorText).toContain('管理员');

  await later(ctx, at, 40); // nobody confirmed within 30 minutes
  await deliver(ctx);
  view = (await staff(ctx, 'officialAccount.digest', { id })).data;
  expect(view.deliveries.find((d: any) => d.kind === 'oaMassSend')).toMatchObject({
    status: 'failed',
    lastError: 'massNotConfirmed',
    retryable: true,
  });
  const retried = await staff(ctx, 'outbox.retry', { id: `oamass_${id}` });
  expect(retried).toMatchObject({ ok: true, data: { status: 'pending' } });
  await deliver(ctx);
  const record = await docOf(ctx.db, 'sys_outbox', `oamass_${id}`);
  expect(record.payload.round).toBe(1);
  await ctx.emu.post('/_emulator/mass-confirm', { msgId: record.progress.msgId });
  await later(ctx, at, 42);
  await deliver(ctx);
  expect(await docOf(ctx.db, 'sys_outbox', `oamass_${id}`)).toMatchObject({ status: 'sent' });
  // Staff without the role cannot retry it.
  const other = await ctx.call.staff('demo-officer-3', 'outbox.retry', { id: `oamass_${id}` });
  expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('waits for the next day when the mass quota (45028) or the daily call quota (45009) is used up', async () => {
  await account({ massQuotaPerDay: 0 });
  const { id, at } = await readyDigest(ctx, 1);
  await staff(ctx, 'officialAccount.massSend', { id });
  await deliver(ctx);
  const waiting = await docOf(ctx.db, 'sys_outbox', `oamass_${id}`);
  expect(waiting).toMatchObject({ status: 'pending', lastError: 'errcode:45028', failures: 0 });
  const nextDay = new Date(
    `${new Date(at.getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)}T00:00:00+08:00`,
  );
  expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(nextDay.getTime());
  const calls = (await ctx.emu.get('/_emulator/outbox')).body.items.length;
  await later(ctx, at, 30);
  expect(await deliver(ctx)).toMatchObject({ claimed: 0 }); // no hammering the same day
  expect((await ctx.emu.get('/_emulator/outbox')).body.items.length).toBe(calls);

  await account({ massQuotaPerDay: 1, apiQuota: { 'message/mass/sendall': 0 } });
  await ctx.db.collection('sys_outbox').doc(`oamass_${id}`).update({ nextAttemptAt: new Date() });
  await deliver(ctx);
  expect(await docOf(ctx.db, 'sys_outbox', `oamass_${id}`)).toMatchObject({
    status: 'pending',
    lastError: 'errcode:45009',
  });
});
