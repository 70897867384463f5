/**
 * One scheduler run : the timer fires every minute, and each firing is one run of every timer
 * action in turn. A run works within a time budget taken from the function's own time limit (the SCF context's
 * `time_limit_in_ms`, config.json `timeout`) with a margin, and never longer than MAX_RUN_MS: what it does not
 * reach stays due and the next minute's run goes on from there (each action reads what is still due, so nothing
 * is skipped). The run holds the `scheduler` lease while it works, so an overlapping run (a slow run still going
 * when the next minute fires, a second instance) does nothing; a killed run's lease lapses after the function's
 * time limit.
 *
 * The actions read the run they belong to through `currentRun()` (an AsyncLocalStorage scope set by the fan-out),
 * so the router and the action declarations stay as they are.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Database } from '../../platform/cloudbase';
import { randomId } from '../../platform/crypto';
import { releaseLease, takeLease, type Lease } from '../../platform/lease';

export const SCHEDULER_LEASE = 'scheduler';
/**
 * The most one run works: the trigger fires every minute, and a run that ends well within it leaves the next
 * one a free lease; CloudBase's database calls are slow and uneven, so the margin is wide.
 */
export const MAX_RUN_MS = 16_000;
/** Kept free before the function's time limit: the item in progress, giving the lease back, the answer. */
export const TIMEOUT_MARGIN_MS = 10_000;
/** The function's time limit when the context does not say (config.json `timeout`). */
export const DEFAULT_TIME_LIMIT_MS = 60_000;
/** Past the time limit the run cannot be alive any more: its lease lapses then. */
const LEASE_SLACK_MS = 5_000;

export interface SchedulerRun {
  lease: Lease;
  budgetMs: number;
  /** Milliseconds since the run began (a monotonic clock: the emulator's settable clock does not move it). */
  elapsedMs(): number;
  /** What is left of the whole run's budget (0 when spent). */
  runLeftMs(): number;
  /**
   * Gives the next action a share of the run: `ms` from now (at most what the run has left), so one action with a
   * long backlog cannot starve the ones after it.
   */
  startSlice(ms: number): void;
  /** Whether the current action may start another item: its share and the run's budget both last. */
  hasTime(): boolean;
  /** What is left of the current action's share (0 when spent). */
  leftMs(): number;
}

/** The function's time limit from the SCF context, or the default. */
export function timeLimitOf(context: unknown): number {
  const limit = (context as { time_limit_in_ms?: unknown } | null)?.time_limit_in_ms;
  return typeof limit === 'number' && limit > 0 ? limit : DEFAULT_TIME_LIMIT_MS;
}

/**
 * The run's budget: the time limit less the margin, at most MAX_RUN_MS. `SCHEDULER_RUN_BUDGET_MS` may only lower
 * it (the benchmark and the tests of a run cut short use it; a deployment does not set it).
 */
export function budgetOf(context: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const fromLimit = Math.max(0, Math.min(MAX_RUN_MS, timeLimitOf(context) - TIMEOUT_MARGIN_MS));
  const lowered = Number(env.SCHEDULER_RUN_BUDGET_MS);
  return Number.isFinite(lowered) && lowered >= 0 && env.SCHEDULER_RUN_BUDGET_MS !== ''
    ? Math.min(fromLimit, lowered)
    : fromLimit;
}

const scope = new AsyncLocalStorage<SchedulerRun>();

/** The run the current action belongs to, or undefined outside a timer run. */
export function currentRun(): SchedulerRun | undefined {
  return scope.getStore();
}

/**
 * Whether one more item may be started: within a run, while its budget lasts; outside one (an action called on
 * its own), only until `fallbackMs` has passed since `startedAt`.
 */
export function mayContinue(startedAt: number, fallbackMs: number): boolean {
  const run = currentRun();
  return run ? run.hasTime() : performance.now() - startedAt < fallbackMs;
}

/** The budget an action may spend: what is left of the run, or its own default outside a run. */
export function budgetLeft(fallbackMs: number): number {
  const run = currentRun();
  return run ? run.leftMs() : fallbackMs;
}

export type RunOutcome<T> = { leased: false } | { leased: true; value: T; run: SchedulerRun };

/**
 * Takes the lease and runs `work` within the budget; gives the lease back at the end. Answers `leased: false`
 * (and does nothing) when another run holds it.
 */
export async function withSchedulerRun<T>(
  db: Database,
  context: unknown,
  work: (run: SchedulerRun) => Promise<T>,
): Promise<RunOutcome<T>> {
  const started = performance.now();
  const budgetMs = budgetOf(context);
  const holder = `run_${randomId(8)}`;
  const lease = await takeLease(
    db,
    SCHEDULER_LEASE,
    holder,
    new Date(),
    timeLimitOf(context) + LEASE_SLACK_MS,
  );
  if (!lease) return { leased: false };
  const elapsedMs = () => performance.now() - started;
  let sliceEnd = budgetMs;
  const runLeftMs = () => Math.max(0, budgetMs - elapsedMs());
  const leftMs = () => Math.max(0, Math.min(budgetMs, sliceEnd) - elapsedMs());
  const run: SchedulerRun = {
    lease,
    budgetMs,
    elapsedMs,
    runLeftMs,
    startSlice: (ms) => {
      sliceEnd = elapsedMs() + Math.max(0, ms);
    },
    hasTime: () => leftMs() > 0,
    leftMs,
  };
  try {
    return { leased: true, value: await scope.run(run, () => work(run)), run };
  } finally {
    await releaseLease(db, lease, new Date());
  }
}
