/**
 * Shared services' actions: the dashboard (leaders and audit), versioned legal settings, the working-day
 * calendar's year tables, and the scheduler's outbox delivery and housekeeping.
 */
import * as z from 'zod/mini';
import type { YearSourceInfo } from '../calendar/calendar';
import { yearTableSchema } from '../calendar/schemas';
import { settingsValuesSchema, type SettingsVersion } from '../settings/schema';
import { DASHBOARD_ROLES, type DashboardView } from './dashboard';
import { declareAction } from './declare';

const empty = z.strictObject({});
const isoInstant = z.iso.datetime({ offset: true });

export const settingsGetInput = z.strictObject({
  at: z.optional(isoInstant),
  version: z.optional(z.int().check(z.minimum(1))),
});
export const settingsPublishInput = z.strictObject({
  effectiveFrom: z.optional(isoInstant),
  values: z.partial(settingsValuesSchema),
});

export interface DeliveryReport {
  recovered: number;
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  unknown: number;
  retried: number;
}

export interface CalendarYearView extends YearSourceInfo {
  label: string;
}

export const dashboard = declareAction<DashboardView>()({
  fn: 'staff',
  name: 'dashboard',
  access: 'staff',
  roles: DASHBOARD_ROLES,
  input: empty,
});
/** Any staff member reads the settings in force (or a given version): their acts are stamped with it. */
export const settingsGet = declareAction<SettingsVersion>()({
  fn: 'staff',
  name: 'settings.get',
  access: 'staff',
  input: settingsGetInput,
});
export const settingsPublish = declareAction<SettingsVersion>()({
  fn: 'staff',
  name: 'settings.publish',
  access: 'staff',
  roles: ['admin'],
  idempotent: true,
  input: settingsPublishInput,
});
/** Any staff member: last year, this year and the next two, so a missing announcement shows before it bites. */
export const calendarYears = declareAction<{ items: CalendarYearView[] }>()({
  fn: 'staff',
  name: 'calendar.years',
  access: 'staff',
  input: empty,
});
/**
 * What loading a year's table did to the provisional due dates already given (server/kernel/deadlines.ts): how
 * many records were recomputed, how many due dates moved later, how many were kept as told because the official
 * table would have made them earlier, and whether more remain for the next load.
 */
export interface ProvisionalRecomputeView {
  records: number;
  movedLater: number;
  keptAsTold: number;
  more: boolean;
}

export const calendarLoadYear = declareAction<CalendarYearView & { recomputed: ProvisionalRecomputeView }>()({
  fn: 'staff',
  name: 'calendar.loadYear',
  access: 'staff',
  roles: ['admin'],
  idempotent: true,
  input: yearTableSchema,
});
export const outboxDeliver = declareAction<DeliveryReport>()({
  fn: 'scheduler',
  name: 'outbox.deliver',
  access: 'timer',
  input: empty,
});
export const housekeepingExpire = declareAction<Record<string, number>>()({
  fn: 'scheduler',
  name: 'housekeeping.expire',
  access: 'timer',
  input: empty,
});
/**
 * Every minute, cheap when nothing changed: when the calendar's official data changed since the last run (a table
 * loaded, a chinese-days upgrade adding a year), the provisional due dates already given are recomputed.
 */
export const calendarRecompute = declareAction<{ ran: boolean } & Partial<ProvisionalRecomputeView>>()({
  fn: 'scheduler',
  name: 'calendar.recompute',
  access: 'timer',
  input: empty,
});
/** Uploads handed out but never taken in are deleted an hour on. */
export const housekeepingUploads = declareAction<{ slots: number }>()({
  fn: 'scheduler',
  name: 'housekeeping.uploads',
  access: 'timer',
  input: empty,
});
