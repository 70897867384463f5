/**
 * `citizen` `contact.phoneNumber` through the emulator: the code of the getPhoneNumber button exchanged for the
 * caller's own mainland number; 40029 and foreign numbers refused in Chinese; the per-identity rate limit; and the
 * number in neither the logs, the ledger, the rate-limit counters nor the fake WeChat API's outbox.
 */
import { randomUUID } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { allDocs, callers } from '../complaint/helpers';

const PHONE = '13712345678';
let emu: TestEmulator;
let call: ReturnType<typeof callers>;
const consoleLines: string[] = [];

beforeAll(async () => {
  emu = await startTestEmulator();
  call = callers(emu);
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

const newOpenid = () => `o-phone-${randomUUID().slice(0, 12)}`;

async function issue(openid: string, phoneNumber = PHONE, countryCode = '86'): Promise<string> {
  const res = await emu.post('/_emulator/phone-codes', { phoneNumber, countryCode, openid });
  expect(res.status).toBe(200);
  return res.body.code as string;
}

const ask = (openid: string, code: string) => call.citizen(openid, 'contact.phoneNumber', { code });

describe('contact.phoneNumber', () => {
  it("answers the caller's number once per code, then PRECONDITION_FAILED (40029)", async () => {
    const openid = newOpenid();
    const code = await issue(openid);
    expect(await ask(openid, code)).toEqual({ ok: true, data: { purePhoneNumber: PHONE } });
    expect(await ask(openid, code)).toEqual({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '获取手机号失败，请手动填写' },
    });
  });

  it("refuses a code issued to someone else (the caller's openid is checked by WeChat)", async () => {
    const owner = newOpenid();
    const code = await issue(owner);
    expect((await ask(newOpenid(), code)).error).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await ask(owner, code)).data).toEqual({ purePhoneNumber: PHONE });
  });

  it('refuses a number with another country code, asking to type one', async () => {
    const openid = newOpenid();
    const res = await ask(openid, await issue(openid, '4155552671', '1'));
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.message).toMatch(/中国大陆.*手动填写/);
  });

  it('checks the payload and the identity', async () => {
    const openid = newOpenid();
    expect((await call.citizen(openid, 'contact.phoneNumber', {})).error.code).toBe('INVALID_INPUT');
    const extra = await call.citizen(openid, 'contact.phoneNumber', { code: 'x', phone: PHONE });
    expect(extra.error.code).toBe('INVALID_INPUT');
    const anonymous = await emu.call('citizen', { action: 'contact.phoneNumber', payload: { code: 'x' } });
    expect(anonymous.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers RATE_LIMITED after 10 calls an hour per identity, before asking WeChat', async () => {
    const openid = newOpenid();
    for (let i = 0; i < 10; i += 1) {
      expect((await ask(openid, `spent-${i}`)).error.code).toBe('PRECONDITION_FAILED');
    }
    const outboxBefore = (await emu.get('/_emulator/outbox')).body.items.length;
    const limited = await ask(openid, await issue(openid));
    expect(limited.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(String) });
    expect((await emu.get('/_emulator/outbox')).body.items.length).toBe(outboxBefore);
    // Another identity is not affected.
    const other = newOpenid();
    expect((await ask(other, await issue(other))).ok).toBe(true);
  });

  it('leaves the number in no log, ledger entry, stored document or outbox record', async () => {
    const openid = newOpenid();
    expect((await ask(openid, await issue(openid))).ok).toBe(true);
    const stored = [];
    for (const collection of ['sys_ledger', 'sys_rate_limits', 'sys_wechat_tokens']) {
      stored.push(...(await allDocs(collection)));
    }
    const outbox = (await emu.get('/_emulator/outbox')).body.items;
    const haystack = [
      emu.logs.join('\n'),
      consoleLines.join('\n'),
      JSON.stringify(stored),
      JSON.stringify(outbox),
    ].join('\n');
    expect(haystack).not.toContain(PHONE);
    expect(haystack).not.toContain(PHONE.slice(3, 11));
    expect(emu.logs.some((line) => line.includes('contact.phoneNumber'))).toBe(true);
    expect(outbox.some((r: { path: string }) => r.path === '/wxa/business/getuserphonenumber')).toBe(true);
  });
});
