/**
 * The workflow kernel (docs/architecture.md "Workflow kernel"): applies any declared step of any record type.
 * It loads the record for the actor (a record the actor may not see answers NOT_FOUND, so existence does not
 * leak), checks the transition, the actor and the separation of duty (core/workflow/define.ts), takes the act's
 * date (possibly back-dated within the step's limit), pins or stamps the legal-settings version, moves the
 * clocks, runs the step's domain rules, and commits the new state with its event on the record's chain and the
 * rows the step causes (outbox messages), plus any other record the step changes, in ONE transaction
 * (server/ledger/commit.ts: each operation names one document by id).
 */
import type { Calendar } from '../../core/calendar/calendar';
import { toShanghaiDate } from '../../core/calendar';
import { applyClocks } from '../../core/workflow/clocks';
import {
  emptyWorkflow,
  refusalOf,
  type Act,
  type WorkflowActor,
  type WorkflowDef,
  type WorkflowFields,
} from '../../core/workflow/define';
import { AppError } from '../errors';
import { commitChange, type EntityWrite, type PlainInsert } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { getDoc, stateOf } from '../platform/docs';

/** A stored record the kernel can drive: the kernel's fields are `_wf` (absent on records made before it). */
export type KernelRecord = { _id: string; _rev: number; _wf?: WorkflowFields } & Record<string, unknown>;

export interface StepContext<R> {
  /** The record as loaded (before the step). */
  record: R;
  actedAt: Date;
  /** The settings version this act is under: the record's pinned one, or the version stamped now. */
  settingsVersion: number | null;
  /** The revision the record will have after the step (outbox rows name it). */
  nextRev: number;
}

export interface StepRequest<R extends KernelRecord> {
  def: WorkflowDef<string, R & { _wf: WorkflowFields }>;
  id: string;
  step: string;
  actor: WorkflowActor;
  now: Date;
  /** When the act happened, if it is entered later (only within the step's `maxBackdateDays`). */
  actedAt?: Date;
  /** The record as the caller just loaded it (saves a second read; the commit still checks its revision). */
  loaded?: R;
  /** Needed by steps that move clocks. */
  calendar?: Calendar;
  /** The step's parameters its clock effects may name (e.g. the sub-item whose clock starts). */
  params?: Readonly<Record<string, string>>;
  /** Period lengths from the legal settings in force, for clocks declared with a period read from them. */
  periodValues?: Readonly<Record<string, number>>;
  /** The settings version in force now, for record types that stamp each act. */
  settingsVersion?: () => Promise<number>;
  /** The step's domain rules: change the new state (beyond state, acts and clocks); throw AppError to refuse. */
  effect?: (state: Record<string, unknown>, ctx: StepContext<R>) => void | Promise<void>;
  /** Rows written in the same transaction (outbox messages). */
  inserts?: (ctx: StepContext<R>) => PlainInsert[] | Promise<PlainInsert[]>;
  /** Other records the step changes, in the same transaction (each through its own chain). */
  alsoWrite?: (ctx: StepContext<R>) => EntityWrite[] | Promise<EntityWrite[]>;
}

export interface StepDone<R> {
  record: R;
  rev: number;
}

export async function loadRecord<R extends KernelRecord>(
  db: Database,
  def: { collection: string },
  id: string,
): Promise<(R & { _wf: WorkflowFields }) | null> {
  const stored = await getDoc<R>(db, def.collection, id);
  return stored ? ({ ...stored, _wf: stored._wf ?? emptyWorkflow() } as R & { _wf: WorkflowFields }) : null;
}

export async function applyStep<R extends KernelRecord>(
  db: Database,
  req: StepRequest<R>,
): Promise<StepDone<R>> {
  const { def, actor, now } = req;
  const record = req.loaded
    ? ({ ...req.loaded, _wf: req.loaded._wf ?? emptyWorkflow() } as R & { _wf: WorkflowFields })
    : await loadRecord<R>(db, def, req.id);
  if (!record) throw new AppError('NOT_FOUND', '未找到该记录');
  const refusal = refusalOf(def, actor, record, req.step, req.params ?? {});
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const step = def.steps[req.step]!;
  const actedAt = actedAtOf(req, step.maxBackdateDays);
  const settingsVersion =
    def.settings === 'record'
      ? record._wf.pinnedSettings
      : req.settingsVersion
        ? await req.settingsVersion()
        : null;
  const ctx: StepContext<R> = { record, actedAt, settingsVersion, nextRev: record._rev + 1 };

  const state = stateOf(record) as Record<string, unknown>;
  const wf: WorkflowFields = structuredClone(record._wf);
  if (step.newRound) wf.round += 1;
  const act: Act = {
    step: req.step,
    actor: actor.ref,
    round: wf.round,
    actedAt: actedAt.toISOString(),
    recordedAt: now.toISOString(),
    settingsVersion,
  };
  wf.acts = [...wf.acts, act];
  if (step.clocks) {
    if (!req.calendar) throw new Error(`${def.type}.${req.step} moves clocks but no calendar was given`);
    const effects = typeof step.clocks === 'function' ? step.clocks(record, req.params ?? {}) : step.clocks;
    Object.assign(
      wf,
      applyClocks(req.calendar, def.clocks ?? {}, wf, effects, toShanghaiDate(actedAt), req.periodValues),
    );
  }
  if (step.to) state[def.stateField] = step.to;
  state._wf = wf;
  await req.effect?.(state, ctx);
  state.updatedAt = now;

  await commitChange(db, {
    actor: actor.ref,
    action: `${def.type}.${req.step}`,
    at: now,
    actedAt,
    entities: [
      { collection: def.collection, id: record._id, expectedRev: record._rev, state },
      ...((await req.alsoWrite?.(ctx)) ?? []),
    ],
    inserts: (await req.inserts?.(ctx)) ?? [],
  });
  return { record: { ...(state as R), _id: record._id, _rev: record._rev + 1 }, rev: record._rev + 1 };
}

function actedAtOf(req: { now: Date; actedAt?: Date }, maxBackdateDays: number | undefined): Date {
  if (!req.actedAt) return req.now;
  if (req.actedAt.getTime() > req.now.getTime() + 60_000) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.actedAt': '办理时间不能晚于现在' });
  }
  const limit = (maxBackdateDays ?? 0) * 86_400_000;
  if (req.now.getTime() - req.actedAt.getTime() > limit + 60_000) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.actedAt': maxBackdateDays
        ? `办理时间不能早于 ${maxBackdateDays} 天前`
        : '该步骤不能补录以前的办理时间',
    });
  }
  return req.actedAt;
}

/** Creates a record of a workflow type in its first state, with the kernel's fields (the creation's own event). */
export async function createRecord(
  db: Database,
  input: {
    def: { type: string; collection: string; stateField: string; settings: 'record' | 'act' };
    id: string;
    actor: WorkflowActor;
    now: Date;
    state: Record<string, unknown>;
    initialState: string;
    settingsVersion?: number | null;
    inserts?: PlainInsert[];
  },
): Promise<void> {
  const wf = emptyWorkflow(input.def.settings === 'record' ? (input.settingsVersion ?? null) : null);
  await commitChange(db, {
    actor: input.actor.ref,
    action: `${input.def.type}.create`,
    at: input.now,
    entities: [
      {
        collection: input.def.collection,
        id: input.id,
        expectedRev: null,
        state: { ...input.state, [input.def.stateField]: input.initialState, _wf: wf, updatedAt: input.now },
      },
    ],
    inserts: input.inserts ?? [],
  });
}
