/**
 * The fake WeChat API under `/wechat/...`, mirroring api.weixin.qq.com paths (the gateway calls
 * `${WECHAT_API_BASE}/cgi-bin/...`): access tokens, official-account material, drafts, publishing, mass send,
 * mini-program codes, subscribe messages and phone numbers (phone-number.ts). Every call lands in the outbox
 * (`GET /_emulator/outbox`, oldest first, without credentials, personal data masked by the endpoint's `redact`);
 * failures are injected with `POST /_emulator/wechat-faults` (faults.ts).
 * WeChat answers HTTP 200 with `errcode` in the JSON for its errors; so does this fake.
 */
import type { EmulatorContext } from '../context';
import { HttpError, type RouteContext } from '../http';
import { clockNow } from '../clock';
import { isMultipart, parseMultipart, type FormPart } from '../storage/multipart';
import { wxError, type Endpoint, type WechatAnswer, type WechatCall } from './api';
import { FaultTable, HOLD_MS } from './faults';
import { miniProgramCgiEndpoints, wxaEndpoints } from './miniprogram';
import { officialAccountEndpoints } from './official-account';
import { recordedAnswer, recordedBody, recordedQuery } from './outbox';
import { registerWechatControl } from './control';
import { registerPhoneCodeControl } from './phone-number';
import { WechatState } from './state';
import { checkToken, stableToken } from './tokens';

const cgiEndpoints: Record<string, Endpoint> = {
  stable_token: stableToken,
  ...officialAccountEndpoints,
  ...miniProgramCgiEndpoints,
};

export function registerWechat(ctx: EmulatorContext): void {
  const state = new WechatState(ctx.options.dataDir);
  const faults = new FaultTable();
  const held = new Set<() => void>();
  const releaseHeld = () => {
    for (const release of [...held]) release();
  };
  const faultKeys = new Set(
    [...Object.entries(cgiEndpoints), ...Object.entries(wxaEndpoints)].map(([key, e]) => e.faultKey ?? key),
  );

  ctx.router.add(
    '*',
    /^\/wechat\/(cgi-bin|wxa)\/(.+)$/,
    async (route) => {
      const [area, key = ''] = route.params;
      const endpoint = area === 'wxa' ? wxaEndpoints[key] : cgiEndpoints[key];
      route.note.action = key.slice(0, 40);
      if (!endpoint) throw new HttpError(404, 'NO_ROUTE', `模拟器没有这个微信接口：/${area}/${key}`);
      await serveCall(route, { path: `/${area}/${key}`, key, endpoint, state, faults, held });
    },
    'wechat',
  );

  registerWechatControl(ctx, state, faults, faultKeys);
  registerPhoneCodeControl(ctx, state);
  ctx.onReset.push(() => {
    releaseHeld();
    faults.clear();
    state.reset();
  });
  ctx.onClose.push(releaseHeld);
}

interface CallSetup {
  path: string;
  key: string;
  endpoint: Endpoint;
  state: WechatState;
  faults: FaultTable;
  held: Set<() => void>;
}

async function serveCall(route: RouteContext, setup: CallSetup): Promise<void> {
  const { state, endpoint } = setup;
  const { body, files, invalidJson } = await readRequest(route);
  const now = clockNow().getTime();
  const record = (answer: unknown, fault?: 'errcode' | 'timeout' | 'lostAnswer') => {
    state.data.outbox.push({
      seq: state.data.outbox.length + 1,
      time: new Date(now).toISOString(),
      method: route.req.method ?? 'POST',
      path: setup.path,
      query: recordedQuery(route.url.searchParams),
      body: recordedBody(endpoint.redact?.body?.(body) ?? body, files),
      answer,
      ...(fault ? { fault } : {}),
    });
    state.save();
  };

  const fault = setup.faults.take(endpoint.faultKey ?? setup.key);
  if (fault?.kind === 'errcode') {
    const answer = wxError(fault.errcode, fault.errmsg);
    record(recordedAnswer(answer), 'errcode');
    route.note.code = String(fault.errcode);
    return sendAnswer(route, answer);
  }
  if (fault?.kind === 'timeout') {
    record(null, 'timeout');
    route.note.code = 'TIMEOUT';
    return holdUnanswered(route, setup.held);
  }

  const quotaAnswer = dailyQuota(state, endpoint.faultKey ?? setup.key, now);
  if (quotaAnswer) {
    record(recordedAnswer(quotaAnswer));
    route.note.code = '45009';
    return sendAnswer(route, quotaAnswer);
  }
  const call: WechatCall = { query: route.url.searchParams, body, files, now, state };
  const answer =
    checkToken(state, route.url.searchParams.get('access_token'), endpoint.token, now) ??
    (invalidJson ? wxError(47001, 'data format error') : endpoint.handle(call));
  const redactAnswer = endpoint.redact?.answer;
  record(
    recordedAnswer(redactAnswer && 'json' in answer ? { json: redactAnswer(answer.json) } : answer),
    fault?.kind,
  );
  if ('json' in answer && typeof answer.json.errcode === 'number' && answer.json.errcode !== 0) {
    route.note.code = String(answer.json.errcode);
  }
  if (fault?.kind === 'lostAnswer') {
    route.note.code = 'LOST_ANSWER';
    if (fault.hold) return holdUnanswered(route, setup.held);
    route.req.socket.destroy();
    return;
  }
  sendAnswer(route, answer);
}

/** 45009 once a key's daily quota (POST /_emulator/official-account `apiQuota`) is used up that Shanghai day. */
function dailyQuota(state: WechatState, key: string, now: number): WechatAnswer | undefined {
  const quota = state.data.oaConfig.apiQuota[key];
  if (quota === undefined) return undefined;
  const counter = `${Math.floor((now + 8 * 3600_000) / 86_400_000)} ${key}`;
  const used = state.data.apiCalls[counter] ?? 0;
  if (used >= quota) return wxError(45009, 'reach max api daily quota limit');
  state.data.apiCalls[counter] = used + 1;
  return undefined;
}

function sendAnswer(route: RouteContext, answer: WechatAnswer): void {
  if ('png' in answer) route.send(200, answer.png, { 'content-type': 'image/png' });
  else route.send(200, answer.json);
}

/** Keeps the request open without answering; the socket is destroyed when released. */
function holdUnanswered(route: RouteContext, held: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      held.delete(release);
      route.req.socket.destroy();
      resolve();
    };
    const timer = setTimeout(release, HOLD_MS);
    held.add(release);
    route.res.on('close', release);
  });
}

async function readRequest(
  route: RouteContext,
): Promise<{ body: Record<string, unknown>; files: FormPart[]; invalidJson?: true }> {
  const contentType = route.req.headers['content-type'];
  if (isMultipart(contentType)) {
    const parts = parseMultipart(await route.body(), contentType);
    const fields = parts.filter((p) => p.filename === undefined && p.name !== 'media');
    const body = Object.fromEntries(fields.map((p) => [p.name, p.data.toString('utf8')]));
    return { body, files: parts.filter((p) => !fields.includes(p)) };
  }
  const raw = (await route.body()).toString('utf8');
  if (!raw.trim()) return { body: {}, files: [] };
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { body: parsed as Record<string, unknown>, files: [] };
    }
  } catch {
    /* fall through: WeChat answers 47001 for a body that is not JSON */
  }
  return { body: {}, files: [], invalidJson: true };
}
