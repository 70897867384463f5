/**
 * Forced token refreshes (PUB-9): after 40001/42001 many instances at once make ONE force_refresh call
 * (a lock in the database), the others take the token it stored; past the daily cap the caller is told to wait
 * for the next day (TokenRefreshCappedError), not to spend WeChat's small allowance.
 */
import { TokenRefreshCappedError } from '../../../server/wechat/errors';
import { accessToken, replaceRejectedToken, FORCE_CAP_PER_DAY } from '../../../server/wechat/token';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { startWithSdk, wechatCalls } from '../ledger/helpers';

let emu: TestEmulator;
let db: Database;
beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

const forced = async () =>
  (await wechatCalls(emu, '/cgi-bin/stable_token')).filter((c) => c.body.force_refresh === true);

it('makes one forced refresh for five instances refused at once', async () => {
  const rejected = await accessToken(db, 'oa');
  const tokens = await Promise.all(Array.from({ length: 5 }, () => replaceRejectedToken(db, 'oa', rejected)));
  expect(await forced()).toHaveLength(1);
  expect(new Set(tokens).size).toBe(1);
  expect(tokens[0]).not.toBe(rejected);
});

it('stops forcing refreshes past the daily cap', async () => {
  const appid = process.env.WECHAT_OA_APPID!;
  const day = Math.floor((Date.now() + 8 * 3600_000) / 86_400_000);
  await db
    .collection('sys_wechat_tokens')
    .doc(`${appid}:force`)
    .set({ day, count: FORCE_CAP_PER_DAY, lockUntilMs: 0 });
  const rejected = await accessToken(db, 'oa');
  await expect(replaceRejectedToken(db, 'oa', rejected)).rejects.toBeInstanceOf(TokenRefreshCappedError);
  expect(await forced()).toHaveLength(0);
});
