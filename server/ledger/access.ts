/**
 * Access events: views, openings and failed attempts are not state changes, yet who saw what must stay on the
 * record (REC-14: no unauthorised viewing goes unnoticed; REC-16). Each is one insert, with a hash and the MAC,
 * outside any record's chain (it never touches the record's chain head, so reading cannot contend with
 * writing); the sequencer batches them on the `access` chain like state-change events.
 */
import { accessHashInput, type AccessBody } from '../../core/ledger/event';
import type { Database } from '../platform/cloudbase';
import { CURRENT_HASH_ALGORITHM, hashText, randomId } from '../platform/crypto';
import { ledgerMac } from './mac';

export const ACCESS_EVENTS_COLLECTION = 'sys_access_events';

export interface AccessRecord {
  /** What was accessed, `<collection>/<id>`. */
  subject: string;
  /** Salted reference of who accessed it. */
  actor: string;
  action: string;
  at: Date;
}

export async function recordAccess(db: Database, access: AccessRecord): Promise<string> {
  const body: AccessBody = {
    subject: access.subject,
    actor: access.actor,
    action: access.action,
    actedAt: access.at.toISOString(),
    recordedAt: new Date().toISOString(),
    alg: CURRENT_HASH_ALGORITHM,
  };
  const hash = hashText(accessHashInput(body));
  const id = `acc_${randomId(12)}`;
  await db
    .collection(ACCESS_EVENTS_COLLECTION)
    .add({ _id: id, ...body, hash, mac: ledgerMac(hash), batch: null });
  return id;
}
