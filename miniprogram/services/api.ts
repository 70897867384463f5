/**
 * The one typed client for the backend (docs/architecture.md, step 4). Trial and release ALWAYS use
 * `wx.cloud.callFunction`, whose identity CloudBase injects from WeChat; only `develop` may use `wx.request` to
 * the local emulator, sending a demo identity as a header the deployed functions never read.
 */
import type { Envelope, MiniprogramApi } from '../core-bundle/index';
import { DEV_EMULATOR_DEFAULTS, DEV_STORAGE_KEY, type DevEmulatorSettings } from '../config';

export type FunctionName = keyof MiniprogramApi;
export type ActionOf<F extends FunctionName> = keyof MiniprogramApi[F] & string;
type Spec<F extends FunctionName, A extends ActionOf<F>> = MiniprogramApi[F][A] extends [infer I, infer O]
  ? [I, O]
  : never;
export type PayloadOf<F extends FunctionName, A extends ActionOf<F>> = Spec<F, A>[0];
export type DataOf<F extends FunctionName, A extends ActionOf<F>> = Spec<F, A>[1];

export type Transport = 'cloud' | 'emulator';

/**
 * The part of `wx` this client uses, declared here so the client type-checks (and is unit-tested) outside the
 * mini-program's own tsconfig too; at run time `wx` is the mini-program's global.
 */
interface ClientWx {
  getAccountInfoSync(): { miniProgram: { envVersion: string } };
  getStorageSync(key: string): unknown;
  cloud: {
    callFunction(opts: {
      name: string;
      data: object;
      success(res: { result?: unknown }): void;
      fail(err: unknown): void;
    }): void;
  };
  request(opts: {
    url: string;
    method: 'POST';
    data: object;
    header: Record<string, string>;
    success(res: { data: unknown }): void;
    fail(err: unknown): void;
  }): void;
}
declare const wx: ClientWx;

const NETWORK_ERROR = { code: 'INTERNAL', message: '网络不畅，请检查网络后重试' } as const;

export function envVersion(): string {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion;
  } catch {
    return 'release';
  }
}

export function devSettings(): DevEmulatorSettings {
  let stored: Partial<DevEmulatorSettings> = {};
  try {
    stored = (wx.getStorageSync(DEV_STORAGE_KEY) as Partial<DevEmulatorSettings>) || {};
  } catch {
    stored = {};
  }
  return { ...DEV_EMULATOR_DEFAULTS, ...stored };
}

/** Anything but an explicit `develop` is treated as production: an unknown value must never reach the emulator. */
export function transportFor(version: string): Transport {
  if (version !== 'develop') return 'cloud';
  return devSettings().enabled ? 'emulator' : 'cloud';
}

function newRequestId(): string {
  const rand = Math.random().toString(36).slice(2, 12);
  return `mp-${Date.now().toString(36)}-${rand}`;
}

function callCloud(name: string, event: object): Promise<Envelope<unknown>> {
  return new Promise((resolve) => {
    wx.cloud.callFunction({
      name,
      data: event,
      success: (res) => resolve(res.result as Envelope<unknown>),
      fail: () => resolve({ ok: false, error: { ...NETWORK_ERROR } }),
    });
  });
}

function callEmulator(name: string, event: object): Promise<Envelope<unknown>> {
  const dev = devSettings();
  return new Promise((resolve) => {
    wx.request({
      url: `${dev.baseUrl}/fn/${name}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', 'X-WX-OPENID': dev.openid, 'X-WX-APPID': dev.appId },
      success: (res) => resolve(res.data as Envelope<unknown>),
      fail: () => resolve({ ok: false, error: { ...NETWORK_ERROR } }),
    });
  });
}

/** A fresh requestId; a page that may retry a write keeps one and passes it again (idempotent retries). */
export { newRequestId };

/**
 * Calls `fn`.`action`; never throws: failures come back as the envelope's error (Chinese message). Pass
 * `requestId` to retry a write safely: the backend answers a repeated (identity, action, requestId) once.
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  payload: PayloadOf<F, A>,
  opts: { requestId?: string } = {},
): Promise<Envelope<DataOf<F, A>>> {
  const event = { action, payload, requestId: opts.requestId ?? newRequestId() };
  const answer =
    transportFor(envVersion()) === 'cloud' ? await callCloud(fn, event) : await callEmulator(fn, event);
  if (!answer || typeof answer !== 'object' || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
    return { ok: false, error: { code: 'INTERNAL', message: '服务返回异常，请稍后重试' } };
  }
  return answer as Envelope<DataOf<F, A>>;
}
