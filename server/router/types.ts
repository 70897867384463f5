/**
 * What the router hands a handler, and how handlers are typed from the declarations in core/contract: a handler
 * receives the declared input (after validation) and must answer the declared type, or it does not compile.
 */
import type { AnswerOf, Declaration, DeclarationTable, InputOf } from '../../core/contract/declare';
import type { Caller } from './identity';
import type { Database } from '../platform/cloudbase';
import type { IdSource } from '../platform/ids';
import type { StaffPrincipal } from '../org/principal';
import type { Plugins } from './plugins';

export type { Access } from '../../core/contract/declare';

export interface Call {
  fn: string;
  action: string;
  /** The caller's requestId, when sent; writes are idempotent on (identity, action, requestId). */
  requestId: string | null;
  /** Set by the idempotency layer for idempotent actions: (identity, function, action, requestId) hashed. */
  idempotencyKey: string | null;
  /** Ids of what this call creates, by the action's declared id policy (server/platform/ids.ts). */
  ids: IdSource;
  now: Date;
  caller: Caller;
  db: Database;
  /** The bound staff account, for `staff` actions. */
  staff: StaffPrincipal | null;
  /** What the function's features plug into shared modules (router/plugins.ts). */
  plugins: Plugins;
}

export type Handler<D> = (input: InputOf<D>, call: Call) => Promise<AnswerOf<D>>;

/** Exactly one handler per declared action of a function. */
export type Handlers<T extends DeclarationTable> = { [K in keyof T]: Handler<T[K]> };

/** Types a handler from its declaration (input in, declared answer out). */
export function handle<D extends Declaration>(_declaration: D, handler: Handler<D>): Handler<D> {
  return handler;
}
