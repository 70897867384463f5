/**
 * A timer trigger delivers `{Type: 'Timer', TriggerName, Time}` with no action (CloudBase timer triggers carry no
 * custom message). The scheduler answers it by running each of its `timer` actions in turn through the router,
 * so every one still passes the router's timer guard on the context's trigger source: a client that sends a
 * timer-shaped event is refused by each action, whatever the event says.
 */
import type { Envelope } from '../../../core/contract/envelope';
import type { FunctionMain } from '../../router/function';
import type { DeclarationTable } from '../../../core/contract/declare';

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

/**
 * CloudBase allows one timer trigger per function: it fires every minute (the sequencer's pace), and every timer
 * action runs each time; each is idempotent and cheap when there is nothing to do (the daily anchor once a day).
 */
export function withTimerFanOut(route: FunctionMain, actions: DeclarationTable): FunctionMain {
  const timerActions = Object.keys(actions).filter((name) => actions[name]!.access === 'timer');
  return async (event, context) => {
    if (!isTimerEvent(event)) return route(event, context);
    const results: Record<string, Envelope<unknown>> = {};
    for (const action of timerActions) results[action] = await route({ action }, context);
    const failed = Object.values(results).find((r) => !r.ok);
    return failed && !failed.ok ? { ok: false, error: failed.error } : { ok: true, data: results };
  };
}
