/**
 * A step's effect on the record's clocks (legal time limits): started, stopped, paused for an excluded period
 * (the working days it lasted are added back), resumed, and extended only by the step that declares it (an
 * approval). Due dates are stored, and the earliest open one is the record's `nextDue`, which is indexed, so a
 * dashboard reads due work by index instead of scanning open records. Periods run from the act's date (docs/
 * requirements.md "Rules used everywhere": from the day after the event).
 */
import type { Calendar } from '../calendar/calendar';
import { toEpochDay } from '../calendar/civilDate';
import type { ClockDef, ClockEffects, ClockPeriod, ClockState, WorkflowFields } from './define';

function periodOf(def: ClockDef, values: Readonly<Record<string, number>>): ClockPeriod {
  return typeof def.period === 'function' ? def.period(values) : def.period;
}

/**
 * The period from the start, plus extensions, then moved on by the working days spent paused; never before a
 * due date kept because a party was told it (`keptDueDate`). The period is the one stored when the clock started.
 */
function dueOf(
  calendar: Calendar,
  def: ClockDef,
  c: ClockState,
  values: Readonly<Record<string, number>>,
): { date: string; provisional: boolean } {
  const period = c.period ?? periodOf(def, values);
  // The excluded time is added back in the clock's own unit: a calendar-day limit (行政处罚法 Art. 60's 90 days)
  // leaves out calendar days, a working-day limit working days.
  const due =
    'workingDays' in period
      ? calendar.addWorkingDays(c.startedOn, period.workingDays + c.extendedDays + c.pausedDays)
      : calendar.addCalendarDays(c.startedOn, period.days + c.extendedDays + c.pausedDays);
  return c.keptDueDate && c.keptDueDate > due.date ? { ...due, date: c.keptDueDate } : due;
}

/** The days between pausing and resuming, counted in the clock's unit. */
function pausedSpan(calendar: Calendar, period: ClockPeriod, from: string, to: string): number {
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
      period: periodOf(known(name), values),
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
      c.pausedDays += pausedSpan(calendar, c.period ?? periodOf(known(name), values), c.pausedOn, actedOn);
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
  return { clocks, ...summaryOf(clocks) };
}

/** The record's indexed clock summary: the earliest open due date, and whether any open one is provisional. */
function summaryOf(
  clocks: Readonly<Record<string, ClockState>>,
): Pick<WorkflowFields, 'nextDue' | 'provisionalDue'> {
  const open = Object.values(clocks).filter((c) => !c.stoppedOn && c.dueDate);
  const dates = open.map((c) => c.dueDate!).sort();
  return { nextDue: dates[0] ?? null, provisionalDue: open.some((c) => c.provisional === true) };
}

/** One clock whose provisional due date was recomputed with a newer calendar. */
export interface DueDateChange {
  clock: string;
  /** What the party or reporter was told. */
  told: string;
  /** What the calendar gives now. */
  recomputed: string;
  /** The due date kept: the later of the two (a told date never moves earlier). */
  dueDate: string;
  /** Whether the kept date still relies on a year without an official table. */
  provisional: boolean;
}

/**
 * The open clocks whose due date was provisional, recomputed with `calendar` (typically after an administrator
 * loaded a year's official table): a due date moves later, never earlier (the later of told and recomputed is
 * kept, and remembered as `keptDueDate` so that later steps do not undercut it either). Clocks started before
 * the period was stored are recomputed with `values` (the settings the caller gives). Returns the new clock
 * fields and the changes (an empty list when nothing was provisional); pure.
 */
export function recomputeProvisionalClocks(
  calendar: Calendar,
  defs: Readonly<Record<string, ClockDef>>,
  fields: WorkflowFields,
  values: Readonly<Record<string, number>> = {},
): { wf: Pick<WorkflowFields, 'clocks' | 'nextDue' | 'provisionalDue'>; changes: DueDateChange[] } {
  const clocks: Record<string, ClockState> = structuredClone(fields.clocks);
  const changes: DueDateChange[] = [];
  for (const [name, c] of Object.entries(clocks)) {
    if (c.stoppedOn || !c.dueDate || !c.provisional) continue;
    const def = defs[name.split(':')[0]!];
    // A clock from before periods were stored, with a period read from settings nobody passed: left as it is.
    if (!def || (!c.period && typeof def.period === 'function' && !Object.keys(values).length)) continue;
    const told = c.dueDate;
    const recomputed = dueOf(calendar, def, { ...c, keptDueDate: undefined }, values);
    const dueDate = recomputed.date > told ? recomputed.date : told;
    // Still provisional and still the same date (the year loaded was not the one it needs): nothing to record.
    if (dueDate === told && recomputed.provisional) continue;
    c.dueDate = dueDate;
    c.provisional = recomputed.provisional;
    if (dueDate > recomputed.date) c.keptDueDate = told;
    changes.push({ clock: name, told, recomputed: recomputed.date, dueDate, provisional: c.provisional });
  }
  return { wf: { clocks, ...summaryOf(clocks) }, changes };
}

/** What a filing made after a clock's due date is: late for certain, or late only on a provisional date. */
export interface LateFiling {
  /** The due date rests on a year without an official holiday table: the filing may only be warned, never refused. */
  provisional: boolean;
  /** False on a provisional due date, whatever the caller's rule: a computed calendar cannot cut off a right. */
  mayRefuse: boolean;
  /** Chinese, for the party or the staff member recording the filing. */
  message: string;
}

/**
 * Whether a party's filing on `filedOn` (a Shanghai date) is after the clock's due date, and what may follow. Any
 * check that could refuse a filing for lateness goes through here (docs/requirements.md "Calendar rules": until
 * the year's table is loaded a deadline is provisional; the official table may still move it later, so a filing
 * after a provisional date is accepted with a warning, never refused). Null when the filing is in time.
 */
export function lateFiling(
  clock: Pick<ClockState, 'dueDate' | 'provisional'>,
  filedOn: string,
): LateFiling | null {
  if (!clock.dueDate || filedOn <= clock.dueDate) return null;
  if (clock.provisional) {
    return {
      provisional: true,
      mayRefuse: false,
      message: `已过暂定期限（${clock.dueDate}，该年度节假日安排尚未公布，期限按放假办法推算），仍予接收`,
    };
  }
  return { provisional: false, mayRefuse: true, message: `已超过期限（${clock.dueDate}）` };
}
