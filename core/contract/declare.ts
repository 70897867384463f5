/**
 * Every action is declared once, here in core/: its function, name, who may call it, its input schema and its
 * answer type. The server's handlers are typed from the declaration (a handler answering another type does not
 * compile), the router reads access, roles and idempotency from it, and the mini-program's typed client derives
 * its payload and answer types from the same object. Adding an action touches its declaration, its handler and
 * its tests, nothing else.
 */
import type * as z from 'zod/mini';
import type { Role } from '../org/roles';

/** The deployable functions that route on `event.action` (docs/architecture.md "Layers"; opendata is HTTP access). */
export type FunctionName = 'public' | 'citizen' | 'staff' | 'scheduler';

/**
 * Who may call: anyone (`public`), a WeChat user (`citizen`), a bound staff account holding one of `roles`
 * (`staff`), a WeChat user with no staff account yet (`unboundStaff`, binding), the timer trigger (`timer`).
 */
export type Access = 'public' | 'citizen' | 'staff' | 'unboundStaff' | 'timer';

/**
 * How a creating action names what it creates: `request` derives ids from the request key, so a retry after a
 * crash finds the record it already made (needs `idempotent`); `random` for everything else.
 */
export type IdPolicy = 'request' | 'random';

/** Any zod or zod/mini schema (both implement the core type). */
export type InputSchema = z.ZodMiniType;

export interface Declaration<
  F extends FunctionName = FunctionName,
  N extends string = string,
  S extends InputSchema = InputSchema,
  O = unknown,
> {
  fn: F;
  name: N;
  access: Access;
  /** `staff` only: the caller must hold one of these roles (checked before the payload is read). */
  roles?: readonly Role[];
  /** Writes that a client may retry: need a requestId, answered once per (identity, action, requestId). */
  idempotent?: boolean;
  ids?: IdPolicy;
  input: S;
  /** Type-only: the answer's data. Never set at run time. */
  readonly answer?: O;
}

type DeclarationSpec<F extends FunctionName, N extends string, S extends InputSchema> = Omit<
  Declaration<F, N, S>,
  'answer'
> &
  ({ ids?: 'random' } | { ids: 'request'; idempotent: true });

/**
 * `declareAction<Answer>()({ fn, name, access, input, ... })`: the answer type is given, the rest inferred. A
 * `request` id policy without `idempotent: true` does not compile (there would be no request key).
 */
export function declareAction<O>() {
  return <F extends FunctionName, const N extends string, S extends InputSchema>(
    spec: DeclarationSpec<F, N, S>,
  ): Declaration<F, N, S, O> => spec as Declaration<F, N, S, O>;
}

export type InputOf<D> = D extends Declaration<FunctionName, string, infer S> ? z.output<S> : never;
/** What a client sends (before defaults and transforms). */
export type PayloadOf<D> = D extends Declaration<FunctionName, string, infer S> ? z.input<S> : never;
export type AnswerOf<D> = D extends Declaration<FunctionName, string, InputSchema, infer O> ? O : never;

/** Declarations keyed by action name; `table()` builds one and refuses a name declared twice. */
export type DeclarationTable = Record<string, Declaration>;
export type TableOf<L extends readonly Declaration[]> = { [D in L[number] as D['name']]: D };

export function table<const L extends readonly Declaration[]>(list: L): TableOf<L> {
  const out: Record<string, Declaration> = {};
  for (const d of list) {
    if (Object.prototype.hasOwnProperty.call(out, d.name))
      throw new Error(`action declared twice: ${d.name}`);
    out[d.name] = d;
  }
  return out as TableOf<L>;
}

/** A value as it arrives after JSON: dates become ISO strings. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** function → action → [payload, answer as the client receives it]: what a client of these tables may call. */
export type ClientApi<T extends Record<string, DeclarationTable>> = {
  [F in keyof T]: { [A in keyof T[F]]: [PayloadOf<T[F][A]>, Jsonify<AnswerOf<T[F][A]>>] };
};
