/**
 * The stored electronic service (REC-7; docs/service.md "Serving"): one per document record and party, on the
 * workflow kernel (core/service/workflow.ts) and the ledger. The file is the sealed PDF of the case register's
 * record, its hash and signer fixed at issue; the service-date rule and the settings version are pinned at issue.
 * The party's identity is never stored here: who may see the service is the binding's business
 * (./bindings.ts), asked again on every call.
 */
import type { DateResult } from '../../../core/calendar';
import type { DocumentType } from '../../../core/case/stages';
import type { SealedFileFormat, SubmissionKind } from '../../../core/contract/service-documents';
import type { Penalty } from '../../../core/service/rights';
import type { ServiceDate, ServiceDateRule } from '../../../core/service/serviceDate';
import type { ServiceRecordState } from '../../../core/service/workflow';
import type { ToldDeadlines } from '../../../core/service/views';
import type { WorkflowFields } from '../../../core/workflow/define';
import { hashText } from '../../platform/crypto';
import type { CaseDoc } from '../case/model';

export const SERVICES_COLLECTION = 'services';

export interface StoredSubmission {
  id: string;
  kind: SubmissionKind;
  text: string;
  /** Cleaned photos in private storage (GPS and other metadata stripped), with their hashes. */
  photos: Array<{ fileID: string; sha256: string }>;
  at: Date;
  late: boolean;
  refused: boolean;
  acceptedLate: { reason: string; at: Date; by: string } | null;
}

export interface ServiceDoc {
  _id: string;
  _rev: number;
  state: ServiceRecordState;
  caseId: string;
  caseNo: string;
  unitId: string;
  sectionId: string;
  officerStaffIds: string[];
  partyId: string;
  partyName: string;
  partyKind: 'person' | 'organisation';
  recordId: string;
  docType: DocumentType;
  docNo: string | null;
  title: string;
  /** `format` is absent on services issued before OFD was accepted: those are PDF. */
  file: { fileID: string; sha256: string; size: number | null; format?: SealedFileFormat };
  signer: {
    subject: string;
    certSerial: string;
    certSha256: string;
    signedAt: Date | null;
    /** The name the legal settings register the certificate under; null: none registered, not compared (older services: absent). */
    registeredAs?: string | null;
  };
  rights: { penalties: Penalty[]; onSpot: boolean; statementPeriodDays: number | null };
  dateRule: ServiceDateRule;
  issuedAt: Date;
  issuedBy: string;
  arrivedAt: Date | null;
  firstOpenedAt: Date | null;
  acknowledgedAt: Date | null;
  serviceDate: ServiceDate | null;
  /** The dates the party was shown: a later recomputation may move them later, never earlier (PUB-5). */
  told: ToldDeadlines;
  receiptNo: string;
  /** Not opened within the window: the day it is flagged and the day paper service must go out by (Art. 61). */
  paper: { openBy: DateResult; flagOn: DateResult; paperBy: DateResult; fits: boolean; flagged: boolean };
  /** The day the timer looks at this service (null once opened, acknowledged or flagged): indexed. */
  paperCheckOn: string | null;
  /** For a 听证通知书: the hearing date, the latest day its notice must be served, and the rescheduling flag. */
  hearing: {
    date: string;
    latestServiceDay: DateResult;
    /** The notice period in force at issue (legal setting `hearingNoticeDays`). */
    noticeWorkingDays: number;
    reschedule: boolean;
  } | null;
  submissions: StoredSubmission[];
  sortKey: string;
  _wf: WorkflowFields;
  createdAt: Date;
  updatedAt: Date;
}

/** One service per document record and party: serving the same document twice on the party is a CONFLICT. */
export const serviceIdOf = (recordId: string, partyId: string): string =>
  'svc_' + hashText(`service\u0000${recordId}\u0000${partyId}`).slice(0, 24);

/** `SD` + the Shanghai date + 8 hex of the service id: short enough to read out, unique with the id. */
export const receiptNoOf = (serviceId: string, issuedOn: string): string =>
  `SD${issuedOn.replaceAll('-', '')}${serviceId.slice(4, 12).toUpperCase()}`;

/** When the decision was made (its stage's act): Art. 61's 7 working days for a decision run from it. */
export function decidedAtOf(kase: Pick<CaseDoc, '_wf'>): Date | undefined {
  const act = kase._wf.acts.find((a) => a.step === 'decision' || a.step === 'goodsDecision');
  return act ? new Date(act.actedAt) : undefined;
}
