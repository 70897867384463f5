/**
 * Electronic service end to end through the actions only (REC-7, PUB-5; 行政处罚法 Art. 61-64): the officer invites,
 * the party enters the code, is identified, consents (accepting the subscribe message) and the officer confirms with
 * the signed 确认书 and its AV; the document is served and the party is told through the outbox (one subscribe
 * message to the recipient's openid, one SMS with the link and nothing about the case or party); the party opens
 * and acknowledges it, reads the receipt and requests a hearing; the organisation then designates another recipient
 * and the old identity gets NOT_FOUND and no notice of the next document.
 */
import { createHash } from 'node:crypto';
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { OFFICER, organisation } from '../case/helpers';
import { invite, registerConfirmation } from './enrol-helpers';
import { caseWithDocument, documentOnCase, newPartyOpenid, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PHONE = '13812345678';

const deliver = () => t.emu.post('/timer/scheduler');
const smsSent = async () => (await t.emu.get('/_emulator/sms')).body.items as any[];
const subscribeSends = async () =>
  ((await t.emu.get('/_emulator/outbox')).body.items as any[]).filter(
    (r) => r.path === '/cgi-bin/message/subscribe/send' && !r.fault,
  );
const noticeRows = async (serviceId: string) =>
  (await allDocs('sys_outbox')).filter((r) => String(r._id).startsWith(`ob_${serviceId}_`));

/** The party's steps on the phone, each through its action; answers the enrolment id. */
async function enrolThroughActions(
  caseId: string,
  party: { name: string; idNo: string },
  openid: string,
  acting: Record<string, string>,
) {
  const inv = await invite(t.call, caseId);
  const start = await t.call.citizen(openid, 'service.enrolStart', { enrolmentId: inv.enrolmentId });
  expect(start).toMatchObject({ ok: true, data: { status: 'invited', caseNo: null, partyName: null } });
  expect(
    await t.call.citizen(openid, 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: inv.code }),
  ).toMatchObject({ ok: true, data: { status: 'codeEntered' } });
  const identified = await t.call.citizen(openid, 'service.enrolIdentify', {
    enrolmentId: inv.enrolmentId,
    name: party.name,
    creditCode: party.idNo,
    ...acting,
  });
  // The page asks for the subscribe message with this template (one-time: no long-term template configured).
  expect(identified).toMatchObject({
    ok: true,
    data: { status: 'identified', noticeTemplate: { kind: 'oneTime', templateId: expect.any(String) } },
  });
  const consented = await t.call.citizen(openid, 'service.consent', {
    enrolmentId: inv.enrolmentId,
    scope: 'party',
    phone: PHONE,
    agreed: true,
    subscribe: 'accept',
  });
  expect(consented).toMatchObject({
    ok: true,
    data: { status: 'consented', phoneMasked: '138****5678', subscribeGrant: 'oneTime' },
  });
  const records = await registerConfirmation(t.call, caseId);
  const confirmed = await t.call.staff(OFFICER, 'service.confirm', {
    enrolmentId: inv.enrolmentId,
    ...records,
  });
  expect(confirmed).toMatchObject({ ok: true, data: { status: 'active' } });
  return inv.enrolmentId;
}

describe('electronic service end to end', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('enrol, serve, notify, open, acknowledge, receipt, hearing; a new recipient shuts the old one out', async () => {
    const party = organisation('某某医疗美容门诊部有限公司');
    const { kase, recordId, bytes } = await caseWithDocument(t, 'priorNotice', undefined, { party });
    const first = newPartyOpenid();
    await enrolThroughActions(kase.id, party, first, { actingAs: 'representative', actingName: '王某某' });

    const issued = await t.call.staff(OFFICER, 'service.issue', {
      recordId,
      penalties: [{ kind: 'suspendBusiness' }],
    });
    expect(issued).toMatchObject({ ok: true, data: { state: 'served', fileSha256: sha(bytes) } });
    const serviceId = issued.data.id as string;

    // The notices are in the service's own commit, addressed to the active recipient only.
    const rows = await noticeRows(serviceId);
    expect(rows.map((r) => r.kind).sort()).toEqual(['sms', 'subscribeMessage']);
    const smsBefore = (await smsSent()).length;
    await deliver();
    const sms = (await smsSent()).slice(smsBefore);
    expect(sms).toEqual([
      expect.objectContaining({
        phone: PHONE,
        params: ['行政处罚事先告知书', expect.stringMatching(/^https:/)],
      }),
    ]);
    // Nothing about the case or the party in the SMS beyond the number it goes to.
    const smsText = JSON.stringify(sms[0]);
    for (const secret of [party.name, party.idNo, kase.caseNo, '王某某'])
      expect(smsText).not.toContain(secret);
    const toFirst = (await subscribeSends()).filter((r) => r.body?.touser === first);
    expect(toFirst).toHaveLength(1);
    expect(toFirst[0].body.page).toBe(`pages/service/document/index?id=${serviceId}`);
    // Delivered: the addresses are dropped from the outbox rows.
    const done = await noticeRows(serviceId);
    expect(done.every((r) => r.payload.touser == null && r.payload.phone == null)).toBe(true);
    await deliver();
    expect((await smsSent()).length).toBe(smsBefore + 1);

    // The party: arrival, opening (read receipt), acknowledgement, receipt, hearing request.
    const mine = await t.call.citizen(first, 'service.mine');
    expect(mine.data).toEqual({
      items: [expect.objectContaining({ id: serviceId, state: 'served' })],
      nextCursor: null,
    });
    const opened = await t.call.citizen(first, 'service.open', { serviceId });
    expect(opened).toMatchObject({ ok: true, data: { fileSha256: sha(bytes) } });
    expect(await t.call.citizen(first, 'service.acknowledge', { serviceId })).toMatchObject({
      ok: true,
      data: { state: 'acknowledged', serviceDate: '2026-06-18' },
    });
    const receipt = await t.call.citizen(first, 'service.receipt', { serviceId });
    expect(receipt).toMatchObject({ ok: true, data: { fileSha256: sha(bytes) } });
    const hearing = receipt.data.deadlines.find((d: any) => d.id === 'hearing');
    // Art. 64(一): 5 working days across the Dragon Boat holiday (06-19..21).
    expect(hearing).toMatchObject({ due: '2026-06-26' });
    expect(
      await t.call.staff(OFFICER, 'service.verifyReceipt', {
        receiptNo: receipt.data.receiptNo,
        fileSha256: sha(bytes),
      }),
    ).toMatchObject({ ok: true, data: { ok: true } });
    expect(await t.call.citizen(first, 'service.requestHearing', { serviceId })).toMatchObject({ ok: true });
    const ofCase = await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id });
    const served = ofCase.data.find((v: any) => v.id === serviceId);
    expect(served.submissions).toEqual([expect.objectContaining({ kind: 'hearing', late: false })]);

    // The organisation designates another person (an agent): the old identity loses access at once.
    const second = newPartyOpenid();
    await enrolThroughActions(kase.id, party, second, {
      actingAs: 'agent',
      actingName: '李某某',
      authorisation: '授权委托书（2026年6月18日）',
    });
    for (const action of ['service.get', 'service.open', 'service.receipt']) {
      expect(await t.call.citizen(first, action, { serviceId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(await t.call.citizen(first, 'service.mine')).toEqual({
      ok: true,
      data: { items: [], nextCursor: null },
    });
    expect(await t.call.citizen(second, 'service.get', { serviceId })).toMatchObject({ ok: true });

    // The next document reaches the new recipient only.
    const decision = await documentOnCase(t, kase.id, 'penaltyDecision');
    const next = await t.call.staff(OFFICER, 'service.issue', {
      recordId: decision,
      penalties: [{ kind: 'fine', amountYuan: 5000 }],
    });
    expect(next).toMatchObject({ ok: true });
    const nextRows = await noticeRows(next.data.id);
    expect(nextRows.filter((r) => r.kind === 'subscribeMessage').map((r) => r.payload.touser)).toEqual([
      second,
    ]);
    await deliver();
    expect((await subscribeSends()).filter((r) => r.body?.touser === first)).toHaveLength(1);
  });

  it('a withdrawn recipient is not served and told nothing', async () => {
    const party = organisation('某某养生馆有限公司');
    const { kase, recordId } = await caseWithDocument(t, 'priorNotice', undefined, { party });
    const openid = newPartyOpenid();
    const enrolmentId = await enrolThroughActions(kase.id, party, openid, {
      actingAs: 'representative',
      actingName: '王某某',
    });
    expect(await t.call.citizen(openid, 'service.withdrawConsent', { enrolmentId })).toMatchObject({
      ok: true,
    });
    const outboxBefore = (await allDocs('sys_outbox')).length;
    expect(
      await t.call.staff(OFFICER, 'service.issue', { recordId, penalties: [{ kind: 'suspendBusiness' }] }),
    ).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect((await allDocs('sys_outbox')).length).toBe(outboxBefore);
  });
});
