/**
 * What features plug into the shared modules, listed once per function (server/functions/*.ts) instead of
 * registered by importing a module for its side effects: role filters (the organisation model), deadline
 * providers (the dashboard), outbox handlers (delivery). A shared module never imports a feature; it is handed
 * these through the call.
 */
import type { DeadlineProvider } from '../dashboard/registry';
import type { ClockedRecords } from '../kernel/deadlines';
import type { RoleFilter } from '../org/roles';
import type { OutboxHandler } from '../outbox/registry';

export interface Plugins {
  roleFilters: readonly RoleFilter[];
  deadlineProviders: readonly DeadlineProvider[];
  outboxHandlers: readonly OutboxHandler[];
  /** Record types with clocks: their provisional due dates are recomputed when a year's table is loaded. */
  clockedRecords: readonly ClockedRecords[];
}

/** A function's plugin list; refuses two deadline providers with one id or two handlers of one outbox kind. */
export function plugins(p: Partial<Plugins> = {}): Plugins {
  const out: Plugins = {
    roleFilters: p.roleFilters ?? [],
    deadlineProviders: p.deadlineProviders ?? [],
    outboxHandlers: p.outboxHandlers ?? [],
    clockedRecords: p.clockedRecords ?? [],
  };
  const twice = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const provider = twice(out.deadlineProviders.map((d) => d.id));
  if (provider) throw new Error(`deadline provider ${provider} listed twice`);
  const kind = twice(out.outboxHandlers.map((h) => h.kind));
  if (kind) throw new Error(`outbox handler for ${kind} listed twice`);
  return out;
}
