/**
 * Who may receive electronic service for a party (行政处罚法 Art. 61; REC-7): a WeChat identity bound to a party of
 * the case register after the party consented and confirmed the service address (送达地址确认书) and the officer
 * confirmed the match. Enrolment (`service.invite` …) writes these documents; serving, "我的送达文书", receipts and
 * statements read them through the functions below, never by any other query, so that a withdrawn consent or a
 * changed recipient takes effect everywhere at once.
 *
 * The identity is kept as `saltedRef('service-recipient', openid)`, so these records cannot be joined with the same
 * person's complaints. One binding per party and identity (`_id` = `${partyId}:${recipientRef}`); a new enrolment of
 * the same pair reactivates it through the ledger.
 */
import type { Database } from '../../platform/cloudbase';
import { saltedRef } from '../../platform/crypto';
import { getDoc, findAll } from '../../platform/docs';

export const SERVICE_BINDINGS_COLLECTION = 'serviceBindings';

/** `case`: this case only; `party`: this case and later matters of the party until withdrawn (the party's choice). */
export type BindingScope = 'case' | 'party';

/**
 * active: may receive; withdrawn: the party withdrew consent; replaced: an organisation designated another
 * recipient; revoked: the officer revoked the enrolment. Only `active` confers anything.
 */
export type BindingStatus = 'active' | 'withdrawn' | 'replaced' | 'revoked';

export interface ServiceBindingDoc {
  _id: string;
  _rev: number;
  partyId: string;
  recipientRef: string;
  /** The case the consent was given in; with scope `case` the only case it covers. */
  caseId: string;
  scope: BindingScope;
  status: BindingStatus;
  /** The enrolment (送达地址确认书) this binding came from. */
  enrolmentId: string;
  /** For an organisation: the person acting for it (name only; sealed details stay on the enrolment). */
  actingAs: 'self' | 'representative' | 'agent';
  since: Date;
  endedAt: Date | null;
  /** The unit of the case the consent was given in (scopes staff reads). */
  unitId: string;
}

export const recipientRefOf = (openid: string): string => saltedRef('service-recipient', openid);
export const bindingIdOf = (partyId: string, recipientRef: string): string => `${partyId}:${recipientRef}`;

function covers(binding: ServiceBindingDoc, caseId: string): boolean {
  return binding.status === 'active' && (binding.scope === 'party' || binding.caseId === caseId);
}

/** The caller's active binding for this party in this case, or null (the caller then gets NOT_FOUND). */
export async function bindingFor(
  db: Database,
  openid: string,
  partyId: string,
  caseId: string,
): Promise<ServiceBindingDoc | null> {
  const doc = await getDoc<ServiceBindingDoc>(
    db,
    SERVICE_BINDINGS_COLLECTION,
    bindingIdOf(partyId, recipientRefOf(openid)),
  );
  return doc && covers(doc, caseId) ? doc : null;
}

/** The active recipients of a party for a case: whom `service.issue` may serve electronically (empty: paper). */
export async function recipientsFor(
  db: Database,
  partyId: string,
  caseId: string,
): Promise<ServiceBindingDoc[]> {
  const all = await findAll<ServiceBindingDoc>(db, SERVICE_BINDINGS_COLLECTION, {
    partyId,
    status: 'active',
  });
  return all.filter((b) => covers(b, caseId));
}

/** Every active binding of the caller ("我的送达文书" lists the services of these parties and cases). */
export async function bindingsOfCaller(db: Database, openid: string): Promise<ServiceBindingDoc[]> {
  return findAll<ServiceBindingDoc>(db, SERVICE_BINDINGS_COLLECTION, {
    recipientRef: recipientRefOf(openid),
    status: 'active',
  });
}

/** Every active binding of a party, whatever its scope (a new recipient of an organisation replaces them). */
export async function activeBindingsOfParty(db: Database, partyId: string): Promise<ServiceBindingDoc[]> {
  return findAll<ServiceBindingDoc>(db, SERVICE_BINDINGS_COLLECTION, { partyId, status: 'active' });
}

/** The binding stored for this party and identity, whatever its status (a new enrolment reactivates it). */
export async function storedBinding(
  db: Database,
  partyId: string,
  recipientRef: string,
): Promise<ServiceBindingDoc | null> {
  return getDoc<ServiceBindingDoc>(db, SERVICE_BINDINGS_COLLECTION, bindingIdOf(partyId, recipientRef));
}

/**
 * The party's recipient marker (`serviceRecipients/<partyId>`): which enrolment is the party's current recipient.
 * Every confirmation rewrites it on the revision it read, in the same transaction as the bindings, so two
 * confirmations for one party at the same instant cannot both end active: the second collides on the marker and
 * is taken again on what the first wrote (it then replaces the first), or answers CONFLICT.
 */
export const SERVICE_RECIPIENTS_COLLECTION = 'serviceRecipients';

export interface RecipientMarkerDoc {
  _id: string;
  _rev: number;
  partyId: string;
  enrolmentId: string;
  recipientRef: string;
  since: Date;
}

export async function recipientMarker(db: Database, partyId: string): Promise<RecipientMarkerDoc | null> {
  return getDoc<RecipientMarkerDoc>(db, SERVICE_RECIPIENTS_COLLECTION, partyId);
}
