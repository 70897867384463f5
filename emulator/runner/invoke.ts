/**
 * One function invocation: the SCF-style `context` carrying the caller's identity, the handler call, the timeout.
 *
 * Identity travels only in `context.environment`, a JSON string that `getCloudbaseContext(context)` of
 * @cloudbase/node-sdk parses and merges over process.env (node_modules/@cloudbase/node-sdk/src/utils/
 * tcbcontext.ts, `parseContext`). Nothing per call is ever written to process.env, so concurrent calls with
 * different identities cannot mix.
 */
import { randomUUID } from 'node:crypto';
import type { RunnerFunctionConfig } from './config';
import type { FunctionLoader } from './loader';
import { errorSummary } from '../log';

/** How the function was reached: a client SDK call, a timer trigger, or the HTTP access service. */
export type TriggerKind = 'client' | 'timer' | 'http';

export interface Caller {
  openid?: string;
  appid?: string;
  unionid?: string;
}

/**
 * The per-call environment. TRIGGER_SRC is 'tcb' for SDK calls and 'timer' for timer triggers (the values
 * @cloudbase/node-sdk itself tests, src/utils/wxCloudToken.ts); TCB_SOURCE 'wx_client' is what a mini-program
 * client call carries. For HTTP access the emulator sends TRIGGER_SRC 'http' and no identity at all.
 */
export function callEnvironment(
  kind: TriggerKind,
  caller: Caller,
  requestId: string,
): Record<string, string> {
  const env: Record<string, string> = {
    TCB_ENV: process.env.TCB_ENV ?? 'local-emulator',
    TCB_SEQID: requestId,
  };
  if (kind === 'client') {
    env.TRIGGER_SRC = 'tcb';
    env.TCB_SOURCE = 'wx_client';
    if (caller.appid) env.WX_APPID = caller.appid;
    if (caller.openid) env.WX_OPENID = caller.openid;
    if (caller.unionid) env.WX_UNIONID = caller.unionid;
  } else {
    env.TRIGGER_SRC = kind;
  }
  return env;
}

export interface ScfContext {
  callbackWaitsForEmptyEventLoop: boolean;
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  environment: string;
}

export function buildContext(
  name: string,
  config: RunnerFunctionConfig,
  kind: TriggerKind,
  caller: Caller,
): ScfContext {
  const requestId = randomUUID();
  return {
    callbackWaitsForEmptyEventLoop: false,
    request_id: requestId,
    function_name: name,
    function_version: '$LATEST',
    namespace: process.env.SCF_NAMESPACE ?? 'local-emulator',
    memory_limit_in_mb: config.memoryMb,
    time_limit_in_ms: config.timeoutSeconds * 1000,
    environment: JSON.stringify(callEnvironment(kind, caller, requestId)),
  };
}

export type InvokeOutcome =
  { kind: 'ok'; value: unknown } | { kind: 'threw' } | { kind: 'timeout'; seconds: number };

export interface InvokeRequest {
  name: string;
  entry: string;
  config: RunnerFunctionConfig;
  event: unknown;
  trigger: TriggerKind;
  caller: Caller;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs the handler. A throw (or a bundle that fails to load) is logged to stderr for the developer and reported
 * as `threw`, never with its details; exceeding config.json's timeout is reported as `timeout` (the handler's
 * promise is abandoned, as SCF abandons the instance).
 */
export async function invoke(loader: FunctionLoader, req: InvokeRequest): Promise<InvokeOutcome> {
  const context = buildContext(req.name, req.config, req.trigger, req.caller);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), context.time_limit_in_ms);
  });
  try {
    const run = (async () => loader.handlerFor(req.entry)(req.event, context))();
    const value = await Promise.race([run, deadline]);
    if (value === TIMED_OUT) {
      run.catch(() => undefined);
      return { kind: 'timeout', seconds: req.config.timeoutSeconds };
    }
    return { kind: 'ok', value };
  } catch (err) {
    console.error(`[runner] 云函数 ${req.name} 抛出异常：${errorSummary(err)}`);
    return { kind: 'threw' };
  } finally {
    clearTimeout(timer);
  }
}
