/**
 * The workflow kernel's declarations (docs/architecture.md "Workflow kernel"): every record that moves through
 * steps taken by people in roles — complaints, publication entries, cases, services, access requests — is a
 * declaration of its states, its steps (from which states, who may act, separation of duty per round), its
 * clocks and how its acts pin the legal settings. One server kernel (server/kernel/) applies any step of any
 * declaration, and the pages' allowed steps come from the same declaration. Pure: no I/O; time and the calendar
 * are passed in.
 */
import type { RoleGrant } from '../org/roles';

/** Who acts: staff (with the roles in force), a citizen or party (by a salted reference), the system or timer. */
export interface WorkflowActor {
  kind: 'staff' | 'citizen' | 'system';
  /** Salted reference as it goes on the audit trail. */
  ref: string;
  staffId?: string;
  roles?: ReadonlyArray<RoleGrant>;
}

/** One act on a record: the kernel keeps them all, so separation of duty and timelines read them. */
export interface Act {
  step: string;
  actor: string;
  round: number;
  /** When the act happened (it may be entered later: deadlines run from the act) and when it was recorded. */
  actedAt: string;
  recordedAt: string;
  /** The legal-settings version the act was made under (stamped, or the record's pinned one). */
  settingsVersion: number | null;
}

/** A clock's stored state: due dates are stored, and the record's earliest open one is indexed (`nextDue`). */
export interface ClockState {
  startedOn: string;
  /** The due date as computed now (after pauses and extensions); null while paused. */
  dueDate: string | null;
  pausedOn: string | null;
  /** Days spent paused (excluded periods), in the clock's unit, added to the period. */
  pausedDays: number;
  /** Days granted by approval steps. */
  extendedDays: number;
  stoppedOn: string | null;
  /**
   * The due date relies on a year whose official holiday table is not loaded yet (the computed 放假办法 days). When
   * the table is loaded the kernel recomputes it (server/kernel/deadlines.ts), never earlier than told.
   */
  provisional?: boolean;
  /** The period as resolved when the clock started (settings in force then), so a recomputation uses the same. */
  period?: ClockPeriod;
  /**
   * A due date a party or reporter was told that the official table would have made earlier: it is kept, and the
   * due date never moves before it (docs/requirements.md "Rules used everywhere": provisional dates may move later, never earlier).
   */
  keptDueDate?: string;
}

/** A provisional due date recomputed when a year's official holiday table was loaded. */
export interface DueDateChangeEntry {
  /** When (instant, ISO) and why: the holiday table's source. */
  at: string;
  reason: string;
  clock: string;
  /** What the party or reporter had been told, what the calendar gives now, and what is kept (the later). */
  told: string;
  recomputed: string;
  dueDate: string;
  provisional: boolean;
}

/** The kernel's part of a stored record. */
export interface WorkflowFields {
  /** Rounds of a reject-and-resubmit loop; separation of duty counts within a round. */
  round: number;
  acts: Act[];
  clocks: Record<string, ClockState>;
  /** The earliest due date of the open clocks (indexed: dashboards read by it). */
  nextDue: string | null;
  /** True while an open clock's due date is provisional (indexed: loading a year's table finds them by it). */
  provisionalDue?: boolean;
  /** Each recomputation of a provisional due date (server/kernel/deadlines.ts), oldest first: the audit trail. */
  dueDateChanges?: DueDateChangeEntry[];
  /** Pinned at creation where the law fixes the rule at that moment; else null (acts are stamped). */
  pinnedSettings: number | null;
}

export type Guard<R> = (actor: WorkflowActor, record: R) => boolean;

export interface StepDef<S extends string, R> {
  label: string;
  from: readonly S[];
  /** The state after the step; absent: unchanged (a reply, an assignment). */
  to?: S;
  /** Who may take it; `refusal` is what anyone else is told (after they were allowed to see the record). */
  who: Guard<R>;
  refusal: string;
  /**
   * A domain precondition on the record beyond its state: the refusal, or null when the step may be taken. It may
   * read the step's parameters (e.g. whom an assignment names); a page's `allowedSteps` passes none.
   */
  when?: (record: R, params: Readonly<Record<string, string>>) => string | null;
  /** Separation of duty: who took any of these steps in the current round may not take this one. */
  notBy?: readonly string[];
  /** Starts a new round (a rejected entry back to its preparer: the same reviewer may review the new round). */
  newRound?: boolean;
  /**
   * What the step does to the clocks: fixed, or from the record and the step's parameters (a clock per
   * sub-item is named `<clock>:<item>`, e.g. each record's hand-over).
   */
  clocks?: ClockEffects | ((record: R, params: Readonly<Record<string, string>>) => ClockEffects);
  /** Days the act may lie before its recording (a back-dated act); absent: not back-dated. */
  maxBackdateDays?: number;
}

/** Clock names are declared ones, or `<declared>:<item>` for a sub-item's own clock. */
export interface ClockEffects {
  start?: readonly string[];
  stop?: readonly string[];
  pause?: readonly string[];
  resume?: readonly string[];
  /** Days added to a clock by this (approval) step; extending is only ever done by a step that says so. */
  extend?: Readonly<Record<string, number>>;
}

export type ClockPeriod = { workingDays: number } | { days: number };

export interface ClockDef {
  label: string;
  /** false: an internal target (内部目标), not a period set by law; pages and dashboards say so. Absent: legal. */
  legal?: boolean;
  /**
   * Length of the period: working days (skipping rest days) or calendar days; fixed, or read from the legal
   * settings in force (the values the step request gives, e.g. a complaint's acceptance period).
   */
  period: ClockPeriod | ((values: Readonly<Record<string, number>>) => ClockPeriod);
}

export interface WorkflowDef<S extends string, R> {
  type: string;
  collection: string;
  /** The record field holding its state. */
  stateField: string;
  states: readonly S[];
  steps: Readonly<Record<string, StepDef<S, R>>>;
  clocks?: Readonly<Record<string, ClockDef>>;
  /** `record`: the settings version is pinned when the record is created; `act`: each act is stamped. */
  settings: 'record' | 'act';
  /** Who may see the record at all; anyone else is told it does not exist. */
  sees: Guard<R>;
  /**
   * What each audience is shown: the owner or party, the public (only what the regulations publish), staff.
   * Each step's `label` is the line it adds to the owner's timeline.
   */
  projections?: {
    owner?: (record: R) => unknown;
    public?: (record: R) => unknown;
    staff?: (record: R) => unknown;
  };
}

export type StepRefusal = { code: 'NOT_FOUND' | 'PRECONDITION_FAILED' | 'FORBIDDEN'; message: string };

export const emptyWorkflow = (pinnedSettings: number | null = null): WorkflowFields => ({
  round: 1,
  acts: [],
  clocks: {},
  nextDue: null,
  pinnedSettings,
});

/** Why `actor` may not take `step` on `record` now, or null when it may. */
export function refusalOf<S extends string, R extends { _wf: WorkflowFields }>(
  def: WorkflowDef<S, R>,
  actor: WorkflowActor,
  record: R,
  stepName: string,
  params: Readonly<Record<string, string>> = {},
): StepRefusal | null {
  const step = def.steps[stepName];
  if (!step || !def.sees(actor, record)) return { code: 'NOT_FOUND', message: '未找到该记录' };
  const state = (record as Record<string, unknown>)[def.stateField] as S;
  if (!step.from.includes(state)) return { code: 'PRECONDITION_FAILED', message: '当前状态下不能进行此操作' };
  if (!step.who(actor, record)) return { code: 'FORBIDDEN', message: step.refusal };
  const unmet = step.when?.(record, params);
  if (unmet) return { code: 'PRECONDITION_FAILED', message: unmet };
  const round = record._wf.round;
  const earlier = record._wf.acts.filter((a) => a.round === round && step.notBy?.includes(a.step));
  // Name the step this actor took, not the round's first one (which may have been someone else's).
  const own = earlier.find((a) => a.actor === actor.ref);
  if (own) {
    return {
      code: 'FORBIDDEN',
      message: `同一人不能既${def.steps[own.step]?.label ?? own.step}又${step.label}`,
    };
  }
  return null;
}

/** The steps `actor` may take on `record` now (what a page offers; every step is checked again when taken). */
export function allowedSteps<S extends string, R extends { _wf: WorkflowFields }>(
  def: WorkflowDef<S, R>,
  actor: WorkflowActor,
  record: R,
): string[] {
  return Object.keys(def.steps).filter((name) => refusalOf(def, actor, record, name) === null);
}
