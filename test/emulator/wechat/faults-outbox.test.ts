/** Injected failures of the fake WeChat API and the outbox that records every call without credentials. */
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { article, credentials, outbox, token, uploadMaterial, wx } from './helpers';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

async function draftFixture() {
  const oa = await token('oa');
  const material = await uploadMaterial(oa);
  return { oa, articles: [article(material.media_id)] };
}

const draftCount = async (emu: TestEmulator) =>
  (await outbox(emu)).filter((r) => r.path === '/cgi-bin/draft/add' && typeof r.answer?.media_id === 'string')
    .length;

describe('wechat faults', () => {
  it('fails the next N calls of a path with the errcode, then succeeds', async () => {
    const { oa, articles } = await draftFixture();
    const set = await emu.post('/_emulator/wechat-faults', { 'draft/add': { errcode: 45009, times: 2 } });
    expect(set.status).toBe(200);
    expect(await wx('/cgi-bin/draft/add', { articles }, oa)).toMatchObject({ errcode: 45009 });
    expect(await wx('/cgi-bin/draft/add', { articles }, oa)).toMatchObject({ errcode: 45009 });
    expect(await wx('/cgi-bin/draft/add', { articles }, oa)).toEqual({ media_id: expect.any(String) });
    const records = (await outbox(emu)).filter((r) => r.path === '/cgi-bin/draft/add');
    expect(records.map((r) => r.fault ?? 'none')).toEqual(['errcode', 'errcode', 'none']);
    expect(await draftCount(emu)).toBe(1);
  });

  it('takes /wxa/ keys and refuses unknown keys or malformed faults', async () => {
    expect((await emu.post('/_emulator/wechat-faults', { getwxacodeunlimit: { errcode: -1 } })).status).toBe(
      200,
    );
    const mp = await token('mp');
    expect(await wx('/wxa/getwxacodeunlimit', { scene: 'a=1' }, mp)).toMatchObject({ errcode: -1 });
    expect((await emu.post('/_emulator/wechat-faults', { 'cgi-bin/draft/add': { errcode: 1 } })).status).toBe(
      400,
    );
    expect((await emu.post('/_emulator/wechat-faults', { 'draft/add': { errcode: 0 } })).status).toBe(400);
    expect((await emu.post('/_emulator/wechat-faults', { 'draft/add': { times: 2 } })).status).toBe(400);
  });

  it('holds the connection on a timeout fault until the client gives up, without performing the call', async () => {
    const { oa, articles } = await draftFixture();
    await emu.post('/_emulator/wechat-faults', { 'draft/add': { timeout: true } });
    const started = Date.now();
    await expect(
      fetch(`${process.env.WECHAT_API_BASE}/cgi-bin/draft/add?access_token=${oa}`, {
        method: 'POST',
        body: JSON.stringify({ articles }),
        signal: AbortSignal.timeout(400),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(await draftCount(emu)).toBe(0);
    expect((await outbox(emu)).find((r) => r.path === '/cgi-bin/draft/add')).toMatchObject({
      fault: 'timeout',
    });
    // One use only: the next call is answered.
    expect(await wx('/cgi-bin/draft/add', { articles }, oa)).toEqual({ media_id: expect.any(String) });
  });

  it('releases a held connection on reset', async () => {
    await emu.post('/_emulator/wechat-faults', { stable_token: { timeout: true } });
    const pending = fetch(`${process.env.WECHAT_API_BASE}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', ...credentials('oa') }),
    });
    await new Promise((r) => setTimeout(r, 100));
    await emu.post('/_emulator/reset', {});
    await expect(pending).rejects.toThrow();
  });

  it('performs and records the call on lostAnswer, then drops the connection', async () => {
    const { oa, articles } = await draftFixture();
    await emu.post('/_emulator/wechat-faults', { 'draft/add': { lostAnswer: true } });
    await expect(
      fetch(`${process.env.WECHAT_API_BASE}/cgi-bin/draft/add?access_token=${oa}`, {
        method: 'POST',
        body: JSON.stringify({ articles }),
      }),
    ).rejects.toThrow();
    const record = (await outbox(emu)).find((r) => r.path === '/cgi-bin/draft/add');
    expect(record).toMatchObject({ fault: 'lostAnswer', answer: { media_id: expect.any(String) } });
    // The side effect happened: the draft exists although its creator never heard back.
    expect(await wx('/cgi-bin/draft/get', { media_id: record.answer.media_id }, oa)).toMatchObject({
      news_item: articles,
    });
  });

  it('with hold, performs and records the call, then keeps the caller waiting unanswered', async () => {
    const { oa, articles } = await draftFixture();
    await emu.post('/_emulator/wechat-faults', { 'draft/add': { lostAnswer: true, hold: true } });
    const pending = fetch(`${process.env.WECHAT_API_BASE}/cgi-bin/draft/add?access_token=${oa}`, {
      method: 'POST',
      body: JSON.stringify({ articles }),
      signal: AbortSignal.timeout(400),
    });
    await expect(pending).rejects.toThrow();
    // Performed while the caller still waited (what a test stops the emulator on).
    const record = (await outbox(emu)).find((r) => r.path === '/cgi-bin/draft/add');
    expect(record).toMatchObject({ fault: 'lostAnswer', answer: { media_id: expect.any(String) } });
    expect(await draftCount(emu)).toBe(1);
  });
});

describe('outbox', () => {
  it('records every call oldest first, with query and body but never a token or secret', async () => {
    const oa = await token('oa');
    const mp = await token('mp');
    const refreshed = await token('oa', true);
    expect(await uploadMaterial(refreshed)).toMatchObject({ media_id: expect.any(String) });
    await wx(
      '/cgi-bin/message/subscribe/send',
      { touser: 'o1', template_id: 'T', data: { a: { value: 'v' } } },
      mp,
    );
    const items = await outbox(emu);
    expect(items.map((r) => r.path)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/stable_token',
      '/cgi-bin/stable_token',
      '/cgi-bin/material/add_material',
      '/cgi-bin/message/subscribe/send',
    ]);
    expect(items.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(items[0]).toMatchObject({
      body: { grant_type: 'client_credential', appid: credentials('oa').appid },
    });
    expect(items[0].answer).toEqual({ expires_in: 7200 });
    expect(items[3]).toMatchObject({
      query: { type: 'image' },
      body: { files: [{ name: 'media', filename: 'cover.jpg', size: expect.any(Number) }] },
    });
    expect(items[4].body).toMatchObject({ touser: 'o1', template_id: 'T' });
    expect(Date.parse(items[0].time)).not.toBeNaN();

    const text = JSON.stringify(items);
    const secrets = [credentials('oa').secret, credentials('mp').secret];
    for (const forbidden of [oa, mp, refreshed, ...secrets, '"access_token":', '"secret":']) {
      expect(text).not.toContain(forbidden);
    }
  });
});
