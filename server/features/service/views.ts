/**
 * What a service shows (PUB-5, REC-7): its rights and duties under the settings pinned at issue, dated from its
 * service date on the working-day calendar (never earlier than what the party was told), and the party's, the
 * staff's and the receipt's views of it.
 */
import { toShanghaiDate } from '../../../core/calendar';
import type { Calendar } from '../../../core/calendar/calendar';
import { DOCUMENT_TYPES } from '../../../core/case/stages';
import type {
  DeadlineView,
  PartyServiceRow,
  PartyServiceView,
  ReceiptView,
  StaffServiceView,
  SubmissionView,
} from '../../../core/contract/service-documents';
import { deadlinesFrom } from '../../../core/service/deadlines';
import { rightsFor, type RightItem, type RightsSettings } from '../../../core/service/rights';
import { deadlineViews } from '../../../core/service/views';
import { loadCalendar } from '../../calendar';
import type { Database } from '../../platform/cloudbase';
import { settingsVersion } from '../../settings';
import type { ServiceDoc, StoredSubmission } from './model';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** The rights and duties the document carries under `settings` (the ones pinned at issue). */
export function rightsUnder(
  doc: Pick<ServiceDoc, 'docType' | 'rights' | 'partyKind'>,
  settings: RightsSettings,
): RightItem[] {
  return rightsFor(doc.docType, {
    settings,
    penalties: doc.rights.penalties,
    partyKind: doc.partyKind,
    onSpot: doc.rights.onSpot,
    ...(doc.rights.statementPeriodDays ? { statementPeriodDays: doc.rights.statementPeriodDays } : {}),
    // The 较大数额 thresholds in force at issue decide whether a fine opens the hearing right (Art. 63).
    ...(settings.hearingThresholds ? { hearingThresholds: settings.hearingThresholds } : {}),
  });
}

/** The rights and duties the document carries, under the settings pinned when it was issued. */
export async function rightsOf(db: Database, doc: ServiceDoc): Promise<RightItem[]> {
  const pinned = doc._wf.pinnedSettings;
  const settings = pinned === null ? null : await settingsVersion(db, pinned);
  if (!settings) throw new Error(`service ${doc._id}: pinned settings version missing`);
  return rightsUnder(doc, settings.values);
}

/** The rights with their dates: none until the service date is fixed (no period runs before it). */
export async function deadlinesOf(
  db: Database,
  doc: ServiceDoc,
  known?: { rights?: RightItem[]; calendar?: Calendar },
): Promise<DeadlineView[]> {
  const rights = known?.rights ?? (await rightsOf(db, doc));
  if (!doc.serviceDate) return deadlineViews(rights, [], doc.told);
  const calendar = known?.calendar ?? (await loadCalendar(db));
  return deadlineViews(rights, deadlinesFrom(rights, new Date(doc.serviceDate.at), calendar), doc.told);
}

export function submissionView(s: StoredSubmission): SubmissionView {
  return {
    id: s.id,
    kind: s.kind,
    text: s.text,
    photos: s.photos.length,
    at: iso(s.at)!,
    late: s.late,
    refused: s.refused,
    acceptedLate: s.acceptedLate ? { reason: s.acceptedLate.reason, at: iso(s.acceptedLate.at)! } : null,
  };
}

const timesOf = (doc: ServiceDoc) => ({
  issuedAt: iso(doc.issuedAt)!,
  arrivedAt: iso(doc.arrivedAt),
  firstOpenedAt: iso(doc.firstOpenedAt),
  acknowledgedAt: iso(doc.acknowledgedAt),
});

export function partyRow(doc: ServiceDoc): PartyServiceRow {
  return {
    id: doc._id,
    caseNo: doc.caseNo,
    docTypeLabel: DOCUMENT_TYPES[doc.docType],
    docNo: doc.docNo,
    title: doc.title,
    state: doc.state,
    issuedAt: iso(doc.issuedAt)!,
    serviceDate: doc.serviceDate?.date ?? null,
  };
}

export async function partyView(db: Database, doc: ServiceDoc): Promise<PartyServiceView> {
  const rights = await rightsOf(db, doc);
  return {
    ...partyRow(doc),
    receiptNo: doc.receiptNo,
    fileSha256: doc.file.sha256,
    fileFormat: doc.file.format ?? 'pdf',
    times: timesOf(doc),
    deadlines: await deadlinesOf(db, doc, { rights }),
    submissions: doc.submissions.map(submissionView),
    allows: {
      statement: rights.some((r) => r.id === 'statement' || r.id === 'coercionStatement'),
      hearing: rights.some((r) => r.id === 'hearing'),
      recusal: rights.some((r) => r.id === 'recusal'),
    },
  };
}

export function staffView(doc: ServiceDoc): StaffServiceView {
  return {
    ...partyRow(doc),
    caseId: doc.caseId,
    recordId: doc.recordId,
    partyName: doc.partyName,
    receiptNo: doc.receiptNo,
    fileSha256: doc.file.sha256,
    fileFormat: doc.file.format ?? 'pdf',
    signerSubject: doc.signer.subject,
    certSha256: doc.signer.certSha256,
    sealRegisteredAs: doc.signer.registeredAs ?? null,
    dateRule: doc.dateRule,
    times: timesOf(doc),
    paper: {
      openBy: doc.paper.openBy.date,
      flagOn: doc.paper.flagOn.date,
      paperBy: doc.paper.paperBy.date,
      fits: doc.paper.fits,
      flagged: doc.paper.flagged,
    },
    hearing: doc.hearing
      ? {
          date: doc.hearing.date,
          latestServiceDay: doc.hearing.latestServiceDay.date,
          provisional: doc.hearing.latestServiceDay.provisional,
          reschedule: doc.hearing.reschedule,
        }
      : null,
    submissions: doc.submissions.map(submissionView),
  };
}

export async function receiptView(db: Database, doc: ServiceDoc): Promise<ReceiptView> {
  return {
    receiptNo: doc.receiptNo,
    caseNo: doc.caseNo,
    docType: doc.docType,
    docTypeLabel: DOCUMENT_TYPES[doc.docType],
    docNo: doc.docNo,
    title: doc.title,
    fileSha256: doc.file.sha256,
    signerSubject: doc.signer.subject,
    partyName: doc.partyName,
    dateRule: doc.dateRule,
    serviceDate: doc.serviceDate
      ? {
          date: doc.serviceDate.date,
          at: iso(doc.serviceDate.at)!,
          by: doc.serviceDate.by,
        }
      : null,
    times: timesOf(doc),
    deadlines: await deadlinesOf(db, doc),
  };
}

/** The Shanghai date of an instant (a stored Date or ISO string). */
export const dayOf = (d: Date | string): string => toShanghaiDate(new Date(d));
