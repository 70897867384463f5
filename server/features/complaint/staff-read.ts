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
import { findComplaint, pageComplaints } from './repository';
import { allowedSteps, handlingScope, handlingUnits, loadForStaff } from './staff-access';
import { staffView } from './views';
import type { ComplaintQueueItem } from '../../../core/contract/complaint';

type QueueItem = ComplaintQueueItem;

function queueItem(r: ComplaintRecord): QueueItem {
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
  };
}

const complaintQueue = handle(decl.complaintQueue, async (input, call) => {
  const staff = call.staff!;
  const unitId = handlingUnits(staff)[0];
  if (!unitId) throw new AppError('FORBIDDEN', '您没有办理投诉举报的权限');
  // A role limited to sections lists only records filed under them (never unassigned ones).
  const scope = handlingScope(staff, unitId);
  const inScope = scope.wholeUnit ? { unitId } : { unitId, sectionIds: call.db.command.in(scope.sectionIds) };
  const filter: Record<string, unknown> = input.mine ? { handlerIds: staff.staffId } : inScope;
  if (input.status) filter.status = input.status;
  const page = await pageComplaints(call.db, filter, input.cursor, input.pageSize ?? 20);
  // The officer a conduct complaint is about does not see it listed either (core/complaint/workflow.ts `concerned`).
  const shown = page.items.filter((r) => !r.conduct?.concernedStaffIds.includes(staff.staffId));
  return { ...page, items: shown.map(queueItem) };
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
