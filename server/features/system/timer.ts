/**
 * A timer trigger delivers `{Type: 'Timer', TriggerName, Time}` with no action (CloudBase timer triggers carry no
 * custom message). The scheduler answers it by running each of its `timer` actions in turn through the router,
 * so every one still passes the router's timer guard on the context's trigger source: a client that sends a
 * timer-shaped event is refused by each action, whatever the event says, and takes no lease.
 *
 * One firing is one run (server/features/scheduler/run.ts): it holds the `scheduler` lease and works within a
 * budget from the function's time limit; an action not reached when the budget is spent waits for the next run.
 */
import type { Envelope } from '../../../core/contract/envelope';
import type { FunctionMain } from '../../router/function';
import type { DeclarationTable } from '../../../core/contract/declare';
import { AppError } from '../../errors';
import { database } from '../../platform/cloudbase';
import { log } from '../../platform/logger';
import { callerFromContext } from '../../router/identity';
import { withSchedulerRun } from '../scheduler/run';

function isTimerEvent(event: unknown): boolean {
  const e = event as { Type?: unknown; action?: unknown } | null;
  return (
    !!e &&
    typeof e === 'object' &&
    e.action === undefined &&
    typeof e.Type === 'string' &&
    /^timer$/i.test(e.Type)
  );
}

function hasMore(answer: Envelope<unknown>): boolean {
  return answer.ok && (answer.data as { more?: unknown } | null)?.more === true;
}

/** Two answers of one action in one run as one: counts added, the rest (`more`) as the second says. */
function merged(a: Envelope<unknown>, b: Envelope<unknown>): Envelope<unknown> {
  if (!a.ok || !b.ok) return b;
  const first = a.data as Record<string, unknown>;
  const data: Record<string, unknown> = { ...(b.data as Record<string, unknown>) };
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number' && typeof data[key] === 'number') data[key] = value + (data[key] as number);
  }
  return { ok: true, data };
}

/** What a run did: whether it held the lease, its budget, how long it took, the actions it did not reach. */
export interface TimerRunReport {
  leased: boolean;
  budgetMs: number;
  elapsedMs: number;
  notReached: string[];
}

/**
 * CloudBase allows one timer trigger per function: it fires every minute (the sequencer's pace), and every timer
 * action runs each time; each is idempotent and cheap when there is nothing to do (the daily anchor once a day).
 * What runs when beyond that is decided in code (the working-day calendar), not by the cron.
 */
export function withTimerFanOut(route: FunctionMain, actions: DeclarationTable): FunctionMain {
  const timerActions = Object.keys(actions).filter((name) => actions[name]!.access === 'timer');
  return async (event, context) => {
    if (!isTimerEvent(event)) return route(event, context);
    // Not fired by the timer: each action refuses it (FORBIDDEN), and no lease is taken for it.
    if (callerFromContext(context).source !== 'timer') return route({ action: timerActions[0] }, context);
    const results: Record<string, Envelope<unknown> | TimerRunReport> = {};
    const notReached: string[] = [];
    let outcome;
    try {
      outcome = await withSchedulerRun(database(), context, async (run) => {
        // First every action with a fair share of what is left (an idle one hands its share on to the next)...
        for (const [i, action] of timerActions.entries()) {
          if (run.runLeftMs() <= 0) {
            notReached.push(action);
            continue;
          }
          run.startSlice(run.runLeftMs() / (timerActions.length - i));
          results[action] = await route({ action }, context);
        }
        // ...then those with more to do, with the rest of the run.
        for (const action of timerActions) {
          const first = results[action] as Envelope<unknown> | undefined;
          if (!first || !hasMore(first) || run.runLeftMs() <= 0) continue;
          run.startSlice(run.runLeftMs());
          results[action] = merged(first, await route({ action }, context));
        }
      });
    } catch {
      // The lease could not be read or written (the database is unreachable): the next minute's run tries again.
      log({ fn: 'scheduler', action: 'timer', code: 'INTERNAL', event: 'lease' });
      return { ok: false, error: new AppError('INTERNAL').toBody() };
    }
    const report: TimerRunReport = outcome.leased
      ? {
          leased: true,
          budgetMs: outcome.run.budgetMs,
          elapsedMs: Math.round(outcome.run.elapsedMs()),
          notReached,
        }
      : { leased: false, budgetMs: 0, elapsedMs: 0, notReached: timerActions };
    log({
      fn: 'scheduler',
      action: 'timer',
      code: 'OK',
      event: outcome.leased ? (notReached.length ? 'run-cut-short' : 'run') : 'lease-held',
      ms: report.elapsedMs,
    });
    const failed = Object.values(results).find((r) => 'ok' in r && !r.ok) as Envelope<unknown> | undefined;
    return failed && !failed.ok
      ? { ok: false, error: failed.error }
      : { ok: true, data: { ...results, run: report } };
  };
}
