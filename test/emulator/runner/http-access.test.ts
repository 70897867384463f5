import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { FIXTURE_FUNCTIONS_DIR } from './fixtures';

/** What the gateway fixture echoes back. */
interface GatewayEcho {
  event: { httpMethod: string } & Record<string, unknown>;
  openid: string | null;
  appid: string | null;
  triggerSrc: string;
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS_DIR });
});
afterAll(() => emu.stop());

describe('HTTP access /http/<name>/...', () => {
  it('delivers the integration request and answers the integration response', async () => {
    const res = await fetch(`${emu.url}/http/gateway/feed/items.json?kind=penalty&page=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-fixture')).toBe('gateway');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const answer = (await res.json()) as GatewayEcho;
    expect(answer.event).toMatchObject({
      path: '/gateway/feed/items.json',
      httpMethod: 'POST',
      queryStringParameters: { kind: 'penalty', page: '2' },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
      headers: { 'x-custom': 'yes', 'content-type': 'application/json' },
      requestContext: { requestId: expect.any(String), envId: expect.any(String) },
    });
    expect(answer.triggerSrc).toBe('http');
  });

  it('is anonymous: identity headers never reach the context', async () => {
    const res = await fetch(`${emu.url}/http/gateway/`, {
      headers: { 'X-WX-OPENID': 'o-forged', 'X-WX-APPID': 'wx_forged' },
    });
    const answer = (await res.json()) as GatewayEcho;
    expect(answer.openid).toBeNull();
    expect(answer.appid).toBeNull();
    expect(answer.event.httpMethod).toBe('GET');
  });

  it('sends a string as text/plain and a plain object as JSON, as CloudBase does', async () => {
    const text = await fetch(`${emu.url}/http/gateway?mode=text`);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe('hello gateway');
    const object = await fetch(`${emu.url}/http/gateway?mode=object`, { method: 'DELETE' });
    expect(object.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await object.json()).toEqual({ foo: 'bar' });
  });

  it('decodes a base64 answer and encodes a binary request body', async () => {
    const bin = await fetch(`${emu.url}/http/gateway?mode=binary`);
    expect(bin.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
    const upload = await fetch(`${emu.url}/http/gateway/upload`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([255, 0, 1]),
    });
    const answer = (await upload.json()) as GatewayEcho;
    expect(answer.event).toMatchObject({
      isBase64Encoded: true,
      body: Buffer.from([255, 0, 1]).toString('base64'),
    });
  });

  it('answers 404 for an unknown function and INTERNAL without details when it throws', async () => {
    expect((await fetch(`${emu.url}/http/nosuch/x`)).status).toBe(404);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await fetch(`${emu.url}/http/boom`);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body).error.code).toBe('INTERNAL');
      expect(body).not.toContain('secret-internal-detail');
    } finally {
      errors.mockRestore();
    }
  });
});
