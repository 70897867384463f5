/** Staff actions on the calendar: which data answers for each year, and loading a year's official table. */
import * as decl from '../../../core/contract/system';
import { toShanghaiDate, type Calendar, type YearSourceKind } from '../../../core/calendar';
import { staffActorRef } from '../../org/principal';
import { handle } from '../../router/types';
import {
  calendarFingerprint,
  lastRecomputedFingerprint,
  loadCalendar,
  recordRecomputedFingerprint,
  saveYearTable,
} from '../../calendar';
import { recomputeProvisionalDeadlines } from '../../kernel/deadlines';

const SOURCE_LABELS: Record<YearSourceKind, string> = {
  admin: '管理员导入',
  'chinese-days': '内置官方数据',
  statutory: '按放假办法推算（暂定）',
};

function describeYear(calendar: Calendar, year: number) {
  const info = calendar.yearSource(year);
  return { ...info, label: SOURCE_LABELS[info.kind] };
}

export const calendarStaffActions = {
  /** Any staff member: this year and the next two, so a missing announcement shows before it bites. */
  'calendar.years': handle(decl.calendarYears, async (_input, call) => {
    const calendar = await loadCalendar(call.db);
    const thisYear = Number(toShanghaiDate(call.now).slice(0, 4));
    return {
      items: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => describeYear(calendar, y)),
    };
  }),
  /**
   * Loads (or replaces) a year's official table, then recomputes every provisional due date already given with
   * it: later, never earlier than told, each change an event on the record's chain (server/kernel/deadlines.ts).
   * Run again (the same table) to go on when `recomputed.more` says the cap stopped it.
   */
  'calendar.loadYear': handle(decl.calendarLoadYear, async (input, call) => {
    const actor = staffActorRef(call.staff!.staffId);
    const saved = await saveYearTable(call.db, { actor, action: 'calendar.loadYear', at: call.now }, input);
    const calendar = await loadCalendar(call.db);
    const recomputed = await recomputeProvisionalDeadlines(call.db, call.plugins.clockedRecords, calendar, {
      actor,
      at: call.now,
      reason: `导入 ${saved.year} 年节假日安排（${saved.source}）`,
    });
    return { ...describeYear(calendar, saved.year), recomputed };
  }),
};

export const calendarSchedulerActions = {
  /**
   * The safety net for `calendar.loadYear`: a recomputation cut off by its cap or a failure, or official data that
   * came with a chinese-days upgrade instead of a table, is caught on the next minute. Two reads when nothing
   * changed; the fingerprint is stored only once a run left nothing over.
   */
  'calendar.recompute': handle(decl.calendarRecompute, async (_input, call) => {
    const fingerprint = await calendarFingerprint(call.db);
    if ((await lastRecomputedFingerprint(call.db)) === fingerprint) return { ran: false };
    const summary = await recomputeProvisionalDeadlines(
      call.db,
      call.plugins.clockedRecords,
      await loadCalendar(call.db),
      { actor: 'system:calendar', at: call.now, reason: '节假日数据更新' },
    );
    if (!summary.more) await recordRecomputedFingerprint(call.db, fingerprint, call.now);
    return { ran: true, ...summary };
  }),
};
