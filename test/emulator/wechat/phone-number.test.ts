/** The fake 手机号快速验证 API: codes issued by the emulator, single use, 5 minutes, masked in the outbox. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { outbox, token, wx } from './helpers';

const PHONE = '13912345678';
const PATH = '/wxa/business/getuserphonenumber';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

async function issue(spec: Record<string, unknown> = { phoneNumber: PHONE }): Promise<string> {
  const res = await emu.post('/_emulator/phone-codes', spec);
  expect(res.status).toBe(200);
  expect(res.body.code).toMatch(/^[0-9a-f]{64}$/);
  return res.body.code as string;
}

describe('getuserphonenumber', () => {
  it('answers phone_info for a valid code once, then 40029 for the same code', async () => {
    const code = await issue();
    const mp = await token('mp');
    const first = await wx(PATH, { code }, mp);
    expect(first).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: PHONE,
        purePhoneNumber: PHONE,
        countryCode: '86',
        watermark: { appid: process.env.MINIPROGRAM_APPID, timestamp: expect.any(Number) },
      },
    });
    expect(await wx(PATH, { code }, mp)).toMatchObject({ errcode: 40029 });
    expect(await wx(PATH, { code: 'made-up' }, mp)).toMatchObject({ errcode: 40029 });
    expect(await wx(PATH, {}, mp)).toMatchObject({ errcode: 40029 });
  });

  it('expires a code after 5 minutes on the emulator clock', async () => {
    const start = Date.parse('2026-12-01T09:00:00+08:00');
    await emu.post('/_emulator/clock', { now: new Date(start).toISOString() });
    const kept = await issue();
    const expiring = await issue();
    const mp = await token('mp');
    await emu.post('/_emulator/clock', { now: new Date(start + 4 * 60_000 + 50_000).toISOString() });
    expect(await wx(PATH, { code: kept }, mp)).toMatchObject({ errcode: 0 });
    await emu.post('/_emulator/clock', { now: new Date(start + 5 * 60_000 + 1000).toISOString() });
    expect(await wx(PATH, { code: expiring }, mp)).toMatchObject({ errcode: 40029 });
  });

  it('checks the openid the code was issued for, when the caller sends one', async () => {
    const mp = await token('mp');
    const code = await issue({ phoneNumber: PHONE, openid: 'o-alice' });
    expect(await wx(PATH, { code, openid: 'o-mallory' }, mp)).toMatchObject({ errcode: 40029 });
    expect(await wx(PATH, { code, openid: 'o-alice' }, mp)).toMatchObject({ errcode: 0 });
  });

  it('gives foreign numbers their country code', async () => {
    const code = await issue({ phoneNumber: '4155552671', countryCode: '1' });
    const answer = await wx(PATH, { code }, await token('mp'));
    expect(answer.phone_info).toMatchObject({
      phoneNumber: '+14155552671',
      purePhoneNumber: '4155552671',
      countryCode: '1',
    });
  });

  it('needs the mini-program token and keeps the code on a refused token', async () => {
    const code = await issue();
    expect(await wx(PATH, { code })).toMatchObject({ errcode: 41001 });
    expect(await wx(PATH, { code }, 'made-up')).toMatchObject({ errcode: 40001 });
    expect(await wx(PATH, { code }, await token('oa'))).toMatchObject({ errcode: 48001 });
    expect(await wx(PATH, { code }, await token('mp'))).toMatchObject({ errcode: 0 });
  });

  it('records the calls in the outbox without the code or any digit of the number', async () => {
    const code = await issue();
    await wx(PATH, { code }, await token('mp'));
    const records = (await outbox(emu)).filter((r) => r.path === PATH);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      body: { code: '***' },
      answer: { errcode: 0, phone_info: { phoneNumber: '***********', purePhoneNumber: '***********' } },
    });
    const everything = JSON.stringify(await outbox(emu));
    expect(everything).not.toContain(PHONE.slice(1, 9)); // no 8 digits of it in a row, masked or not
    expect(everything).not.toContain(code);
  });

  it('takes faults under the key getuserphonenumber without using the code', async () => {
    const code = await issue();
    const set = await emu.post('/_emulator/wechat-faults', { getuserphonenumber: { errcode: -1 } });
    expect(set.status).toBe(200);
    const mp = await token('mp');
    expect(await wx(PATH, { code }, mp)).toMatchObject({ errcode: -1 });
    expect(await wx(PATH, { code }, mp)).toMatchObject({ errcode: 0 });
    expect((await outbox(emu)).filter((r) => r.path === PATH).map((r) => r.fault ?? 'none')).toEqual([
      'errcode',
      'none',
    ]);
  });

  it('refuses malformed phone-code requests and forgets used codes in its state file', async () => {
    expect((await emu.post('/_emulator/phone-codes', { phoneNumber: '138-1234' })).status).toBe(400);
    expect((await emu.post('/_emulator/phone-codes', { phoneNumber: PHONE, countryCode: 86 })).status).toBe(
      400,
    );
    const code = await issue();
    await wx(PATH, { code }, await token('mp'));
    expect(readFileSync(path.join(emu.dataDir, 'wechat.json'), 'utf8')).not.toContain(PHONE);
  });
});
