/**
 * Outbox delivery against the fake WeChat API under injected faults: an errcode is retried with backoff; a lost
 * answer of a subscribe message is `unknown` and never resent; a lost answer of freepublish/submit is reconciled
 * and the article is published exactly once; 43101 is `skipped`; two deliverers never send a record twice.
 */
import { deliverOutbox, outboxRecord, type OutboxKind } from '../../../server/outbox';
import { addMaterial } from '../../../server/wechat/api';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { docOf, startWithSdk, wechatCalls } from '../ledger/helpers';

let emu: TestEmulator;
let db: Database;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

const SEND = '/cgi-bin/message/subscribe/send';
const later = (ms: number) => new Date(Date.now() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function enqueue(kind: OutboxKind, payload: Record<string, unknown>, id?: string): Promise<string> {
  const record = outboxRecord({ kind, payload, at: new Date(), id });
  await db.collection('sys_outbox').add(record);
  return record._id;
}

const subscribe = (touser: string) => ({
  touser,
  templateId: 'tpl-notice',
  data: { thing1: { value: '文书送达' } },
});
const faults = (spec: Record<string, unknown>) => emu.post('/_emulator/wechat-faults', spec);

it('retries an errcode answer with backoff, then sends', async () => {
  const id = await enqueue('subscribeMessage', subscribe('o-a'));
  await faults({ 'message/subscribe/send': { errcode: -1 } });
  expect(await deliverOutbox(db, new Date())).toMatchObject({ claimed: 1, retried: 1 });
  const waiting = await docOf(db, 'sys_outbox', id);
  expect(waiting).toMatchObject({ status: 'pending', attempts: 1, failures: 1, lastError: 'errcode:-1' });
  expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 30_000);
  // Not due yet: nothing happens.
  expect(await deliverOutbox(db, new Date())).toMatchObject({ claimed: 0 });
  expect(await deliverOutbox(db, later(5 * 60_000))).toMatchObject({ sent: 1 });
  expect(await docOf(db, 'sys_outbox', id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  expect(await wechatCalls(emu, SEND)).toHaveLength(2);
});

it('marks a subscribe message whose answer was lost as unknown and never resends it', async () => {
  const id = await enqueue('subscribeMessage', subscribe('o-b'));
  await faults({ 'message/subscribe/send': { lostAnswer: true } });
  expect(await deliverOutbox(db, new Date())).toMatchObject({ unknown: 1 });
  expect(await docOf(db, 'sys_outbox', id)).toMatchObject({
    status: 'unknown',
    lastError: 'noAnswer:network',
  });
  await deliverOutbox(db, later(24 * 3600_000));
  const sends = await wechatCalls(emu, SEND);
  expect(sends).toHaveLength(1);
  expect(sends[0]!.fault).toBe('lostAnswer');
});

it('treats a timeout of the send as unknown too', async () => {
  process.env.WECHAT_TIMEOUT_MS = '300';
  try {
    const id = await enqueue('subscribeMessage', subscribe('o-t'));
    await faults({ 'message/subscribe/send': { timeout: true } });
    await deliverOutbox(db, new Date());
    expect(await docOf(db, 'sys_outbox', id)).toMatchObject({
      status: 'unknown',
      lastError: 'noAnswer:timeout',
    });
  } finally {
    delete process.env.WECHAT_TIMEOUT_MS;
  }
});

it('skips a subscribe message when the user has no grant left (43101)', async () => {
  const id = await enqueue('subscribeMessage', subscribe('o-c'));
  await emu.post('/_emulator/subscribe-grants', { openid: 'o-c', templateId: 'tpl-notice', count: 0 });
  expect(await deliverOutbox(db, new Date())).toMatchObject({ skipped: 1 });
  expect(await docOf(db, 'sys_outbox', id)).toMatchObject({ status: 'skipped', lastError: 'errcode:43101' });
  await deliverOutbox(db, later(24 * 3600_000));
  expect(await wechatCalls(emu, SEND)).toHaveLength(1);
});

it('fails for good on an errcode no retry can cure', async () => {
  const id = await enqueue('subscribeMessage', { ...subscribe('o-d'), data: { thing1: { value: 1 } } });
  await deliverOutbox(db, new Date());
  expect(await docOf(db, 'sys_outbox', id)).toMatchObject({ status: 'failed', lastError: 'errcode:47003' });
});

describe('official-account article (exactly once)', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b5f7a60000000049454e44ae426082',
    'hex',
  );
  async function article(title: string) {
    const thumbMediaId = await addMaterial(db, 'thumb', {
      filename: 'c.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    return { articles: [{ title, content: '<p>正文</p>', thumbMediaId }] };
  }

  it('publishes: draft, submit, then waits for WeChat to finish', async () => {
    const id = await enqueue('officialAccountArticle', await article('双随机抽查结果'));
    expect(await deliverOutbox(db, new Date())).toMatchObject({ retried: 1 });
    expect(await docOf(db, 'sys_outbox', id)).toMatchObject({ status: 'pending', lastError: 'publishing' });
    await sleep(1100);
    expect(await deliverOutbox(db, later(2 * 60_000))).toMatchObject({ sent: 1 });
    const done = await docOf(db, 'sys_outbox', id);
    expect(done.result.articleId).toMatch(/^emu_article_/);
    expect(await wechatCalls(emu, '/cgi-bin/freepublish/submit')).toHaveLength(1);
  });

  it('reconciles a submit whose answer was lost and publishes it exactly once', async () => {
    const id = await enqueue('officialAccountArticle', await article('行政处罚决定公示'));
    await faults({ 'freepublish/submit': { lostAnswer: true } });
    await deliverOutbox(db, new Date());
    const uncertain = await docOf(db, 'sys_outbox', id);
    expect(uncertain).toMatchObject({ status: 'pending', lastError: 'noAnswer:network' });
    expect(uncertain.progress.publishId).toBeUndefined();
    expect(uncertain.progress.submitStartedAt).toEqual(expect.any(Number));

    await sleep(1100);
    await deliverOutbox(db, later(5 * 60_000));
    await deliverOutbox(db, later(60 * 60_000));
    const done = await docOf(db, 'sys_outbox', id);
    expect(done).toMatchObject({
      status: 'sent',
      result: { articleId: expect.stringMatching(/^emu_article_/) },
    });
    expect(await wechatCalls(emu, '/cgi-bin/freepublish/submit')).toHaveLength(1);
    expect((await wechatCalls(emu, '/cgi-bin/freepublish/batchget')).length).toBeGreaterThan(0);
  });
});

it('two concurrent deliverers never send the same record twice', async () => {
  const users = Array.from({ length: 12 }, (_, i) => `o-par-${i}`);
  for (const user of users) await enqueue('subscribeMessage', subscribe(user));
  const [a, b] = await Promise.all([deliverOutbox(db, new Date()), deliverOutbox(db, new Date())]);
  expect(a.claimed + b.claimed).toBe(12);
  const sent = (await wechatCalls(emu, SEND)).map((c) => c.body.touser).sort();
  expect(sent).toEqual([...users].sort());
});

it('an expired claim of an at-most-once record becomes unknown, of an exactly-once record pending again', async () => {
  const past = new Date(Date.now() - 10 * 60_000);
  const claimed = { status: 'sending', claimToken: 'dead', claimedUntil: past, attempts: 1 };
  const sub = outboxRecord({ kind: 'subscribeMessage', payload: subscribe('o-dead'), at: past });
  const anchor = outboxRecord({
    kind: 'ledgerAnchor',
    payload: { date: '2026-01-01', seq: 1, hash: 'x', alg: 'sha256' },
    at: past,
  });
  await db.collection('sys_outbox').add({ ...sub, ...claimed });
  await db.collection('sys_outbox').add({ ...anchor, ...claimed });
  const report = await deliverOutbox(db, new Date());
  expect(report.recovered).toBe(2);
  expect(await docOf(db, 'sys_outbox', sub._id)).toMatchObject({
    status: 'unknown',
    lastError: 'claimExpired',
  });
  // The anchor record went back to pending and was delivered again (its anchor is missing here: failed).
  expect(await docOf(db, 'sys_outbox', anchor._id)).toMatchObject({
    status: 'failed',
    lastError: 'anchorMissing',
  });
  expect(await wechatCalls(emu, SEND)).toHaveLength(0);
});

it('delivers from the scheduler’s timer, sharing the database-cached token across fresh instances', async () => {
  await enqueue('subscribeMessage', subscribe('o-timer-1'));
  expect((await emu.post('/timer/scheduler', {})).body).toMatchObject({ ok: true });
  await enqueue('subscribeMessage', subscribe('o-timer-2'));
  await emu.post('/timer/scheduler', {});
  expect(await wechatCalls(emu, SEND)).toHaveLength(2);
  expect(await wechatCalls(emu, '/cgi-bin/stable_token')).toHaveLength(1);
});

it('keeps no recipient once a subscribe message is done, and keeps it while it may still be retried', async () => {
  const retried = await enqueue('subscribeMessage', subscribe('o-keep'));
  await faults({ 'message/subscribe/send': { errcode: -1 } });
  await deliverOutbox(db, new Date());
  expect((await docOf(db, 'sys_outbox', retried)).payload.touser).toBe('o-keep');

  await deliverOutbox(db, later(5 * 60_000));
  const sent = await docOf(db, 'sys_outbox', retried);
  expect(sent.status).toBe('sent');
  expect(sent.payload).toEqual({ templateId: 'tpl-notice', touser: null });

  const lost = await enqueue('subscribeMessage', subscribe('o-lost'));
  await faults({ 'message/subscribe/send': { lostAnswer: true } });
  await deliverOutbox(db, later(10 * 60_000));
  const unknown = await docOf(db, 'sys_outbox', lost);
  expect(unknown.status).toBe('unknown');
  expect(JSON.stringify(unknown)).not.toContain('o-lost');
});
