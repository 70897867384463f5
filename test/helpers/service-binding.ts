/**
 * For tests about serving alone: inserts an active binding of the documented shape
 * (server/features/service/bindings.ts) into the emulator's store, so that a serving test has an enrolled
 * recipient without walking the enrolment. The enrolment flow itself (invite → code → identity → consent →
 * officer's confirmation → serving → notices → replacement of the recipient) is covered end to end in
 * test/server/service/end-to-end.test.ts. A binding made here has no enrolment, hence no notice address: a service
 * issued on it sends no subscribe message or SMS.
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
