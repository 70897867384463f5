/**
 * One router per cloud function: validates the event, establishes who calls (from the context only), checks
 * access and roles, makes writes idempotent, runs the action and answers the envelope. It never throws and never
 * lets a stack trace or internal detail reach the answer (docs/architecture.md, step 3).
 */
import * as z from 'zod/mini';
import type { Envelope } from '../../core/contract/envelope';
import { labelsOf } from '../../core/contract/labels';
import { issuesToFields, type ValidationIssue } from '../../core/contract/validation';
import { AppError } from '../errors';
import { database } from '../platform/cloudbase';
import { log } from '../platform/logger';
import { callerFromContext, configuredAppId, isForeignApp, type Caller } from './identity';
import { withIdempotency } from './idempotency';
import { assertUnboundStaff, loadStaffPrincipal } from './staff-auth';
import { checkEventLimits, MAX_EVENT_DEPTH } from './limits';
import type { Declaration, DeclarationTable } from '../../core/contract/declare';
import { noIds, randomIds, requestIds } from '../platform/ids';
import { plugins, type Plugins } from './plugins';
import type { Call, Handler } from './types';
import { hashText } from '../platform/crypto';

/** What the log says for an action name the table does not know: the caller chose it, it may be anything. */
const UNKNOWN_ACTION = '(unknown)';

const LIMIT_MESSAGES = {
  size: '提交的内容过大，请删减后重试',
  depth: `提交的内容层级过深（不能超过 ${MAX_EVENT_DEPTH} 层）`,
} as const;

const EventSchema = z.object({
  action: z.string().check(z.minLength(1), z.maxLength(64)),
  payload: z.optional(z.unknown()),
  requestId: z.optional(z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
});

export type FunctionMain = (event: unknown, context: unknown) => Promise<Envelope<unknown>>;

/**
 * `table`: the function's declared actions (core/contract/api.ts); `handlers`: one per declared action. A handler
 * without a declaration, or a declaration without a handler, stops the function from loading at all (and the
 * declaration test names it), so nothing half-declared is ever deployed.
 */
export function createFunction(
  fn: string,
  table: DeclarationTable,
  handlers: Readonly<Record<string, (input: never, call: Call) => Promise<unknown>>>,
  functionPlugins: Plugins = plugins(),
): FunctionMain {
  const missing = Object.keys(table).filter((a) => !Object.prototype.hasOwnProperty.call(handlers, a));
  const undeclared = Object.keys(handlers).filter((a) => !Object.prototype.hasOwnProperty.call(table, a));
  if (missing.length || undeclared.length) {
    throw new Error(
      `${fn}: actions without a handler [${missing}], handlers without a declaration [${undeclared}]`,
    );
  }
  return async (event, context) => {
    const started = Date.now();
    // Only a name found in the table is ever logged.
    let actionName: string | undefined;
    let answer: Envelope<unknown>;
    try {
      const breach = checkEventLimits(event);
      if (breach) {
        throw new AppError('INVALID_INPUT', LIMIT_MESSAGES[breach], { payload: LIMIT_MESSAGES[breach] });
      }
      const parsed = EventSchema.safeParse(event, { reportInput: true });
      if (!parsed.success) {
        throw new AppError(
          'INVALID_INPUT',
          undefined,
          issuesToFields(parsed.error.issues as ValidationIssue[], ''),
        );
      }
      const name = parsed.data.action;
      const declaration = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
      actionName = declaration ? name : UNKNOWN_ACTION;
      if (!declaration)
        throw new AppError('INVALID_INPUT', '不支持的操作', { action: '操作名称不是本服务支持的操作' });
      const caller = callerFromContext(context);
      checkAccess(declaration, caller);
      const call: Call = {
        fn,
        action: name,
        requestId: parsed.data.requestId ?? null,
        idempotencyKey: null,
        ids: declaration.ids === 'random' ? randomIds() : noIds(name),
        now: new Date(),
        caller,
        db: database(),
        staff: null,
        plugins: functionPlugins,
      };
      // Who may call is settled before the payload is read: a stranger learns nothing of a staff action's inputs.
      if (declaration.access === 'staff') call.staff = await loadStaffPrincipal(call, declaration);
      if (declaration.access === 'unboundStaff') await assertUnboundStaff(call);
      const input = declaration.input.safeParse(parsed.data.payload ?? {}, { reportInput: true });
      if (!input.success) {
        throw new AppError(
          'INVALID_INPUT',
          undefined,
          issuesToFields(input.error.issues as ValidationIssue[], 'payload', labelsOf(declaration.input)),
        );
      }
      const handler = handlers[name] as Handler<Declaration>;
      const run = () => handler(input.data as never, call);
      const data = declaration.idempotent
        ? await withIdempotency(call, parsed.data.payload ?? {}, () => {
            if (declaration.ids === 'request') call.ids = requestIds(call.idempotencyKey!);
            return run();
          })
        : await run();
      answer = { ok: true, data };
    } catch (err) {
      answer = { ok: false, error: toErrorBody(err, fn, actionName) };
    }
    log({
      fn,
      action: actionName,
      code: answer.ok ? 'OK' : answer.error.code,
      ms: Date.now() - started,
    });
    return answer;
  };
}

function checkAccess(spec: Declaration, caller: Caller): void {
  if (spec.access === 'timer') {
    // Timer-only actions refuse anything not fired by the timer, whatever the event says.
    if (caller.source !== 'timer') throw new AppError('FORBIDDEN', '该操作只能由定时任务触发');
    return;
  }
  if (isForeignApp(caller)) throw new AppError('FORBIDDEN', '调用来源不是本小程序');
  if (spec.access === 'public') return;
  if (!caller.appid || !configuredAppId()) throw new AppError('FORBIDDEN', '调用来源不是本小程序');
  if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别您的微信身份，请在微信小程序内使用');
}

function toErrorBody(err: unknown, fn: string, action: string | undefined) {
  if (err instanceof AppError) return err.toBody();
  // Unexpected failure: the details go to the log as a short tag only, never to the caller.
  const tag = hashText(String((err as Error)?.stack ?? err)).slice(0, 12);
  log({ fn, action, code: 'INTERNAL', event: `unexpected:${tag}` });
  // Only the error's class and code: messages may quote data.
  const kind = (err as { code?: unknown })?.code ?? (err as Error)?.name ?? typeof err;
  console.error(`[${fn}] ${action ?? '-'} unexpected error ${tag} (${String(kind)})`);
  return new AppError('INTERNAL').toBody();
}
