/**
 * The function runner part of the emulator (README "The emulator's HTTP API"):
 * - `POST /fn/<name>`: body = event, identity from `X-WX-OPENID` / `X-WX-APPID` / `X-WX-UNIONID`, passed to the
 *   function only through `context`; answers the function's return value as JSON;
 * - `POST /timer/<name>`: fires the function's timer trigger now (optional body `{TriggerName}`);
 * - `GET|POST|PUT|DELETE /http/<name>/...`: HTTP access with the integration request/response;
 * - timer triggers on schedule when `options.timers` is on, stopped on close.
 */
import { randomUUID } from 'node:crypto';
import { clockNow } from '../clock';
import type { EmulatorContext } from '../context';
import { HttpError, type RouteContext } from '../http';
import { readRunnerConfig, resolveFunction } from './config';
import { fromFunctionAnswer, toIntegrationRequest } from './http-access';
import { invoke, type Caller, type InvokeOutcome, type TriggerKind } from './invoke';
import { FunctionLoader } from './loader';
import { TimerSchedule, findTimers, timerEvent, type ScheduledTimer } from './timers';

/** What a caller sees when the function threw: no stack, no internals. */
export const INTERNAL_ANSWER = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
};

function timeoutAnswer(seconds: number) {
  return { ok: false, error: { code: 'FUNCTION_TIMEOUT', message: `云函数执行超时（超过 ${seconds} 秒）` } };
}

function header(req: RouteContext['req'], name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first.trim() || undefined : undefined;
}

export function registerRunner(ctx: EmulatorContext): void {
  const loader = new FunctionLoader(ctx.options.mode, ctx.options.functionConsole);
  const schedule = new TimerSchedule();

  const run = (
    name: string,
    event: unknown,
    trigger: TriggerKind,
    caller: Caller,
  ): Promise<InvokeOutcome> => {
    const { dir, entry } = resolveFunction(ctx.options.functionsDir, name);
    return invoke(loader, { name, entry, config: readRunnerConfig(dir), event, trigger, caller });
  };

  /** Answers the outcome of a client or timer call as JSON. */
  const sendOutcome = (outcome: InvokeOutcome, send: RouteContext['send'], note: RouteContext['note']) => {
    if (outcome.kind === 'ok') {
      send(200, outcome.value === undefined ? null : outcome.value);
    } else if (outcome.kind === 'threw') {
      note.code = 'INTERNAL';
      send(200, INTERNAL_ANSWER);
    } else {
      note.code = 'FUNCTION_TIMEOUT';
      send(504, timeoutAnswer(outcome.seconds));
    }
  };

  ctx.router.add(
    'POST',
    /^\/fn\/([^/]+)$/,
    async ({ req, params, json, send, note }) => {
      const name = params[0] ?? '';
      note.name = name;
      resolveFunction(ctx.options.functionsDir, name);
      const event = await json<unknown>();
      const caller: Caller = {
        openid: header(req, 'x-wx-openid'),
        appid: header(req, 'x-wx-appid') ?? ctx.options.appId,
        unionid: header(req, 'x-wx-unionid'),
      };
      note.action = actionOf(event);
      sendOutcome(await run(name, event, 'client', caller), send, note);
    },
    'fn',
  );

  ctx.router.add(
    'POST',
    /^\/timer\/([^/]+)$/,
    async ({ params, json, send, note }) => {
      const name = params[0] ?? '';
      note.name = name;
      const { dir } = resolveFunction(ctx.options.functionsDir, name);
      const body = await json<{ TriggerName?: unknown }>();
      const timers = readRunnerConfig(dir).timers;
      const trigger =
        typeof body.TriggerName === 'string' ? timers.find((t) => t.name === body.TriggerName) : timers[0];
      if (!trigger) throw new HttpError(404, 'TRIGGER_NOT_FOUND', `云函数 ${name} 没有这个定时触发器`);
      sendOutcome(await run(name, timerEvent(trigger.name, clockNow()), 'timer', {}), send, note);
    },
    'timer',
  );

  for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
    ctx.router.add(
      method,
      /^\/http\/([^/]+)(\/.*)?$/,
      async ({ req, url, params, body, send, note }) => {
        const name = params[0] ?? '';
        note.name = name;
        resolveFunction(ctx.options.functionsDir, name);
        // The function is reached at /<name> (cloudbaserc.json servicePaths), so that is the path it sees.
        const event = toIntegrationRequest(
          `/${name}${params[1] ?? ''}`,
          method,
          url,
          req.headers,
          await body(),
          randomUUID(),
        );
        const outcome = await run(name, event, 'http', {});
        if (outcome.kind === 'ok') {
          const answer = fromFunctionAnswer(outcome.value);
          send(answer.status, answer.body, answer.headers);
        } else if (outcome.kind === 'threw') {
          note.code = 'INTERNAL';
          send(500, INTERNAL_ANSWER);
        } else {
          note.code = 'FUNCTION_TIMEOUT';
          send(504, timeoutAnswer(outcome.seconds));
        }
      },
      'http',
    );
  }

  const fireOnSchedule = async ({ functionName, trigger }: ScheduledTimer): Promise<void> => {
    const started = performance.now();
    let outcome: InvokeOutcome;
    try {
      outcome = await run(functionName, timerEvent(trigger.name, clockNow()), 'timer', {});
    } catch {
      outcome = { kind: 'threw' };
    }
    ctx.log({
      kind: 'timer',
      route: 'schedule',
      name: functionName,
      status: outcome.kind === 'ok' ? 'ok' : outcome.kind,
      code: outcome.kind === 'ok' ? undefined : outcome.kind === 'threw' ? 'INTERNAL' : 'FUNCTION_TIMEOUT',
      ms: Math.round(performance.now() - started),
    });
  };

  if (ctx.options.timers) {
    ctx.onReady.push(() => schedule.start(findTimers(ctx.options.functionsDir), fireOnSchedule));
  }
  ctx.onClose.push(() => {
    schedule.stop();
    loader.clear();
  });
}

/** The event's `action` for the log line (an allowlisted field), when it looks like one. */
function actionOf(event: unknown): string | undefined {
  const action = (event as { action?: unknown } | null)?.action;
  return typeof action === 'string' && /^[\w.-]{1,60}$/.test(action) ? action : undefined;
}
