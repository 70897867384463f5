/**
 * Shared-service actions: `scheduler` outbox.deliver (timer only), `staff` dashboard (leaders and audit),
 * settings.get and settings.publish (admin).
 */
import { z } from 'zod';
import { DASHBOARD_ROLES } from '../../../core/contract/dashboard';
import { buildDashboard } from '../../dashboard/build';
import { roleScope } from '../../org/principal';
import { deliverOutbox } from '../../outbox';
import { AppError } from '../../errors';
import { saltedRef } from '../../platform/crypto';
import { action, type ActionTable } from '../../router/types';
import { currentSettings, publishSettings, settingsValuesSchema, settingsVersion } from '../../settings';
import './outbox-provider';

export { DASHBOARD_ROLES };

export const systemSchedulerActions: ActionTable = {
  'outbox.deliver': action({
    access: 'timer',
    input: z.strictObject({}),
    handler: (_input, call) => deliverOutbox(call.db, call.now),
  }),
};

const isoInstant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' });

export const systemStaffActions: ActionTable = {
  dashboard: action({
    access: 'staff',
    roles: DASHBOARD_ROLES,
    input: z.strictObject({}),
    handler: (_input, call) => {
      const staff = call.staff!;
      const unitIds = [
        ...new Set(
          staff.roles
            .filter((g) => (DASHBOARD_ROLES as readonly string[]).includes(g.role))
            .map((g) => g.unitId),
        ),
      ];
      const reach = Object.fromEntries(unitIds.map((u) => [u, roleScope(staff, DASHBOARD_ROLES, u)]));
      return buildDashboard(call.db, { staff, unitIds, reach }, call.now);
    },
  }),
  'settings.get': action({
    access: 'staff',
    input: z.strictObject({ at: isoInstant.optional(), version: z.number().int().min(1).optional() }),
    handler: async (input, call) => {
      if (input.version !== undefined) {
        const found = await settingsVersion(call.db, input.version);
        if (!found) throw new AppError('NOT_FOUND', '没有这个设置版本');
        return found;
      }
      return currentSettings(call.db, input.at ? new Date(input.at) : call.now);
    },
  }),
  'settings.publish': action({
    access: 'staff',
    roles: ['admin'],
    idempotent: true,
    input: z.strictObject({ effectiveFrom: isoInstant.optional(), values: settingsValuesSchema.partial() }),
    handler: (input, call) =>
      publishSettings(call.db, {
        actor: saltedRef('staff', call.staff!.staffId),
        at: call.now,
        effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : call.now,
        changes: input.values,
      }),
  }),
};
