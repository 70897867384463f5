/**
 * The state of a complaint as it is received, whichever way it came in (the mini-program, or recorded by staff
 * from a phone call, the 12345 hotline, a petition or a letter): one definition, so the two entries cannot drift.
 * The contact is sealed under the record's own key; only its masked form is stored in clear.
 */
import { toShanghaiDate } from '../../../core/calendar';
import type { Calendar } from '../../../core/calendar/calendar';
import type { ComplaintPeriods } from '../../../core/complaint/deadlines';
import { channelOf, owesReporterFeedback } from '../../../core/complaint/lifecycle';
import { clocksAtReceipt, COMPLAINT_CLOCKS } from '../../../core/complaint/workflow';
import { applyClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow } from '../../../core/workflow/define';
import { maskName, maskPhone } from '../../../core/complaint/mask';
import type { Database } from '../../platform/cloudbase';
import { sealPersonalData } from '../../privacy';
import { createEntity } from '../../ledger/entities';
import {
  COMPLAINTS_COLLECTION,
  sealRef,
  sortKeyOf,
  type ComplainantSecret,
  type ComplaintRecord,
  type ComplaintState,
} from './model';

export interface ReceivedComplaint extends Pick<
  ComplaintRecord,
  | 'trackingNo'
  | 'ownerRef'
  | 'kind'
  | 'category'
  | 'subject'
  | 'description'
  | 'photos'
  | 'source'
  | 'sourceRef'
  | 'unitId'
  | 'sectionIds'
  | 'conduct'
  | 'receivedAt'
  | 'settingsVersion'
> {
  id: string;
  /** The acceptance clock runs from receipt, its length from the settings in force then. */
  calendar: Calendar;
  periods: ComplaintPeriods;
  /** null for an anonymous report. */
  contact: ComplainantSecret | null;
  now: Date;
}

export async function receivedComplaintState(db: Database, r: ReceivedComplaint): Promise<ComplaintState> {
  const { id, contact, now, calendar, periods, ...fields } = r;
  // The channel is fixed at receipt: a petition (信访) runs on the petition clocks from then on.
  const channel = channelOf(r.source);
  const wf = emptyWorkflow();
  const started = clocksAtReceipt(r.kind, channel);
  Object.assign(
    wf,
    applyClocks(calendar, COMPLAINT_CLOCKS, wf, { start: started }, toShanghaiDate(r.receivedAt), {
      ...periods,
    }),
  );
  const report = r.kind === 'report';
  return {
    ...fields,
    channel,
    acceptanceDueDate: wf.clocks[started[0]!]!.dueDate!,
    caseDecisionState: report ? 'due' : 'notOwed',
    caseDecisionDueDate: report ? wf.clocks.caseDecision!.dueDate : null,
    petitionDueDate: null,
    acceptanceNotice: null,
    extensions: [],
    _wf: wf,
    anonymous: contact === null,
    contactSealed: contact ? await sealPersonalData(db, sealRef(id), contact, now) : null,
    contactMasked: contact ? { name: maskName(contact.name), phone: maskPhone(contact.phone) } : null,
    status: 'submitted',
    handlerIds: [],
    decidedAt: null,
    rejection: null,
    handlingDueDate: null,
    caseDecision: null,
    feedbackState: owesReporterFeedback(r.kind, contact === null) ? 'pending' : 'notOwed',
    feedbackDueDate: null,
    closedAt: null,
    result: null,
    timeline: [{ at: r.receivedAt, event: 'submitted' }],
    duplicateOf: null,
    splitFrom: null,
    splitInto: null,
    sortKey: sortKeyOf(r.receivedAt, id),
    createdAt: now,
    updatedAt: now,
  };
}

/** Stores a newly received complaint: its creation is the first event on its chain. */
export async function storeReceived(
  db: Database,
  by: { actor: string; action: 'complaint.submit' | 'complaint.record'; at: Date },
  id: string,
  state: ComplaintState,
): Promise<void> {
  await createEntity(db, by, {
    collection: COMPLAINTS_COLLECTION,
    id,
    state: state as unknown as Record<string, unknown>,
  });
}
