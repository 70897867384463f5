/**
 * The typed client's transport: trial and release ALWAYS use wx.cloud.callFunction, whatever the
 * development settings say; only `develop` may reach the emulator over wx.request.
 */
import { call, transportFor } from '../../miniprogram/services/api';

const callFunction = jest.fn();
const request = jest.fn();
let envVersion = 'release';
let devSetting: unknown = {
  enabled: true,
  baseUrl: 'http://127.0.0.1:3000',
  openid: 'demo-admin-1',
  appId: 'wx_emulator_app',
};

beforeAll(() => {
  (globalThis as unknown as { wx: unknown }).wx = {
    getAccountInfoSync: () => ({ miniProgram: { envVersion } }),
    getStorageSync: () => devSetting,
    cloud: { callFunction },
    request,
  };
});
beforeEach(() => {
  jest.clearAllMocks();
  callFunction.mockImplementation((o: { success(r: unknown): void }) =>
    o.success({ result: { ok: true, data: 'cloud' } }),
  );
  request.mockImplementation((o: { success(r: unknown): void }) =>
    o.success({ statusCode: 200, data: { ok: true, data: 'emulator' } }),
  );
});

describe.each(['trial', 'release'])('%s', (version) => {
  it('uses the cloud even with the emulator enabled in the dev settings', async () => {
    envVersion = version;
    const res = await call('public', 'officer.verify', { certNo: '50010120230001' });
    expect(res).toEqual({ ok: true, data: 'cloud' });
    expect(callFunction).toHaveBeenCalledTimes(1);
    expect(callFunction.mock.calls[0][0]).toMatchObject({
      name: 'public',
      data: {
        action: 'officer.verify',
        payload: { certNo: '50010120230001' },
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      },
    });
    expect(request).not.toHaveBeenCalled();
  });
});

describe('develop', () => {
  it('talks to the emulator with the demo identity headers', async () => {
    envVersion = 'develop';
    const res = await call('staff', 'staff.me', {});
    expect(res).toEqual({ ok: true, data: 'emulator' });
    expect(request.mock.calls[0][0]).toMatchObject({
      url: 'http://127.0.0.1:3000/fn/staff',
      method: 'POST',
      header: { 'X-WX-OPENID': 'demo-admin-1', 'X-WX-APPID': 'wx_emulator_app' },
    });
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('uses the cloud when the emulator is switched off', () => {
    devSetting = { enabled: false };
    expect(transportFor('develop')).toBe('cloud');
    devSetting = { enabled: true };
  });

  it('treats an unknown environment as production', () => {
    expect(transportFor('')).toBe('cloud');
    expect(transportFor('Develop')).toBe('cloud');
  });

  it('turns a failed call into an INTERNAL envelope instead of throwing', async () => {
    envVersion = 'release';
    callFunction.mockImplementation((o: { fail(): void }) => o.fail());
    const res = await call('public', 'officer.verify', { certNo: '50010120230001' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/网络/) },
    });
  });
});
