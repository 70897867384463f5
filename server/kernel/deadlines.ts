/**
 * Deadlines as the kernel keeps them: a record type's clocks on the dashboard, and the recomputation of
 * provisional due dates when a year's official holiday table is loaded.
 *
 * A record type's clocks on the dashboard, one provider for any kernel collection (cases, publication entries,
 * ...): the kernel stores each record's earliest open due date (`_wf.nextDue`, indexed with the unit), so the
 * provider reads by index only the records due on or before the due-soon horizon, earliest first, capped (and says
 * so when the cap cut the list), then lists the open clocks the feature picks, each described by the feature.
 */
import type { Calendar } from '../../core/calendar/calendar';
import { endOfShanghaiDay, toShanghaiDate } from '../../core/calendar';
import { recomputeProvisionalClocks } from '../../core/workflow/clocks';
import type { ClockDef, WorkflowFields } from '../../core/workflow/define';
import type { DeadlineItem, DeadlineProvider } from '../dashboard/registry';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { getDoc, rowsOf, stateOf } from '../platform/docs';
import type { KernelRecord } from './apply';

/** Records read per provider and unit: the earliest due first, which are the ones to act on. */
export const MAX_CLOCK_ITEMS = 200;

/** An open clock of a record (not stopped, not paused), with its due date. */
export interface OpenClock {
  name: string;
  dueDate: string;
}

/** A record's open clocks, earliest due first. */
export function openClocks(wf: WorkflowFields | undefined): OpenClock[] {
  return Object.entries(wf?.clocks ?? {})
    .filter(([, c]) => !c.stoppedOn && c.dueDate)
    .map(([name, c]) => ({ name, dueDate: c.dueDate! }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

export function clockDeadlineProvider<R extends { _id: string; _wf?: WorkflowFields }>(
  def: { type: string; collection: string },
  options: {
    /** The provider's id on the dashboard; `<type>.clocks` by default. */
    id?: string;
    label: string;
    calendar: (db: Parameters<DeadlineProvider['list']>[0]) => Promise<Calendar>;
    /**
     * Which of the record's open clocks (earliest due first) this provider lists: by default the earliest only
     * (one item per record); a feature may list several, or only clocks of some kind.
     */
    clocks?: (open: readonly OpenClock[], record: R) => readonly OpenClock[];
    unitOf: (record: R) => string;
    sectionOf: (record: R) => string;
    /** Staff id of whoever must act on this clock, null when it is the section's (default). */
    personOf?: (record: R, clock: OpenClock) => string | null;
    /** What is due: short, free of personal data of parties (e.g. the case number and the step). */
    describe: (record: R, clock: OpenClock) => string;
    /** Where the item opens; `<type>:<id>` by default. */
    refOf?: (record: R, clock: OpenClock) => string;
  },
): DeadlineProvider {
  const pick = options.clocks ?? ((open) => open.slice(0, 1));
  return {
    id: options.id ?? `${def.type}.clocks`,
    label: options.label,
    async list(db, scope, now) {
      const calendar = await options.calendar(db);
      const today = toShanghaiDate(now);
      const horizon = calendar.dueSoonHorizon(today).date;
      const _ = db.command;
      const items: DeadlineItem[] = [];
      let truncated = false;
      for (const unitId of scope.unitIds) {
        const rows = rowsOf<R>(
          await db
            .collection(def.collection)
            .where({ unitId, '_wf.nextDue': _.lte(horizon) })
            .orderBy('_wf.nextDue', 'asc')
            .limit(MAX_CLOCK_ITEMS + 1)
            .get(),
        );
        if (rows.length > MAX_CLOCK_ITEMS) truncated = true;
        for (const r of rows.slice(0, MAX_CLOCK_ITEMS)) {
          for (const clock of pick(openClocks(r._wf), r)) {
            if (clock.dueDate > horizon) continue;
            const status = calendar.dueStatus(clock.dueDate, today).value;
            if (status === 'ok') continue;
            items.push({
              unitId: options.unitOf(r),
              section: options.sectionOf(r),
              person: options.personOf?.(r, clock) ?? null,
              item: options.describe(r, clock),
              dueAt: endOfShanghaiDay(clock.dueDate),
              status,
              ref: options.refOf?.(r, clock) ?? `${def.type}:${r._id}`,
            });
          }
        }
      }
      return { items, truncated };
    },
  };
}

/**
 * A record type whose clocks the kernel recomputes when a year's official holiday table is loaded, listed once
 * per function (router/plugins.ts `clockedRecords`). `mirror` copies the clocks' due dates into the fields the
 * record keeps of its own (what its owner's view and queue show), so they cannot disagree with the clocks.
 */
export interface ClockedRecords {
  def: { type: string; collection: string; clocks?: Readonly<Record<string, ClockDef>> };
  mirror?: (state: Record<string, unknown>, wf: WorkflowFields) => void;
}

export interface RecomputeSummary {
  /** Records whose provisional due dates were recomputed (one event each on the record's chain). */
  records: number;
  /** Clocks whose due date moved later. */
  movedLater: number;
  /** Clocks the official table would have made earlier: the date the party was told is kept. */
  keptAsTold: number;
  /**
   * More records were flagged than one call examines (RECOMPUTE_CAP), or one kept colliding with other changes:
   * the next load or timer run goes on.
   */
  more: boolean;
}

const RECOMPUTE_PAGE = 100;
/** Records examined per call (those still provisional are read again each time, but not written). */
export const RECOMPUTE_CAP = 5000;
const RECOMPUTE_ATTEMPTS = 3;

/**
 * Recomputes every open provisional due date with `calendar` (docs/requirements.md "Calendar rules": a deadline
 * in a year without official data is provisional until the year's table is loaded). A due date a party or reporter
 * was told moves later, never earlier; each record changed gets an event on its own chain (action
 * `<type>.recomputeDeadlines`) and the change in `_wf.dueDateChanges`: never a silent update. Records are found
 * by the indexed `_wf.provisionalDue`; a record changed concurrently is read again, and after a few collisions
 * left flagged for the next run (it is still provisional, so nothing is lost).
 */
export async function recomputeProvisionalDeadlines(
  db: Database,
  types: readonly ClockedRecords[],
  calendar: Calendar,
  by: { actor: string; at: Date; reason: string },
): Promise<RecomputeSummary> {
  const summary: RecomputeSummary = { records: 0, movedLater: 0, keptAsTold: 0, more: false };
  let seen = 0;
  for (const type of types) {
    const _ = db.command;
    let after = '';
    for (;;) {
      const rows = rowsOf<KernelRecord>(
        await db
          .collection(type.def.collection)
          .where({ '_wf.provisionalDue': true, _id: _.gt(after) })
          .orderBy('_id', 'asc')
          .limit(RECOMPUTE_PAGE)
          .get(),
      );
      for (const row of rows) {
        if (seen >= RECOMPUTE_CAP) return { ...summary, more: true };
        seen++;
        await recomputeOne(db, type, calendar, by, row, summary);
      }
      if (rows.length < RECOMPUTE_PAGE) break;
      after = rows[rows.length - 1]!._id;
    }
  }
  return summary;
}

async function recomputeOne(
  db: Database,
  type: ClockedRecords,
  calendar: Calendar,
  by: { actor: string; at: Date; reason: string },
  first: KernelRecord,
  summary: RecomputeSummary,
): Promise<void> {
  let record: KernelRecord | null = first;
  for (let attempt = 1; record?._wf; attempt++) {
    const { wf, changes } = recomputeProvisionalClocks(calendar, type.def.clocks ?? {}, record._wf);
    if (!changes.length && wf.provisionalDue === record._wf.provisionalDue) return;
    const state = stateOf(record) as Record<string, unknown>;
    const at = by.at.toISOString();
    const next: WorkflowFields = {
      ...structuredClone(record._wf),
      ...wf,
      dueDateChanges: [
        ...(record._wf.dueDateChanges ?? []),
        ...changes.map((c) => ({ at, reason: by.reason, ...c })),
      ],
    };
    state._wf = next;
    type.mirror?.(state, next);
    state.updatedAt = by.at;
    try {
      await commitChange(db, {
        actor: by.actor,
        action: `${type.def.type}.recomputeDeadlines`,
        at: by.at,
        entities: [{ collection: type.def.collection, id: record._id, expectedRev: record._rev, state }],
      });
    } catch (err) {
      // Changed meanwhile (read it again; after a few collisions it stays flagged for the next run) or gone.
      const raced = err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND');
      if (!raced) throw err;
      if (attempt >= RECOMPUTE_ATTEMPTS) {
        summary.more = true;
        return;
      }
      record = await getDoc<KernelRecord>(db, type.def.collection, record._id);
      continue;
    }
    summary.records++;
    for (const c of changes) {
      if (c.dueDate > c.told) summary.movedLater++;
      if (c.dueDate > c.recomputed) summary.keptAsTold++;
    }
    return;
  }
}
