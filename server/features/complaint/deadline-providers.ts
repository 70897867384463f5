/**
 * The complaint clocks on the dashboard (declared in core/complaint/workflow.ts, run by the kernel, their due
 * dates stored on the record), listed in the staff function's plugins (server/functions/staff.ts):
 * - acceptance decided within 7 working days of receipt (市场监督管理投诉举报处理暂行办法, the benchmark);
 * - a real-name reporter told within 5 working days of the case decision (same rules);
 * - handling finished within the handling period: an internal target (内部目标), labelled so;
 * - a report's decision whether to open a case (立案) within 15 working days of receipt, extendable once;
 * - a petition (信访): the answer whether accepted within 15 days, finished within 60 days of acceptance (legal).
 * Items name the tracking number and the step only: never the complainant or the reported business.
 *
 * Each clock reads its stored due date through an index, `due <= horizon` (the last due date the calendar calls
 * due soon), earliest first and at most MAX_ITEMS per unit or section: items not yet due are never read, so the
 * dashboard costs the same whatever the number of complaints, and a cut list says so (`truncated`).
 */
import { COMPLAINT_CLOCKS } from '../../../core/complaint/workflow';
import { loadCalendar } from '../../calendar';
import { endOfShanghaiDay, toShanghaiDate, type Calendar } from '../../../core/calendar';
import type { DashboardScope, DeadlineItem, DeadlineList, DeadlineProvider } from '../../dashboard/registry';
import type { Database } from '../../platform/cloudbase';
import { COMPLAINTS_COLLECTION, type ComplaintRecord } from './model';
import { rowsOf } from '../../platform/docs';
import type { QueueTab } from '../../../core/contract/complaint';

const UNASSIGNED_SECTION = 'complaints-unassigned';
/** Per provider and unit (or section): the earliest due first, which are the ones to act on. */
export const MAX_DASHBOARD_ITEMS = 200;

type DueField =
  'acceptanceDueDate' | 'feedbackDueDate' | 'handlingDueDate' | 'caseDecisionDueDate' | 'petitionDueDate';

interface Clock {
  /** The open state the clock runs in (indexed together with unitId and the due field, deploy/database.json). */
  state: { status: 'submitted' | 'accepted' } | { feedbackState: 'due' } | { caseDecisionState: 'due' };
  due: DueField;
  describe: (r: ComplaintRecord) => string;
}

/**
 * What is due in the caller's reach: a role over the whole unit reads the unit; a section-limited one reads only
 * its sections (so a cap is never spent on records it may not see; build.ts still filters by reach).
 */
async function dueRecords(
  db: Database,
  scope: DashboardScope,
  clock: Clock,
  horizon: string,
): Promise<{ records: ComplaintRecord[]; truncated: boolean }> {
  const _ = db.command;
  const byId = new Map<string, ComplaintRecord>();
  let truncated = false;
  const read = async (where: Record<string, unknown>) => {
    const res = await db
      .collection(COMPLAINTS_COLLECTION)
      .where({ ...clock.state, ...where, [clock.due]: _.lte(horizon) })
      .orderBy(clock.due, 'asc')
      .limit(MAX_DASHBOARD_ITEMS + 1)
      .get();
    const rows = rowsOf<ComplaintRecord>(res);
    if (rows.length > MAX_DASHBOARD_ITEMS) truncated = true;
    for (const r of rows.slice(0, MAX_DASHBOARD_ITEMS)) byId.set(r._id, r);
  };
  for (const unitId of scope.unitIds) {
    const reach = scope.reach[unitId];
    if (!reach) continue;
    if (reach.wholeUnit) await read({ unitId });
    else for (const sectionId of reach.sectionIds) await read({ unitId, sectionIds: sectionId });
  }
  return { records: [...byId.values()], truncated };
}

function itemsDue(
  calendar: Calendar,
  records: ComplaintRecord[],
  now: Date,
  clock: Clock,
  staffId: string,
): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const r of records) {
    // A leader a conduct complaint is about does not see it listed (core/complaint/workflow.ts `concerned`).
    if (r.conduct?.concernedStaffIds.includes(staffId)) continue;
    const due = r[clock.due];
    if (typeof due !== 'string') continue;
    const status = calendar.dueStatus(due, now).value;
    if (status === 'ok') continue; // cannot happen below the horizon; kept so a wrong horizon shows nothing false
    items.push({
      unitId: r.unitId,
      section: r.sectionIds[0] ?? UNASSIGNED_SECTION,
      person: r.handlerIds[0] ?? null,
      item: clock.describe(r),
      // The end of the due day in Shanghai: overdue from the next day on.
      dueAt: endOfShanghaiDay(due),
      status,
      ref: `complaint:${r._id}`,
    });
  }
  return items;
}

/** A provider per declared complaint clock (core/complaint/workflow.ts): its label is the declaration's. */
function provider(
  id: string,
  name: keyof typeof COMPLAINT_CLOCKS,
  clock: Clock,
  queueTab: QueueTab,
): DeadlineProvider {
  return {
    id,
    label: COMPLAINT_CLOCKS[name].label,
    queueTab,
    async list(db, scope, now): Promise<DeadlineList> {
      const calendar = await loadCalendar(db);
      const horizon = calendar.dueSoonHorizon(toShanghaiDate(now)).date;
      const { records, truncated } = await dueRecords(db, scope, clock, horizon);
      return { items: itemsDue(calendar, records, now, clock, scope.staff.staffId), truncated };
    },
  };
}

/** The complaint clocks, listed in the staff function's plugins. */
export const complaintDeadlineProviders: readonly DeadlineProvider[] = [
  // A petition's acceptance answer (15 days) is due on the same stored date field as a complaint's (7 working days).
  provider(
    'complaint.acceptance',
    'acceptance',
    {
      state: { status: 'submitted' },
      due: 'acceptanceDueDate',
      describe: (r) =>
        r.channel === 'petition' ? `${r.trackingNo} 待告知信访人是否受理` : `${r.trackingNo} 待作出受理决定`,
    },
    'submitted',
  ),
  provider(
    'complaint.caseDecision',
    'caseDecision',
    {
      state: { caseDecisionState: 'due' },
      due: 'caseDecisionDueDate',
      describe: (r) => `${r.trackingNo} 待作出是否立案的决定`,
    },
    'accepted',
  ),
  provider(
    'complaint.petitionHandling',
    'petitionHandling',
    {
      state: { status: 'accepted' },
      due: 'petitionDueDate',
      describe: (r) => `${r.trackingNo} 信访事项待办结（法定期限）`,
    },
    'accepted',
  ),
  provider(
    'complaint.reporterFeedback',
    'feedback',
    {
      state: { feedbackState: 'due' },
      due: 'feedbackDueDate',
      describe: (r) => `${r.trackingNo} 待告知举报人处理情况`,
    },
    'accepted',
  ),
  provider(
    'complaint.handling',
    'handling',
    {
      state: { status: 'accepted' },
      due: 'handlingDueDate',
      describe: (r) => `${r.trackingNo} 待办结（内部目标）`,
    },
    'accepted',
  ),
];
