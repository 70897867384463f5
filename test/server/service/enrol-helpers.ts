/**
 * Shared by the enrolment tests (docs/service.md; 行政处罚法 Art. 61): a case opened for a fresh organisation, the
 * officer's invitation, the party's steps, and the signed 确认书 and its AV registered in the case register.
 */
import { randomUUID } from 'node:crypto';
import type { callers } from '../complaint/helpers';
import { avRecord, OFFICER, openCase, organisation } from '../case/helpers';

type Call = ReturnType<typeof callers>;

export const newPartyOpenid = () => `o-party-${randomUUID().slice(0, 12)}`;

export async function caseWithOrganisation(call: Call) {
  const party = organisation('某某医疗美容门诊部有限公司');
  const opened = await openCase(call, { party });
  return { ...opened, party };
}

export async function invite(call: Call, caseId: string, as = OFFICER) {
  const res = await call.staff(as, 'service.invite', { caseId });
  expect(res).toMatchObject({ ok: true });
  return res.data as { enrolmentId: string; code: string; scene: string; page: string };
}

/** A code that is not `code` (the next one up, wrapping). */
export const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Code, identity (the legal representative) and consent, as the party does on the phone. */
export async function partyConsents(
  call: Call,
  openid: string,
  enrolmentId: string,
  code: string,
  party: { name: string; idNo: string },
  acting: Record<string, string> = { actingAs: 'representative', actingName: '王某某' },
  consent: Record<string, string> = {},
) {
  expect(await call.citizen(openid, 'service.enrolCode', { enrolmentId, code })).toMatchObject({ ok: true });
  const identified = await call.citizen(openid, 'service.enrolIdentify', {
    enrolmentId,
    name: party.name,
    creditCode: party.idNo,
    ...acting,
  });
  expect(identified).toMatchObject({ ok: true, data: { status: 'identified' } });
  const consented = await call.citizen(openid, 'service.consent', {
    enrolmentId,
    scope: 'party',
    phone: '13800138000',
    agreed: true,
    ...consent,
  });
  expect(consented).toMatchObject({ ok: true, data: { status: 'consented' } });
  return consented.data;
}

/** The signed 确认书 (by reference, with its hash) and the AV of its signing, registered in the case register. */
export async function registerConfirmation(call: Call, caseId: string, as = OFFICER) {
  const end = new Date(Date.now() - 60_000);
  const start = new Date(end.getTime() - 600_000);
  const doc = await call.staff(as, 'record.register', {
    caseId,
    type: 'document',
    title: '送达地址确认书（当事人签署）',
    workEndedAt: end.toISOString(),
    sha256: 'cd'.repeat(32),
    document: { docType: 'serviceAddressConfirmation', docTimes: [end.toISOString()], signed: true },
  });
  expect(doc).toMatchObject({ ok: true });
  const av = await call.staff(as, 'record.register', avRecord(caseId, 'other', start, end));
  expect(av).toMatchObject({ ok: true });
  return { confirmationRecordId: doc.data.id as string, avRecordId: av.data.id as string };
}

/** Invite, consent and confirm: the identity is bound to the case's party. */
export async function enrolled(call: Call, openid = newPartyOpenid()) {
  const kase = await caseWithOrganisation(call);
  const inv = await invite(call, kase.id);
  await partyConsents(call, openid, inv.enrolmentId, inv.code, kase.party);
  const records = await registerConfirmation(call, kase.id);
  const confirmed = await call.staff(OFFICER, 'service.confirm', {
    enrolmentId: inv.enrolmentId,
    ...records,
  });
  expect(confirmed).toMatchObject({ ok: true, data: { status: 'active' } });
  return { kase, inv, openid, records };
}
