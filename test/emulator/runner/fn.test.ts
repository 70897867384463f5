import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { FIXTURE_FUNCTIONS_DIR } from './fixtures';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS_DIR, appId: 'wx_test_app' });
});
afterAll(() => emu.stop());

describe('POST /fn/<name>: identity only through the context', () => {
  it('passes openid, appid and unionid from the headers as the SDK reads them', async () => {
    const res = await emu.post(
      '/fn/whoami',
      {},
      { 'X-WX-OPENID': 'o-alice', 'X-WX-APPID': 'wx_other', 'X-WX-UNIONID': 'u-1' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      openid: 'o-alice',
      appid: 'wx_other',
      unionid: 'u-1',
      triggerSrc: 'tcb',
      source: 'wx_client',
    });
    expect(res.body.context).toMatchObject({
      function_name: 'whoami',
      time_limit_in_ms: 5000,
      memory_limit_in_mb: 128,
      namespace: expect.any(String),
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('uses the configured app id when the caller sends none, and no openid for an anonymous call', async () => {
    const res = await emu.post('/fn/whoami', {});
    expect(res.body.appid).toBe('wx_test_app');
    expect(res.body.openid).toBeUndefined();
    expect(res.body.context.environmentKeys).not.toContain('WX_OPENID');
  });

  it('never takes identity from the event body', async () => {
    const forged = {
      WX_OPENID: 'o-mallory',
      openid: 'o-mallory',
      userInfo: { openId: 'o-mallory', appId: 'wx_evil' },
    };
    const anonymous = await emu.post('/fn/whoami', forged);
    expect(anonymous.body.openid).toBeUndefined();
    const alice = await emu.post('/fn/whoami', forged, { 'X-WX-OPENID': 'o-alice' });
    expect(alice.body.openid).toBe('o-alice');
    expect(alice.body.appid).toBe('wx_test_app');
  });

  it('keeps 60 concurrent callers apart, each seeing only their own identity', async () => {
    const callers = Array.from({ length: 60 }, (_, i) => `o-user-${i}`);
    const answers = await Promise.all(
      callers.map((openid) =>
        emu.post('/fn/whoami', { delayMs: Math.floor(Math.random() * 40) }, { 'X-WX-OPENID': openid }),
      ),
    );
    expect(answers.map((a) => a.body.openid)).toEqual(callers);
    expect(new Set(answers.map((a) => a.body.context.request_id)).size).toBe(callers.length);
    expect(process.env.WX_OPENID).toBeUndefined();
  });

  it('lets the function see the emulator clock', async () => {
    await emu.post('/_emulator/clock', { now: '2030-01-02T03:04:05+08:00' });
    try {
      const res = await emu.post('/fn/whoami', {});
      expect(Math.abs(res.body.now - Date.parse('2030-01-02T03:04:05+08:00'))).toBeLessThan(5000);
    } finally {
      await emu.post('/_emulator/clock', { now: null });
    }
  });
});

describe('POST /fn/<name>: instances, failures, limits', () => {
  it('runs every call in a fresh module instance in test mode', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await emu.post('/fn/counter', {})).body).toEqual({ calls: 1 });
    }
  });

  it('answers INTERNAL without any detail when the function throws, and logs it', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await emu.post('/fn/boom', { action: 'x' }, { 'X-WX-OPENID': 'o-alice' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/secret-internal-detail|\/srv\/app|at /);
      expect(errors).toHaveBeenCalled();
      expect(emu.logs.at(-1)).toContain('"code":"INTERNAL"');
      expect(emu.logs.at(-1)).not.toContain('o-alice');
    } finally {
      errors.mockRestore();
    }
  });

  it('answers a timeout error once config.json timeout is exceeded', async () => {
    const started = Date.now();
    const res = await emu.post('/fn/slow', {});
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('FUNCTION_TIMEOUT');
    expect(res.body.error.message).toMatch(/超时/);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });

  it('answers 404 with a Chinese message for an unknown function or a path-like name', async () => {
    const res = await emu.post('/fn/nosuch', {});
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/不存在/);
    expect((await emu.post('/fn/..%2Fcounter', {})).status).toBe(404);
  });

  it('logs the function name and action but not the identity', async () => {
    await emu.post('/fn/whoami', { action: 'officer.verify' }, { 'X-WX-OPENID': 'o-secret-person' });
    const line = emu.logs.at(-1) ?? '';
    expect(JSON.parse(line)).toMatchObject({
      kind: 'fn',
      name: 'whoami',
      action: 'officer.verify',
      status: 200,
    });
    expect(line).not.toContain('o-secret-person');
  });
});
