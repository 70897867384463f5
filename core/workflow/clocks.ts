/**
 * A step's effect on the record's clocks (legal time limits): started, stopped, paused for an excluded period
 * (the working days it lasted are added back), resumed, and extended only by the step that declares it (an
 * approval). Due dates are stored, and the earliest open one is the record's `nextDue`, which is indexed, so a
 * dashboard reads due work by index instead of scanning open records. Periods run from the act's date (docs/
 * requirements.md "Rules used everywhere": from the day after the event).
 */
import type { Calendar } from '../calendar/calendar';
import { toEpochDay } from '../calendar/civilDate';
import type { ClockDef, ClockEffects, ClockState, WorkflowFields } from './define';

/** The period from the start, plus extensions, then moved on by the working days spent paused. */
function dueOf(
  calendar: Calendar,
  def: ClockDef,
  c: ClockState,
  values: Readonly<Record<string, number>>,
): { date: string; provisional: boolean } {
  const period = typeof def.period === 'function' ? def.period(values) : def.period;
  // The excluded time is added back in the clock's own unit: a calendar-day limit (行政处罚法 Art. 60's 90 days)
  // leaves out calendar days, a working-day limit working days.
  if ('workingDays' in period) {
    return calendar.addWorkingDays(c.startedOn, period.workingDays + c.extendedDays + c.pausedDays);
  }
  return calendar.addCalendarDays(c.startedOn, period.days + c.extendedDays + c.pausedDays);
}

/** The days between pausing and resuming, counted in the clock's unit. */
function pausedSpan(
  calendar: Calendar,
  def: ClockDef,
  from: string,
  to: string,
  values: Readonly<Record<string, number>>,
): number {
  const period = typeof def.period === 'function' ? def.period(values) : def.period;
  if ('workingDays' in period) return Math.max(0, calendar.countWorkingDays(from, to).value);
  return Math.max(0, toEpochDay(to) - toEpochDay(from));
}

function setDue(c: ClockState, due: { date: string; provisional: boolean }): void {
  c.dueDate = due.date;
  c.provisional = due.provisional;
}

/** The clocks after a step's `effects` on `actedOn` (a Shanghai date), and the record's next due date. */
export function applyClocks(
  calendar: Calendar,
  defs: Readonly<Record<string, ClockDef>>,
  fields: WorkflowFields,
  effects: ClockEffects,
  actedOn: string,
  values: Readonly<Record<string, number>> = {},
): Pick<WorkflowFields, 'clocks' | 'nextDue'> {
  const clocks: Record<string, ClockState> = structuredClone(fields.clocks);
  // `<clock>:<item>` is the declared clock `<clock>` run for one sub-item.
  const known = (name: string) => {
    const def = defs[name.split(':')[0]!];
    if (!def) throw new Error(`clock ${name} is not declared`);
    return def;
  };
  for (const name of effects.start ?? []) {
    const c: ClockState = {
      startedOn: actedOn,
      dueDate: null,
      pausedOn: null,
      pausedDays: 0,
      extendedDays: 0,
      stoppedOn: null,
    };
    setDue(c, dueOf(calendar, known(name), c, values));
    clocks[name] = c;
  }
  for (const name of effects.pause ?? []) {
    const c = clocks[name];
    if (c && !c.stoppedOn && !c.pausedOn) {
      c.pausedOn = actedOn;
      c.dueDate = null;
    }
  }
  for (const name of effects.resume ?? []) {
    const c = clocks[name];
    if (c && c.pausedOn) {
      c.pausedDays += pausedSpan(calendar, known(name), c.pausedOn, actedOn, values);
      c.pausedOn = null;
      setDue(c, dueOf(calendar, known(name), c, values));
    }
  }
  for (const [name, days] of Object.entries(effects.extend ?? {})) {
    const c = clocks[name];
    if (c && !c.stoppedOn) {
      c.extendedDays += days;
      if (!c.pausedOn) setDue(c, dueOf(calendar, known(name), c, values));
    }
  }
  for (const name of effects.stop ?? []) {
    const c = clocks[name];
    if (c && !c.stoppedOn) c.stoppedOn = actedOn;
  }
  const open = Object.values(clocks)
    .filter((c) => !c.stoppedOn && c.dueDate)
    .map((c) => c.dueDate!)
    .sort();
  return { clocks, nextDue: open[0] ?? null };
}
