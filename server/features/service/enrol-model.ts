/**
 * The stored enrolment in electronic service (collection `serviceEnrolments`, ledgered; core/service/enrolment.ts
 * declares its workflow): the code as a salted hash only, the party's typed details sealed with the enrolment's
 * own key (server/privacy), the identity that entered the right code as `recipientRef` (the same pseudonym the
 * bindings use), and the kernel's acts: every try, consent, refusal, confirmation, revocation and withdrawal.
 */
import type { PartyKind } from '../../../core/case/stages';
import type {
  EnrolmentPartyView,
  EnrolmentStaffView,
  EnrolmentTimelineLine,
} from '../../../core/contract/service';
import {
  consentText,
  DOCUMENT_SCOPE_TEXT,
  ENROLMENT_STATE_LABELS,
  ENROLMENT_WORKFLOW,
  expiredFor,
  MAX_ENROLMENT_TRIES,
  type ActingAs,
  type ConsentScope,
  type EnrolmentState,
  type IdentityForm,
} from '../../../core/service/enrolment';
import { ENROLMENT_PARTY_STEPS, INVITE_LINE } from '../../../core/service/case-events';
import { allowedSteps, type WorkflowActor, type WorkflowFields } from '../../../core/workflow/define';
import type { ServiceDateRule } from '../../../core/service/serviceDate';
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { openPersonalData, type SealedPersonalData } from '../../privacy';
import type { ServiceBindingDoc } from './bindings';
import { noticeTemplate, type NoticeAddress } from './notify';

export const ENROLMENTS_COLLECTION = ENROLMENT_WORKFLOW.collection;

/** Sealed: what the party typed (compared by the server and shown to the officer, never logged). */
export interface EnrolmentSecret {
  name: string;
  actingName: string | null;
  authorisation: string | null;
  phone: string | null;
  /** The recipient's openid, kept only to address the service notices (server/features/service/notify.ts). */
  openid?: string | null;
}

export interface EnrolmentDoc {
  _id: string;
  _rev: number;
  status: EnrolmentState;
  caseId: string;
  caseNo: string;
  unitId: string;
  sectionId: string;
  /** The enforcement body's name as shown to the party. */
  authority: string;
  partyId: string;
  partyKind: PartyKind;
  /** The party's name in the register (shown to the party only after the right code). */
  partyName: string;
  identityForm: IdentityForm;
  officerStaffIds: string[];
  invitedBy: string;
  /** saltedRef of (enrolment id, code): the code itself is never stored or logged. */
  codeHash: string;
  expiresAt: string;
  /** The service-date rule in force when invited (the 确认书 states it; each service fixes its own at issue). */
  serviceDateRule?: ServiceDateRule;
  /** Wrong codes and identity details that did not match; MAX_ENROLMENT_TRIES lock the enrolment. */
  wrongTries: number;
  recipientRef: string | null;
  actingAs: ActingAs | null;
  secret: SealedPersonalData | null;
  phoneMasked: string | null;
  /** The subscribe grant the party gave at consent (absent on enrolments made before it was asked). */
  subscribeGrant?: 'longTerm' | 'oneTime' | null;
  scope: ConsentScope | null;
  confirmation: { recordId: string; avRecordId: string } | null;
  revokedReason: string | null;
  /** The enrolment whose recipient replaced this one's (an organisation designated another person). */
  replacedBy: string | null;
  _wf: WorkflowFields;
  createdAt: Date;
  updatedAt: Date;
}

export const enrolmentSealRef = (id: string): string => `${ENROLMENTS_COLLECTION}/${id}`;

const iso = (d: Date | string) => new Date(d).toISOString();

export function timelineOf(e: EnrolmentDoc): EnrolmentTimelineLine[] {
  const lines: EnrolmentTimelineLine[] = [
    { step: 'invite', label: INVITE_LINE, at: iso(e.createdAt), by: 'staff' },
  ];
  for (const act of e._wf.acts) {
    lines.push({
      step: act.step,
      label:
        ENROLMENT_WORKFLOW.steps[act.step]?.label ??
        (act.step === 'replace' ? '已由新指定的受送达人代替' : act.step),
      at: act.actedAt,
      by: ENROLMENT_PARTY_STEPS.has(act.step) ? 'party' : 'staff',
    });
  }
  return lines;
}

const expiredOf = (e: EnrolmentDoc, now: Date) =>
  expiredFor({ status: e.status, expiresAt: e.expiresAt, createdAt: iso(e.createdAt) }, now) !== null;

const textInput = (e: EnrolmentDoc) => ({
  authority: e.authority,
  caseNo: e.caseNo,
  partyName: e.partyName,
  rule: e.serviceDateRule,
});

export function partyView(e: EnrolmentDoc, now: Date): EnrolmentPartyView {
  const known = e.recipientRef !== null;
  const identified = known && e.status !== 'codeEntered' && e.status !== 'refused';
  return {
    id: e._id,
    status: e.status,
    statusLabel: ENROLMENT_STATE_LABELS[e.status],
    authority: e.authority,
    documentScope: DOCUMENT_SCOPE_TEXT,
    expiresAt: e.expiresAt,
    expired: expiredOf(e, now),
    triesLeft: Math.max(0, MAX_ENROLMENT_TRIES - e.wrongTries),
    identityForm: e.identityForm,
    caseNo: known ? e.caseNo : null,
    partyName: known ? e.partyName : null,
    consentTexts: identified
      ? {
          case: consentText({ ...textInput(e), scope: 'case' }),
          party: consentText({ ...textInput(e), scope: 'party' }),
        }
      : null,
    scope: e.scope,
    phoneMasked: e.phoneMasked,
    noticeTemplate: identified ? noticeTemplate() : null,
    subscribeGrant: e.subscribeGrant ?? null,
    timeline: known ? timelineOf(e) : [],
  };
}

export function staffView(
  e: EnrolmentDoc,
  secret: EnrolmentSecret | null,
  actor: WorkflowActor,
  now: Date,
): EnrolmentStaffView {
  return {
    id: e._id,
    caseId: e.caseId,
    caseNo: e.caseNo,
    partyId: e.partyId,
    partyName: e.partyName,
    partyKind: e.partyKind,
    status: e.status,
    statusLabel: ENROLMENT_STATE_LABELS[e.status],
    expiresAt: e.expiresAt,
    expired: expiredOf(e, now),
    wrongTries: e.wrongTries,
    triesLeft: Math.max(0, MAX_ENROLMENT_TRIES - e.wrongTries),
    identity: secret
      ? {
          form: e.identityForm,
          name: secret.name,
          actingAs: e.actingAs,
          actingName: secret.actingName,
          authorisation: secret.authorisation,
        }
      : null,
    scope: e.scope,
    phoneMasked: e.phoneMasked,
    confirmation: e.confirmation,
    timeline: timelineOf(e),
    allowedSteps: allowedSteps(ENROLMENT_WORKFLOW, actor, e).filter((s) => s === 'confirm' || s === 'revoke'),
  };
}

/**
 * Where to tell each active recipient: their enrolment's sealed openid and number, and the grant given there.
 * A recipient whose enrolment holds no openid (enrolled before notices were wired) gets no notice here.
 */
export async function noticeAddressesFor(
  db: Database,
  recipients: readonly ServiceBindingDoc[],
): Promise<NoticeAddress[]> {
  const out: NoticeAddress[] = [];
  for (const b of recipients) {
    const e = await getDoc<EnrolmentDoc>(db, ENROLMENTS_COLLECTION, b.enrolmentId);
    if (!e?.secret || e.status !== 'active') continue;
    const secret = await openPersonalData<EnrolmentSecret>(db, enrolmentSealRef(e._id), e.secret);
    if (!secret?.openid) continue;
    out.push({ openid: secret.openid, phone: secret.phone, subscribe: e.subscribeGrant ?? null });
  }
  return out;
}
