/**
 * Shared-service actions: `scheduler` outbox.deliver (timer only), `staff` dashboard (leaders and audit),
 * settings.get and settings.publish (admin).
 */
import * as decl from '../../../core/contract/system';
import { DASHBOARD_ROLES } from '../../../core/contract/dashboard';
import { buildDashboard } from '../../dashboard/build';
import { roleScope, staffActorRef } from '../../org/principal';
import { deliverOutbox } from '../../outbox';
import { AppError } from '../../errors';
import { handle } from '../../router/types';
import { budgetLeft } from '../scheduler/run';
import { currentSettings, publishSettings, settingsVersion } from '../../settings';

export { DASHBOARD_ROLES };

export const systemSchedulerActions = {
  'outbox.deliver': handle(decl.outboxDeliver, async (_input, call) =>
    deliverOutbox(call.db, call.now, {
      handlers: call.plugins.outboxHandlers,
      budgetMs: budgetLeft(40_000),
    }),
  ),
};

export const systemStaffActions = {
  dashboard: handle(decl.dashboard, async (_input, call) => {
    const staff = call.staff!;
    const unitIds = [
      ...new Set(
        staff.roles
          .filter((g) => (DASHBOARD_ROLES as readonly string[]).includes(g.role))
          .map((g) => g.unitId),
      ),
    ];
    const reach = Object.fromEntries(unitIds.map((u) => [u, roleScope(staff, DASHBOARD_ROLES, u)]));
    return buildDashboard(call.db, call.plugins.deadlineProviders, { staff, unitIds, reach }, call.now);
  }),
  'settings.get': handle(decl.settingsGet, async (input, call) => {
    if (input.version !== undefined) {
      const found = await settingsVersion(call.db, input.version);
      if (!found) throw new AppError('NOT_FOUND', '没有这个设置版本');
      return found;
    }
    return currentSettings(call.db, input.at ? new Date(input.at) : call.now);
  }),
  'settings.publish': handle(decl.settingsPublish, async (input, call) =>
    publishSettings(call.db, {
      actor: staffActorRef(call.staff!.staffId),
      at: call.now,
      effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : call.now,
      changes: input.values,
    }),
  ),
};
