/**
 * Shared by the serving tests (REC-7): a penalty case opened at a set time, a sealed PDF registered as a document
 * record of the case register, an enrolled recipient (test/helpers/service-binding.ts stands in for enrolment
 * where a test is about serving alone; the enrolment flow itself is covered end to end in end-to-end.test.ts),
 * and `service.issue` on it.
 */
import { randomUUID } from 'node:crypto';
import type { useSeededEmulator } from '../complaint/helpers';
import { uploadPhoto } from '../complaint/helpers';
import { OFFICER, openCase } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { sealedPdf } from './signedPdf';

type Ctx = ReturnType<typeof useSeededEmulator>;

/** 10:30 in Shanghai on Thursday 2026-06-18, the day before the Dragon Boat holiday (06-19..21). */
export const SERVED_AT = '2026-06-18T02:30:00.000Z';

export const newPartyOpenid = () => `o-party-${randomUUID().slice(0, 12)}`;

export async function setClock(t: Ctx, iso: string): Promise<void> {
  await t.emu.post('/_emulator/clock', { now: iso });
}

/** A document record whose file is `bytes` (a sealed PDF unless given), registered on the case `caseId`. */
export async function documentOnCase(t: Ctx, caseId: string, docType: string, bytes: Buffer = sealedPdf()) {
  const fileID = await uploadPhoto(t.emu, OFFICER, bytes, `${randomUUID()}.pdf`);
  const now = Date.now();
  const rec = await t.call.staff(OFFICER, 'record.register', {
    caseId,
    type: 'document',
    title: docType === 'penaltyDecision' ? '行政处罚决定书' : '行政处罚事先告知书',
    workEndedAt: new Date(now - 600_000).toISOString(),
    fileID,
    document: {
      docType,
      docNo: `万卫罚告〔2026〕${randomUUID().slice(0, 4)}号`,
      docTimes: [],
      signed: true,
    },
  });
  expect(rec).toMatchObject({ ok: true });
  return rec.data.id as string;
}

/** A case with a document record whose file is `bytes` (a sealed PDF unless given). */
export async function caseWithDocument(
  t: Ctx,
  docType: string,
  bytes: Buffer = sealedPdf(),
  caseOverrides: Record<string, unknown> = {},
) {
  const kase = await openCase(t.call, caseOverrides);
  const recordId = await documentOnCase(t, kase.id, docType, bytes);
  return { kase, recordId, bytes };
}

/** A served document: case, record, enrolled recipient and `service.issue`; answers the ids and the party's openid. */
export async function servedDocument(
  t: Ctx,
  docType = 'priorNotice',
  issue: Record<string, unknown> = { penalties: [{ kind: 'suspendBusiness' }] },
) {
  const { kase, recordId, bytes } = await caseWithDocument(t, docType);
  const openid = newPartyOpenid();
  await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id });
  const issued = await t.call.staff(OFFICER, 'service.issue', { recordId, ...issue });
  expect(issued).toMatchObject({ ok: true });
  return { kase, recordId, bytes, openid, serviceId: issued.data.id as string, issued: issued.data };
}
