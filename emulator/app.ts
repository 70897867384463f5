/**
 * The local CloudBase emulator: one loopback HTTP server that serves the /admin wire protocol of the real
 * @cloudbase/node-sdk (database and storage), runs the cloud functions, and fakes the WeChat APIs.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { installClock } from './clock';
import type { EmulatorContext, EmulatorOptions } from './context';
import { registerControl } from './control';
import { HttpError, Router, isLoopbackAddress, isLoopbackHost, readBody, type RouteContext } from './http';
import { EMULATOR_LEDGER_MAC_KEY, EMULATOR_MASTER_KEY, EMULATOR_PERSONAL_DATA_SALT } from './dev-secrets';
import { roundTrips, sleep } from './latency';
import { createLogger, errorSummary } from './log';
import { registerParts } from './parts';
import { EMULATOR_SMS } from './sms';

export interface RunningEmulator {
  url: string;
  port: number;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

export const REPO_ROOT = path.resolve(__dirname, '..');

export function defaultOptions(overrides: Partial<EmulatorOptions> = {}): EmulatorOptions {
  return {
    port: 3000,
    dataDir: path.join(REPO_ROOT, '.data'),
    seed: true,
    mode: 'dev',
    strictIndexes: false,
    timers: true,
    functionsDir: path.join(REPO_ROOT, 'cloudfunctions'),
    appId: 'wx_emulator_app',
    logSink: (line) => process.stdout.write(line + '\n'),
    ...overrides,
  };
}

export async function startEmulator(partial: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const options = defaultOptions(partial);
  mkdirSync(options.dataDir, { recursive: true });
  installClock();

  const ctx: EmulatorContext = {
    options,
    baseUrl: '',
    router: new Router(),
    log: createLogger(options.logSink),
    adminActions: new Map(),
    onReset: [],
    onReady: [],
    onClose: [],
  };
  let ready = false;
  registerControl(ctx, () => ready);
  registerAdminEndpoint(ctx);
  await registerParts(ctx);

  const server = createServer((req, res) => void handle(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://127.0.0.1:${port}`;
  pointSdkAtEmulator(ctx.baseUrl, options.appId);
  for (const hook of ctx.onReady) await hook();
  ready = true;

  return {
    url: ctx.baseUrl,
    port,
    ctx,
    close: () => closeAll(ctx, server),
  };
}

/**
 * The real SDK reads TCB_CONTEXT_CNFG on every request; credentials only need to be non-empty.
 * WECHAT_API_BASE points the WeChat gateway at the fake API. These are process-wide settings of the emulator
 * process, the same for every call; identities never travel this way.
 */
function pointSdkAtEmulator(baseUrl: string, appId: string): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${baseUrl}/admin` });
  // As inside a real cloud function: the SDK then skips probing the cloud metadata service on every request
  // (a 30 ms timeout each, which dominated local latency).
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION = process.env.TENCENTCLOUD_REGION || 'ap-shanghai';
  process.env.TCB_ENV = process.env.TCB_ENV || 'local-emulator';
  process.env.SCF_NAMESPACE = process.env.SCF_NAMESPACE || 'local-emulator';
  process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'emulator';
  process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'emulator';
  process.env.WECHAT_API_BASE = `${baseUrl}/wechat`;
  process.env.SMS_API_BASE = `${baseUrl}/sms`;
  process.env.SMS_SECRET_ID = process.env.SMS_SECRET_ID || EMULATOR_SMS.secretId;
  process.env.SMS_SECRET_KEY = process.env.SMS_SECRET_KEY || EMULATOR_SMS.secretKey;
  process.env.SMS_SDK_APP_ID = process.env.SMS_SDK_APP_ID || EMULATOR_SMS.sdkAppId;
  process.env.SMS_SIGN_NAME = process.env.SMS_SIGN_NAME || EMULATOR_SMS.signName;
  process.env.MINIPROGRAM_APPID = appId;
  process.env.WECHAT_OA_APPID = process.env.WECHAT_OA_APPID || 'wx_emulator_oa';
  process.env.WECHAT_OA_SECRET = process.env.WECHAT_OA_SECRET || 'emulator-oa-secret';
  process.env.WECHAT_MP_SECRET = process.env.WECHAT_MP_SECRET || 'emulator-mp-secret';
  process.env.PERSONAL_DATA_SALT = process.env.PERSONAL_DATA_SALT || EMULATOR_PERSONAL_DATA_SALT;
  // A fixed development key for per-record encryption; production sets its own secret.
  process.env.PERSONAL_DATA_MASTER_KEY = process.env.PERSONAL_DATA_MASTER_KEY || EMULATOR_MASTER_KEY;
  process.env.LEDGER_MAC_KEY = process.env.LEDGER_MAC_KEY || EMULATOR_LEDGER_MAC_KEY;
}

function registerAdminEndpoint(ctx: EmulatorContext): void {
  // Drawn when the option is set at start; tests and the bench may also set ctx.options.dbLatency later.
  let draw: { of: EmulatorContext['options']['dbLatency']; next: () => number } | undefined;
  const roundTrip = () => {
    const latency = ctx.options.dbLatency;
    if (!latency || latency.ms <= 0) return 0;
    if (draw?.of !== latency) draw = { of: latency, next: roundTrips(latency) };
    return draw.next();
  };
  ctx.router.add(
    'POST',
    /^\/admin\/?$/,
    async ({ json, send, note }) => {
      const trip = roundTrip();
      await sleep(trip / 2); // the request's way there
      const body = await json<Record<string, unknown>>();
      const action = typeof body.action === 'string' ? body.action : '';
      note.action = action;
      const handler = ctx.adminActions.get(action);
      if (!handler) {
        send(200, {
          code: 'INVALID_ACTION',
          message: `模拟器不支持的操作：${action || '(空)'}`,
          requestId: 'emulator',
        });
        return;
      }
      const answer = await handler(body, note);
      await sleep(trip / 2); // the answer's way back
      send(200, answer);
    },
    'admin',
  );
}

async function handle(
  ctx: EmulatorContext,
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
) {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const note: RouteContext['note'] = {};
  let kind: Parameters<typeof ctx.log>[0]['kind'] = 'http';
  const send: RouteContext['send'] = (status, body, headers = {}) => {
    if (res.headersSent) return;
    if (Buffer.isBuffer(body) || typeof body === 'string') {
      res.writeHead(status, headers);
      res.end(body);
    } else {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    }
  };
  try {
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host)) {
      throw new HttpError(403, 'NOT_LOOPBACK', '模拟器只接受本机回环地址的请求');
    }
    const found = ctx.router.match(req.method ?? 'GET', url.pathname);
    if (!found) throw new HttpError(404, 'NO_ROUTE', `没有这个接口：${req.method} ${url.pathname}`);
    kind = found.route.kind;
    let cached: Buffer | undefined;
    const body = async () => (cached ??= await readBody(req));
    await found.route.handler({
      req,
      res,
      url,
      params: found.params,
      body,
      json: async <T>() => {
        const raw = (await body()).toString('utf8');
        if (!raw.trim()) return {} as T;
        try {
          return JSON.parse(raw) as T;
        } catch {
          throw new HttpError(400, 'INVALID_JSON', '请求体不是合法的 JSON');
        }
      },
      send,
      note,
    });
    if (!res.headersSent) send(204, '');
  } catch (err) {
    const e = err instanceof HttpError ? err : new HttpError(500, 'EMULATOR_ERROR', '模拟器内部错误');
    if (!(err instanceof HttpError)) console.error(`[emulator] ${errorSummary(err)}`);
    note.code = e.code;
    send(e.status, { ok: false, error: { code: e.code, message: e.message } });
  } finally {
    ctx.log({
      kind,
      method: req.method,
      route: routeLabel(url.pathname),
      name: note.name,
      action: note.action,
      status: res.statusCode,
      code: note.code,
      scanned: note.scanned,
      ms: Math.round(performance.now() - started),
    });
  }
}

/** The path without anything that could carry data (ids, file names): the first two segments only. */
function routeLabel(pathname: string): string {
  return pathname.split('/').slice(0, 3).join('/');
}

async function closeAll(ctx: EmulatorContext, server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  for (const hook of [...ctx.onClose].reverse()) await hook();
}
