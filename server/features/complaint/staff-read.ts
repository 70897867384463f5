/**
 * `staff` `complaint.queue` and `complaint.get`. The queue shows contacts masked. `complaint.get` shows the
 * contact in clear only to the assigned handlers and the leaders of their sections, and records each such view
 * on the ledger (identity.ts); photos come as short-lived URLs.
 */
import * as decl from '../../../core/contract/complaint';
import { STATUS_LABELS } from '../../../core/complaint/lifecycle';
import { AppError } from '../../errors';
import { temporaryUrls } from '../../media';
import { handle } from '../../router/types';
import { mayViewIdentity, openContact, recordIdentityView } from './identity';
import type { ComplaintRecord } from './model';
import { findByTrackingNo, findComplaint, pageComplaints } from './repository';
import { allowedSteps, handlingScope, handlingUnits, loadForStaff, seesRecord } from './staff-access';
import { dueOf, mineList, overdueList, pageByDue, queueCounts, type QueueReach } from './queue';
import { staffView } from './views';
import type { ComplaintQueueInput, ComplaintQueueItem } from '../../../core/contract/complaint';
import type { Page } from '../../../core/contract/envelope';
import { toShanghaiDate, type Calendar } from '../../../core/calendar';
import { loadCalendar } from '../../calendar';
import type { Call } from '../../router/types';

type QueueItem = ComplaintQueueItem;

function queueItem(r: ComplaintRecord, calendar: Calendar, today: string): QueueItem {
  return {
    id: r._id,
    trackingNo: r.trackingNo,
    kind: r.kind,
    category: r.category,
    subjectName: r.subject.name,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    source: r.source,
    receivedAt: new Date(r.receivedAt).toISOString(),
    acceptanceDueDate: r.acceptanceDueDate,
    handlingDueDate: r.handlingDueDate,
    feedbackDueDate: r.feedbackDueDate,
    caseDecisionDueDate: r.caseDecisionState === 'due' ? (r.caseDecisionDueDate ?? null) : null,
    petitionDueDate: r.petitionDueDate ?? null,
    handlerIds: r.handlerIds,
    anonymous: r.anonymous,
    contact: r.contactMasked,
    due: dueOf(r, calendar, today),
  };
}

/** A tab names the list; `status` / `mine` (the older filter) still work, newest first. */
async function queuePage(
  call: Call,
  input: ComplaintQueueInput,
  reach: QueueReach,
  today: string,
): Promise<Page<ComplaintRecord>> {
  const staff = call.staff!;
  const size = input.pageSize ?? 20;
  const tab = input.tab;
  if (tab === 'submitted' || tab === 'accepted') {
    return pageByDue(call.db, reach, tab, input.cursor, size);
  }
  if (tab === 'overdue') return overdueList(call.db, reach, today);
  if (tab === 'mine') return mineList(call.db, staff.staffId);
  const _ = call.db.command;
  const inScope = reach.wholeUnit
    ? { unitId: reach.unitId }
    : { unitId: reach.unitId, sectionIds: _.in(reach.sectionIds) };
  const filter: Record<string, unknown> = input.mine ? { handlerIds: staff.staffId } : inScope;
  const status = tab === 'closed' || tab === 'rejected' ? tab : input.status;
  if (status) filter.status = status;
  return pageComplaints(call.db, filter, input.cursor, size);
}

/** Search: the one record of that tracking number, if the caller may see it (else an empty page). */
async function searchPage(call: Call, trackingNo: string): Promise<Page<ComplaintRecord>> {
  const found = await findByTrackingNo(call.db, trackingNo);
  const visible = found && seesRecord(call.staff!, found) ? [found] : [];
  return { items: visible, total: visible.length, totalCapped: false, nextCursor: null };
}

const complaintQueue = handle(decl.complaintQueue, async (input, call) => {
  const staff = call.staff!;
  const unitId = handlingUnits(staff)[0];
  if (!unitId) throw new AppError('FORBIDDEN', '您没有办理投诉举报的权限');
  if (input.tab && (input.status || input.mine !== undefined)) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.tab': '按筛选查看时不能同时指定状态或“我承办的”',
    });
  }
  // A role limited to sections lists only records filed under them (never unassigned ones).
  const scope = handlingScope(staff, unitId);
  const reach: QueueReach = scope.wholeUnit
    ? { unitId, wholeUnit: true }
    : { unitId, wholeUnit: false, sectionIds: scope.sectionIds };
  const today = toShanghaiDate(call.now);
  const calendar = await loadCalendar(call.db);
  const page = input.trackingNo
    ? await searchPage(call, input.trackingNo)
    : await queuePage(call, input, reach, today);
  const first = !input.cursor && !input.trackingNo;
  const counts = first && input.tab ? await queueCounts(call.db, reach, staff.staffId, today) : null;
  // The officer a conduct complaint is about does not see it listed either (core/complaint/workflow.ts `concerned`).
  const shown = page.items.filter((r) => !r.conduct?.concernedStaffIds.includes(staff.staffId));
  return { ...page, items: shown.map((r) => queueItem(r, calendar, today)), counts };
});

const complaintStaffGet = handle(decl.staffComplaintGet, async (input, call) => {
  const record = await loadForStaff(call, input.id, 'see');
  let contact = record.contactMasked;
  let identityVisible = false;
  if (record.contactSealed && (await mayViewIdentity(call.db, call.staff!, record, call.now))) {
    const opened = await openContact(call.db, record);
    if (opened) {
      await recordIdentityView(call.db, call.staff!, record, call.now);
      contact = { name: opened.name, phone: opened.phone };
      identityVisible = true;
    }
  }
  const urls = await temporaryUrls(record.photos.map((p) => p.fileID));
  const original = record.duplicateOf ? await findComplaint(call.db, record.duplicateOf) : null;
  return staffView(record, contact, identityVisible, urls, {
    allowedSteps: allowedSteps(call.staff!, record),
    duplicateOfTrackingNo: original?.trackingNo ?? null,
  });
});

export const complaintReadActions = {
  'complaint.queue': complaintQueue,
  'complaint.get': complaintStaffGet,
};
