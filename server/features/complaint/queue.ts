/**
 * The handling queue (`staff` `complaint.queue`, REC-14): tabs, counts, search by tracking number, each row with
 * the deadline that matters now in working days (the calendar's). Every read is served by an index declared in
 * deploy/database.json (the emulator's strict index mode proves it), and bounded:
 * - 待受理 / 办理中 page along (due date, sortKey), so the nearest deadline (the overdue) comes first and a page
 *   costs the same whatever the number of complaints;
 * - 已逾期 and 我的 are the union of the open clocks' index reads (`due < today`, or `handlerIds = me`), each at
 *   most QUEUE_LIST_CAP, merged by the nearest deadline: no cursor, `totalCapped` when the cap cut the list;
 * - 已办结 / 不予受理 / 全部 page newest first (repository.ts pageComplaints);
 * - counts: on a first page only, each at most PAGE_TOTAL_CAP (sort keys read along the index, never a scan).
 */
import type { Calendar } from '../../../core/calendar';
import { PAGE_TOTAL_CAP, type Page } from '../../../core/contract/envelope';
import type { ComplaintQueueDue, CountedQueueTab, QueueCount } from '../../../core/contract/complaint';
import { AppError } from '../../errors';
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { COMPLAINTS_COLLECTION, type ComplaintRecord } from './model';

/** At most this many rows in the 已逾期 and 我的 lists (per clock read, then merged). */
export const QUEUE_LIST_CAP = 200;

type DueField =
  'acceptanceDueDate' | 'handlingDueDate' | 'feedbackDueDate' | 'caseDecisionDueDate' | 'petitionDueDate';

interface Clock {
  clock: ComplaintQueueDue['clock'];
  state: { status: 'submitted' | 'accepted' } | { feedbackState: 'due' } | { caseDecisionState: 'due' };
  due: DueField;
}

/** The open clocks (core/complaint/workflow.ts COMPLAINT_CLOCKS), with the state they run in and their field. */
const CLOCKS: readonly Clock[] = [
  { clock: 'acceptance', state: { status: 'submitted' }, due: 'acceptanceDueDate' },
  { clock: 'handling', state: { status: 'accepted' }, due: 'handlingDueDate' },
  { clock: 'feedback', state: { feedbackState: 'due' }, due: 'feedbackDueDate' },
  { clock: 'caseDecision', state: { caseDecisionState: 'due' }, due: 'caseDecisionDueDate' },
  { clock: 'petitionHandling', state: { status: 'accepted' }, due: 'petitionDueDate' },
];

const CLOCK_LABELS: Record<Clock['clock'], string> = {
  acceptance: '受理期限',
  // The handling period of a regular complaint is no legal limit (core/complaint/deadlines.ts): an internal target.
  handling: '办结期限（内部目标）',
  feedback: '反馈期限',
  caseDecision: '立案决定期限',
  petitionHandling: '信访办结期限',
};

/** The clocks running on a record now, earliest due first. */
function runningClocks(r: ComplaintRecord): Array<{ clock: Clock['clock']; date: string }> {
  const running: Array<{ clock: Clock['clock']; date: string }> = [];
  for (const c of CLOCKS) {
    const inState = Object.entries(c.state).every(
      ([k, v]) => (r as unknown as Record<string, unknown>)[k] === v,
    );
    const date = r[c.due];
    if (inState && date) running.push({ clock: c.clock, date });
  }
  return running.sort((a, b) => a.date.localeCompare(b.date));
}

/** The deadline that matters now: the nearest running clock, in working days from `today` (Shanghai date). */
export function dueOf(r: ComplaintRecord, calendar: Calendar, today: string): ComplaintQueueDue | null {
  const first = runningClocks(r)[0];
  if (!first) return null;
  return {
    clock: first.clock,
    label: CLOCK_LABELS[first.clock],
    date: first.date,
    workingDaysLeft: calendar.countWorkingDays(today, first.date).value,
    overdue: first.date < today,
  };
}

/** Where the caller's queue reaches: the whole unit, or some sections of it (never unassigned records). */
export type QueueReach = { unitId: string } & (
  { wholeUnit: true } | { wholeUnit: false; sectionIds: string[] }
);

function reachFilters(reach: QueueReach): Array<Record<string, unknown>> {
  if (reach.wholeUnit) return [{ unitId: reach.unitId }];
  return reach.sectionIds.map((sectionId) => ({ unitId: reach.unitId, sectionIds: sectionId }));
}

// ---- 待受理 / 办理中: keyset pages along (due, sortKey) ----

const DUE_CURSOR = /^(\d{4}-\d{2}-\d{2})\|(\d{4}-\d{2}-\d{2}T[\d:.]+Z_cmp_[0-9a-f]{24})$/;

const badCursor = () =>
  new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页标记无效，请从第一页重新加载' });

/**
 * One page of the records in `state` within reach, nearest `due` first (ties by sortKey). The cursor is the last
 * row's `<due>|<sortKey>`; the next page is `due = d and sortKey > s` or `due > d` (each branch index-served).
 */
export async function pageByDue(
  db: Database,
  reach: QueueReach,
  state: 'submitted' | 'accepted',
  cursor: string | undefined,
  pageSize: number,
): Promise<Page<ComplaintRecord>> {
  const _ = db.command;
  const due: DueField = state === 'submitted' ? 'acceptanceDueDate' : 'handlingDueDate';
  const scope: Record<string, unknown> = reach.wholeUnit
    ? { unitId: reach.unitId }
    : { unitId: reach.unitId, sectionIds: _.in(reach.sectionIds) };
  const base = { status: state, ...scope };
  let where: unknown = base;
  if (cursor !== undefined) {
    const m = DUE_CURSOR.exec(cursor);
    if (!m) throw badCursor();
    where = _.or([
      { ...base, [due]: m[1], sortKey: _.gt(m[2]) },
      { ...base, [due]: _.gt(m[1]) },
    ]);
  }
  const res = await db
    .collection(COMPLAINTS_COLLECTION)
    .where(where as Record<string, unknown>)
    .orderBy(due, 'asc')
    .orderBy('sortKey', 'asc')
    .limit(pageSize + 1)
    .get();
  const rows = rowsOf<ComplaintRecord>(res);
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextCursor = rows.length > pageSize && last ? `${last[due]}|${last.sortKey}` : null;
  const counted = cursor ? null : await cappedIds(db, [base]);
  return {
    items,
    total: counted ? Math.min(counted.size, PAGE_TOTAL_CAP) : null,
    totalCapped: counted ? counted.size > PAGE_TOTAL_CAP : false,
    nextCursor,
  };
}

// ---- 已逾期 / 我的: merged clock reads ----

async function readClock(
  db: Database,
  where: Record<string, unknown>,
  due: DueField,
  cap: number,
): Promise<{ rows: ComplaintRecord[]; cut: boolean }> {
  const res = await db
    .collection(COMPLAINTS_COLLECTION)
    .where(where)
    .orderBy(due, 'asc')
    .limit(cap + 1)
    .get();
  const rows = rowsOf<ComplaintRecord>(res);
  return { rows: rows.slice(0, cap), cut: rows.length > cap };
}

/** Merge, dedupe and order by the nearest running clock (then the oldest received). */
function merged(rows: ComplaintRecord[], cap: number, cut: boolean): Page<ComplaintRecord> {
  const byId = new Map(rows.map((r) => [r._id, r]));
  const nearest = (r: ComplaintRecord) => runningClocks(r)[0]?.date ?? '9999-12-31';
  const items = [...byId.values()].sort(
    (a, b) => nearest(a).localeCompare(nearest(b)) || a.sortKey.localeCompare(b.sortKey),
  );
  const truncated = cut || items.length > cap;
  return {
    items: items.slice(0, cap),
    total: Math.min(items.length, PAGE_TOTAL_CAP),
    totalCapped: truncated || items.length > PAGE_TOTAL_CAP,
    nextCursor: null,
  };
}

/** Every open record within reach past one of its clocks (the day after its due date), nearest first. */
export async function overdueList(
  db: Database,
  reach: QueueReach,
  today: string,
): Promise<Page<ComplaintRecord>> {
  const _ = db.command;
  const rows: ComplaintRecord[] = [];
  let cut = false;
  for (const c of CLOCKS) {
    for (const scope of reachFilters(reach)) {
      const read = await readClock(db, { ...c.state, ...scope, [c.due]: _.lt(today) }, c.due, QUEUE_LIST_CAP);
      rows.push(...read.rows);
      cut ||= read.cut;
    }
  }
  return merged(rows, QUEUE_LIST_CAP, cut);
}

/** My to-do list: the open records assigned to me (to accept, or to handle), nearest deadline first. */
export async function mineList(db: Database, staffId: string): Promise<Page<ComplaintRecord>> {
  const rows: ComplaintRecord[] = [];
  let cut = false;
  for (const c of CLOCKS.filter((k) => 'status' in k.state)) {
    const read = await readClock(db, { handlerIds: staffId, ...c.state }, c.due, QUEUE_LIST_CAP);
    rows.push(...read.rows);
    cut ||= read.cut;
  }
  return merged(rows, QUEUE_LIST_CAP, cut);
}

// ---- counts ----

/** Ids of the records matching any of `filters`, at most PAGE_TOTAL_CAP + 1 per filter (index-served reads). */
async function cappedIds(db: Database, filters: Array<Record<string, unknown>>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const f of filters) {
    const res = await db
      .collection(COMPLAINTS_COLLECTION)
      .where(f)
      .limit(PAGE_TOTAL_CAP + 1)
      .field({ _id: true })
      .get();
    for (const r of rowsOf<{ _id: string }>(res)) ids.add(r._id);
  }
  return ids;
}

const countOf = (ids: Set<string>): QueueCount => ({
  total: Math.min(ids.size, PAGE_TOTAL_CAP),
  capped: ids.size > PAGE_TOTAL_CAP,
});

/** The counted tabs' counts, each at most PAGE_TOTAL_CAP ("99+"). */
export async function queueCounts(
  db: Database,
  reach: QueueReach,
  staffId: string,
  today: string,
): Promise<Record<CountedQueueTab, QueueCount>> {
  const _ = db.command;
  const scopes = reachFilters(reach);
  const inState = (status: string) => scopes.map((s) => ({ status, ...s }));
  const overdue = CLOCKS.flatMap((c) => scopes.map((s) => ({ ...c.state, ...s, [c.due]: _.lt(today) })));
  return {
    submitted: countOf(await cappedIds(db, inState('submitted'))),
    accepted: countOf(await cappedIds(db, inState('accepted'))),
    overdue: countOf(await cappedIds(db, overdue)),
    mine: countOf(
      await cappedIds(db, [
        { handlerIds: staffId, status: 'submitted' },
        { handlerIds: staffId, status: 'accepted' },
      ]),
    ),
  };
}
