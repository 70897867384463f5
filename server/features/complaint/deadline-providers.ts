/**
 * The complaint clocks on the dashboard, listed in the staff function's plugins (server/functions/staff.ts):
 * - acceptance decided within 7 working days of receipt (市场监督管理投诉举报处理暂行办法, the benchmark);
 * - a real-name reporter told within 5 working days of the case decision (same rules);
 * - handling finished within the handling period (core/complaint/deadlines.ts).
 * Items name the tracking number and the step only: never the complainant or the reported business.
 */
import { loadCalendar } from '../../calendar';
import { endOfShanghaiDay, type Calendar, type DateInput } from '../../../core/calendar';
import type { DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import type { Database } from '../../platform/cloudbase';
import { COMPLAINTS_COLLECTION, type ComplaintRecord } from './model';
import { rowsOf } from '../../platform/docs';

const UNASSIGNED_SECTION = 'complaints-unassigned';
const MAX_ITEMS = 1000;

async function openItems(
  db: Database,
  unitIds: string[],
  filter: Record<string, unknown>,
): Promise<ComplaintRecord[]> {
  const out: ComplaintRecord[] = [];
  for (const unitId of unitIds) {
    const res = await db
      .collection(COMPLAINTS_COLLECTION)
      .where({ ...filter, unitId })
      .limit(MAX_ITEMS)
      .get();
    out.push(...rowsOf<ComplaintRecord>(res));
  }
  return out;
}

function itemsDue(
  calendar: Calendar,
  records: ComplaintRecord[],
  now: Date,
  dueOf: (r: ComplaintRecord) => string | null,
  describe: (r: ComplaintRecord) => string,
): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const r of records) {
    const due = dueOf(r);
    if (!due) continue;
    const status = calendar.dueStatus(due as DateInput, now).value;
    if (status === 'ok') continue;
    items.push({
      unitId: r.unitId,
      section: r.sectionIds[0] ?? UNASSIGNED_SECTION,
      person: r.handlerIds[0] ?? null,
      item: describe(r),
      // The end of the due day in Shanghai: overdue from the next day on.
      dueAt: endOfShanghaiDay(due),
      status,
      ref: `complaint:${r._id}`,
    });
  }
  return items;
}

/** The complaint clocks, listed in the staff function's plugins. */
export const complaintDeadlineProviders: readonly DeadlineProvider[] = [
  {
    id: 'complaint.acceptance',
    label: '投诉举报受理决定（7个工作日）',
    async list(db, scope, now) {
      const records = await openItems(db, scope.unitIds, { status: 'submitted' });
      return itemsDue(
        await loadCalendar(db),
        records,
        now,
        (r) => r.acceptanceDueDate,
        (r) => `${r.trackingNo} 待作出受理决定`,
      );
    },
  },

  {
    id: 'complaint.reporterFeedback',
    label: '实名举报人告知（立案决定后5个工作日）',
    async list(db, scope, now) {
      const records = await openItems(db, scope.unitIds, { feedbackState: 'due' });
      return itemsDue(
        await loadCalendar(db),
        records,
        now,
        (r) => r.feedbackDueDate,
        (r) => `${r.trackingNo} 待告知举报人处理情况`,
      );
    },
  },

  {
    id: 'complaint.handling',
    label: '投诉举报办结期限',
    async list(db, scope, now) {
      const records = await openItems(db, scope.unitIds, { status: 'accepted' });
      return itemsDue(
        await loadCalendar(db),
        records,
        now,
        (r) => r.handlingDueDate,
        (r) => `${r.trackingNo} 待办结`,
      );
    },
  },
];
