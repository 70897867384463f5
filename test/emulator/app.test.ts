import http from 'node:http';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: emu.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator HTTP shell', () => {
  it('answers health once ready', async () => {
    expect(await emu.get('/_emulator/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('refuses a non-loopback Host header (DNS rebinding)', async () => {
    expect(await rawGet('/_emulator/health', 'evil.example.com')).toBe(403);
    expect(await rawGet('/_emulator/health', `127.0.0.1:${emu.port}`)).toBe(200);
    expect(await rawGet('/_emulator/health', `localhost:${emu.port}`)).toBe(200);
  });

  it('sets and resets the clock that Date sees', async () => {
    const res = await emu.post('/_emulator/clock', { now: '2026-12-01T09:00:00+08:00' });
    expect(res.status).toBe(200);
    expect(Math.abs(Date.now() - Date.parse('2026-12-01T01:00:00Z'))).toBeLessThan(5000);
    expect(Math.abs(new Date().getTime() - Date.parse('2026-12-01T01:00:00Z'))).toBeLessThan(5000);
    await emu.post('/_emulator/clock', { now: null });
    expect(Math.abs(Date.now() - Date.parse('2026-12-01T01:00:00Z'))).toBeGreaterThan(60_000);
  });

  it('rejects a malformed clock with a Chinese message', async () => {
    const res = await emu.post('/_emulator/clock', { now: 'tomorrow' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/ISO 8601/);
  });

  it('logs one allowlisted line per call', async () => {
    const before = emu.logs.length;
    await emu.get('/_emulator/health?token=secret-token-value');
    expect(emu.logs.length).toBe(before + 1);
    expect(emu.logs.at(-1)).not.toContain('secret-token-value');
  });
});
