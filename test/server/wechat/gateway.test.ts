/**
 * The WeChat gateway against the fake API: tokens cached in the database (not in memory) and reused, refreshed on
 * 40001 with one retry, replaced before they expire; mini-program codes come back as bytes.
 */
import { getUnlimitedWxaCode, sendSubscribeMessage, WechatApiError } from '../../../server/wechat';
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

const message = { touser: 'o-x', templateId: 'tpl', data: { thing1: { value: '通知' } } };
const TOKEN = '/cgi-bin/stable_token';

it('stores the token in the database per appid and reuses it', async () => {
  await sendSubscribeMessage(db, message);
  await sendSubscribeMessage(db, message);
  expect(await wechatCalls(emu, TOKEN)).toHaveLength(1);
  const stored = await docOf(db, 'sys_wechat_tokens', process.env.MINIPROGRAM_APPID!);
  expect(stored.token).toMatch(/^emu_/);
  expect(new Date(stored.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
});

it('refreshes on 40001 (force_refresh) and retries once', async () => {
  await sendSubscribeMessage(db, message);
  const before = (await docOf(db, 'sys_wechat_tokens', process.env.MINIPROGRAM_APPID!)).token;
  await emu.post('/_emulator/wechat-faults', { 'message/subscribe/send': { errcode: 40001 } });
  await sendSubscribeMessage(db, message);
  const tokenCalls = await wechatCalls(emu, TOKEN);
  expect(tokenCalls).toHaveLength(2);
  expect(tokenCalls[1]!.body).toMatchObject({ force_refresh: true });
  expect((await docOf(db, 'sys_wechat_tokens', process.env.MINIPROGRAM_APPID!)).token).not.toBe(before);
  expect(await wechatCalls(emu, '/cgi-bin/message/subscribe/send')).toHaveLength(3);
});

it('retries only once: a second 42001 reaches the caller', async () => {
  await emu.post('/_emulator/wechat-faults', { 'message/subscribe/send': { errcode: 42001, times: 2 } });
  await expect(sendSubscribeMessage(db, message)).rejects.toEqual(expect.any(WechatApiError));
  expect(await wechatCalls(emu, '/cgi-bin/message/subscribe/send')).toHaveLength(2);
});

it('replaces a token that is about to expire', async () => {
  await sendSubscribeMessage(db, message);
  await db
    .collection('sys_wechat_tokens')
    .doc(process.env.MINIPROGRAM_APPID!)
    .update({ expiresAt: new Date(Date.now() + 60_000) });
  await sendSubscribeMessage(db, message);
  expect(await wechatCalls(emu, TOKEN)).toHaveLength(2);
});

it('answers a mini-program code as PNG bytes', async () => {
  const png = await getUnlimitedWxaCode(db, {
    scene: 'enrol=abc',
    page: 'pages/index/index',
    checkPath: false,
  });
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
});
