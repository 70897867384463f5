/**
 * The state of a complaint as it is received, whichever way it came in (the mini-program, or recorded by staff
 * from a phone call, the 12345 hotline, a petition or a letter): one definition, so the two entries cannot drift.
 * The contact is sealed under the record's own key; only its masked form is stored in clear.
 */
import { owesReporterFeedback } from '../../../core/complaint/lifecycle';
import { maskName, maskPhone } from '../../../core/complaint/mask';
import type { Database } from '../../platform/cloudbase';
import { sealPersonalData } from '../../privacy';
import {
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
  | 'receivedAt'
  | 'acceptanceDueDate'
  | 'settingsVersion'
> {
  id: string;
  /** null for an anonymous report. */
  contact: ComplainantSecret | null;
  now: Date;
}

export async function receivedComplaintState(db: Database, r: ReceivedComplaint): Promise<ComplaintState> {
  const { id, contact, now, ...fields } = r;
  return {
    ...fields,
    anonymous: contact === null,
    contactSealed: contact ? await sealPersonalData(db, sealRef(id), contact, now) : null,
    contactMasked: contact ? { name: maskName(contact.name), phone: maskPhone(contact.phone) } : null,
    status: 'submitted',
    sectionIds: [],
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
