/**
 * Stands in for the enrolment flow (service.invite → consent → officer's confirmation, built separately): inserts
 * an active binding of the documented shape (server/features/service/bindings.ts) into the emulator's store, so
 * that the serving tests have an enrolled recipient. The lead switches this to the real enrolment once it lands.
 * Call it after the emulator started (the salt of `recipientRefOf` is the emulator's secret).
 */
import tcb from '@cloudbase/node-sdk';
import {
  bindingIdOf,
  recipientRefOf,
  SERVICE_BINDINGS_COLLECTION,
  type BindingScope,
  type BindingStatus,
  type ServiceBindingDoc,
} from '../../server/features/service/bindings';

export async function bindRecipient(input: {
  openid: string;
  partyId: string;
  caseId: string;
  unitId?: string;
  scope?: BindingScope;
  status?: BindingStatus;
}): Promise<ServiceBindingDoc> {
  const recipientRef = recipientRefOf(input.openid);
  const id = bindingIdOf(input.partyId, recipientRef);
  const doc: Omit<ServiceBindingDoc, '_id'> = {
    _rev: 1,
    partyId: input.partyId,
    recipientRef,
    caseId: input.caseId,
    scope: input.scope ?? 'case',
    status: input.status ?? 'active',
    enrolmentId: `enr_test_${id.slice(-8)}`,
    actingAs: 'self',
    since: new Date(),
    endedAt: input.status && input.status !== 'active' ? new Date() : null,
    unitId: input.unitId ?? 'unit_wzwjw',
  };
  const db = tcb.init({ env: process.env.TCB_ENV ?? 'local-emulator' }).database();
  await db.collection(SERVICE_BINDINGS_COLLECTION).doc(id).set(doc);
  return { ...doc, _id: id };
}
