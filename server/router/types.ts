/** What an action declares, and what its handler receives. */
import type { Caller } from './identity';
import type { Database } from '../platform/cloudbase';
import type { StaffPrincipal } from '../org/principal';

/** Who may call: anyone (`public`), a WeChat user (`citizen`), a bound staff account (`staff`), the timer. */
export type Access = 'public' | 'citizen' | 'staff' | 'unboundStaff' | 'timer';

/** The minimal schema interface shared by zod and zod/mini. */
export interface Schema<T> {
  safeParse(
    input: unknown,
    params?: { reportInput?: boolean },
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export interface Call {
  fn: string;
  action: string;
  /** The caller's requestId, when sent; writes are idempotent on (identity, action, requestId). */
  requestId: string | null;
  /** A stable key derived from (identity, action, requestId) for deterministic ids of what this call creates. */
  idempotencyKey: string | null;
  now: Date;
  caller: Caller;
  db: Database;
  /** The bound staff account, for `staff` actions. */
  staff: StaffPrincipal | null;
}

export interface ActionSpec<I = unknown, O = unknown> {
  access: Access;
  input: Schema<I>;
  /** Writes need a requestId and are replay-safe; reads are not stored. */
  idempotent?: boolean;
  /** For `staff` access: the caller must hold one of these roles (checked through the organisation model). */
  roles?: readonly string[];
  handler(input: I, call: Call): Promise<O>;
}

// A table holds actions of different input/output types; each is checked where it is declared with `action()`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, ActionSpec<any, any>>;

export function action<I, O>(spec: ActionSpec<I, O>): ActionSpec<I, O> {
  return spec;
}
