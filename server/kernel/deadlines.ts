/**
 * A record type's clocks on the dashboard, derived from its declaration: the kernel stores each record's earliest
 * open due date (`_wf.nextDue`, indexed with the unit), so the provider reads by index only the records due on or
 * before the due-soon horizon, earliest first, capped (and says so when the cap cut the list).
 */
import type { Calendar } from '../../core/calendar/calendar';
import { endOfShanghaiDay, toShanghaiDate } from '../../core/calendar';
import type { WorkflowDef, WorkflowFields } from '../../core/workflow/define';
import type { DeadlineProvider } from '../dashboard/registry';
import { rowsOf } from '../platform/docs';

const CAP = 200;

export function clockDeadlineProvider<R extends { _id: string; _wf?: WorkflowFields }>(
  def: WorkflowDef<string, R & { _wf: WorkflowFields }>,
  options: {
    label: string;
    calendar: (db: Parameters<DeadlineProvider['list']>[0]) => Promise<Calendar>;
    unitOf: (record: R) => string;
    sectionOf: (record: R) => string;
    describe: (record: R) => string;
  },
): DeadlineProvider {
  return {
    id: `${def.type}.clocks`,
    label: options.label,
    async list(db, scope, now) {
      const calendar = await options.calendar(db);
      const today = toShanghaiDate(now);
      const horizon = calendar.dueSoonHorizon(today).date;
      const _ = db.command;
      const items = [];
      let truncated = false;
      for (const unitId of scope.unitIds) {
        const rows = rowsOf<R>(
          await db
            .collection(def.collection)
            .where({ unitId, '_wf.nextDue': _.lte(horizon) })
            .orderBy('_wf.nextDue', 'asc')
            .limit(CAP + 1)
            .get(),
        );
        if (rows.length > CAP) truncated = true;
        for (const r of rows.slice(0, CAP)) {
          const due = r._wf!.nextDue!;
          const status = calendar.dueStatus(due, today).value;
          if (status === 'ok') continue;
          items.push({
            unitId: options.unitOf(r),
            section: options.sectionOf(r),
            person: null,
            item: options.describe(r),
            dueAt: endOfShanghaiDay(due),
            status,
            ref: `${def.type}:${r._id}`,
          });
        }
      }
      return { items, truncated };
    },
  };
}
