/**
 * The stored case register (docs/cases.md): `cases` (one per case, on the workflow kernel: its stage is the kernel's
 * state, its acts the stages with their act and recording times, its clocks the legal time limits and each
 * record's hand-over), `case_parties` (parties across cases, ID numbers sealed) and `case_records` (each record
 * its own entity on its own ledger chain, so `ledger.verify` names a record edited behind the system's back).
 */
import type { CaseKind, CaseStage, PartyKind } from '../../../core/case/stages';
import type { DecisionInput, RecordRegisterInput, RecordType } from '../../../core/contract/case';
import type { PartyIdKind } from '../../../core/party/ids';
import type { EntryKind } from '../../../core/publication/kinds';
import type { WorkflowFields } from '../../../core/workflow/define';
import { hashText } from '../../platform/crypto';
import type { SealedPersonalData } from '../../privacy';

export const CASES_COLLECTION = 'cases';
export const PARTIES_COLLECTION = 'case_parties';
export const RECORDS_COLLECTION = 'case_records';

/** Where an imported case or record came from (server/features/case/import.ts): absent on those entered here. */
export interface ImportSource {
  system: string;
  sourceId: string;
  /** The import that wrote the current version (a correction in a later import replaces it). */
  importId: string;
}

/**
 * An imported version replaced by a correction (a later import of the same source id with changed content): when,
 * which import had written it, and its content as it was (the ledger keeps the hash of every revision).
 */
export interface ImportCorrection {
  at: Date;
  importId: string;
  previous: Record<string, unknown>;
}

export interface CaseOfficer {
  officerId: string;
  certNo: string;
  name: string;
  staffId: string | null;
}

/**
 * A decision's publication (PUB-12, PUB-15): the kind of entry it becomes, the date the entry is due, and the entry
 * made from it (null until one is: the dashboard lists it once due). Absent on decisions recorded before this existed
 * and on imported ones.
 */
export interface DecisionPublication {
  kind: EntryKind;
  dueDate: string;
  entryId: string | null;
}

export interface StoredDecision extends DecisionInput {
  stage: CaseStage;
  recordedAt: Date;
  publication?: DecisionPublication;
}

export interface CaseDoc {
  _id: string;
  _rev: number;
  caseNo: string;
  kind: CaseKind;
  stage: CaseStage;
  cause: string;
  unitId: string;
  sectionId: string;
  partyId: string;
  /** The party's name as given (names of parties are published with decisions; the ID number is sealed). */
  partyName: string;
  officers: CaseOfficer[];
  officerStaffIds: string[];
  openedAt: Date;
  complaintId: string | null;
  emergency: boolean;
  decisions: StoredDecision[];
  /** The earliest publication due date among decisions with no entry yet (indexed with the unit), or null. */
  publicationDue?: string | null;
  statement: { periodEndsAt: string; partyStated: boolean; waiverInWriting: boolean } | null;
  /** Why each clock was paused, resumed or extended, and by whom (the act itself is the kernel's). */
  clockNotes?: Array<{
    clock: string;
    op: string;
    reason: string;
    pauseReason: string | null;
    days: number | null;
    by: string;
    at: Date;
  }>;
  /** Failures the automatic checks find now (core/case/checks.ts), recomputed with every step: the dashboard lists
   * cases with any. Absent until the first step after opening. */
  openFailures?: number;
  /**
   * While the case has failures (`openFailures` > 0): `<time of its last change ISO>_<id>`, indexed with the unit,
   * so the dashboard lists the cases with failures most recently changed first (the work in hand before old closed
   * cases, REC-4, REC-16). Absent when it has none. Set with the count (`setFailures`).
   */
  failureKey?: string;
  /** Records registered and not yet received by the custodian: who must hand each over (the dashboard's person). */
  pendingHandovers: Array<{ recordId: string; by: string; title: string }>;
  /** `<openedAt ISO>_<id>`: a total order for cursor paging. */
  sortKey: string;
  /** Imported from another system (case.import); absent for cases opened here. */
  source?: ImportSource;
  /**
   * Of an imported case: the digest of the row it was imported from (a re-import with the same digest changes
   * nothing; another one is a correction), and how many acts the import wrote (more acts: taken further here).
   */
  importDigest?: string;
  importedActs?: number;
  /** Earlier imported versions replaced by corrections, oldest first. */
  corrections?: ImportCorrection[];
  _wf: WorkflowFields;
  createdAt: Date;
  updatedAt: Date;
}

export type CaseState = Omit<CaseDoc, '_id' | '_rev'>;

export interface PartyDoc {
  _id: string;
  _rev: number;
  kind: PartyKind;
  name: string;
  idKind: PartyIdKind;
  /** The ID number sealed with the party's own key (server/privacy); null for an unregistered operator. */
  idSealed: SealedPersonalData | null;
  idMasked: string | null;
  /** Keyed hash of kind and normalised number: how a party is found, never by decrypting (null: no number). */
  blindIndex: string | null;
  legalRepresentative: string | null;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecordDoc {
  _id: string;
  _rev: number;
  caseId: string;
  caseNo: string;
  unitId: string;
  sectionId: string;
  partyId: string;
  type: RecordType;
  title: string;
  sha256: string;
  /** Every file of one recording (a recorder splits long recordings), the first being `sha256`; absent: one file. */
  files?: Array<{ sha256: string; ref: string | null }>;
  /** Imported from another system (case.import): registered as already received, no hand-over clock. */
  source?: ImportSource;
  /** Of an imported record: the digest of its row, and its earlier imported versions (as for cases). */
  importDigest?: string;
  corrections?: ImportCorrection[];
  storage: 'private' | 'platform' | 'reference';
  file: { fileID: string; size: number } | null;
  /** AV's label (细则第二十一条): case number, cause and recording time. */
  label: string;
  document: RecordRegisterInput['document'] | null;
  av: RecordRegisterInput['av'] | null;
  data: RecordRegisterInput['data'] | null;
  workEndedAt: Date;
  registeredAt: Date;
  registeredBy: string;
  handoverDueDate: string | null;
  receivedAt: Date | null;
  receivedBy: string | null;
  late: boolean;
  lateReason: string | null;
  lateApproved: boolean;
  /** A work record of stopping AV (docType `stopRecordingRecord`): the unit head's approval (REC-5). */
  stopApproval?: { by: string; at: Date } | null;
  sortKey: string;
  /**
   * While not received: `<hand-over due date>_<sortKey>`, the custodian's queue order (record.intake: oldest due
   * date first, indexed with the unit and section); null once received, and for imported records.
   */
  intakeKey?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type RecordState = Omit<RecordDoc, '_id' | '_rev'>;

/** A case's id follows from its unit and case number: the same number twice collides in the ledger transaction. */
export const caseIdOf = (unitId: string, caseNo: string): string =>
  'case_' + hashText(`case\u0000${unitId}\u0000${caseNo}`).slice(0, 24);

export const sortKeyOf = (at: Date, id: string): string => `${at.toISOString()}_${id}`;

/**
 * Stores what the checks found on a case changed at `at`: the failure count (`null`: the checks could not run, the
 * stored count stays) and, while there are failures, the dashboard's key of the change (`failureKey`); a case
 * without failures has none, so the index holds only cases with failures.
 */
export function setFailures(
  state: { openFailures?: number; failureKey?: string },
  failures: number | null,
  id: string,
  at: Date,
): void {
  if (failures !== null) state.openFailures = failures;
  if ((state.openFailures ?? 0) > 0) state.failureKey = sortKeyOf(at, id);
  else delete state.failureKey;
}

/** The intake queue's key of a record not yet received (a record without a due date sorts last). */
export const intakeKeyOf = (r: Pick<RecordDoc, 'handoverDueDate' | 'sortKey'>): string =>
  `${r.handoverDueDate ?? '9999-12-31'}_${r.sortKey}`;

/** The data key's record reference of a party (server/privacy binds the ciphertext to it). */
export const partySealRef = (id: string): string => `${PARTIES_COLLECTION}/${id}`;
