/**
 * Receipts, paper service and hearing notices through the functions (REC-7, REC-16; 行政处罚法 Art. 61, 64(二)):
 * `service.verifyReceipt` checks a receipt against the ledger and the document hash and names a service record
 * edited behind the system's back; a document not opened within 2 working days is flagged by the scheduler with the
 * day paper service must go out by; a hearing notice refuses a hearing date too close and flags the hearing for
 * rescheduling when the notice was opened after its latest service day.
 */
import { allDocs, sdkApp, useSeededEmulator } from '../complaint/helpers';
import { HEAD, OFFICER } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { caseWithDocument, newPartyOpenid, servedDocument, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();

describe('receipts', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('verifies a receipt against the ledger and the document hash, and names a record edited directly', async () => {
    const { serviceId, openid, bytes } = await servedDocument(t);
    await t.call.citizen(openid, 'service.acknowledge', { serviceId });
    const receipt = (await t.call.citizen(openid, 'service.receipt', { serviceId })).data;

    const ok = await t.call.staff(OFFICER, 'service.verifyReceipt', {
      receiptNo: receipt.receiptNo.toLowerCase(),
      fileSha256: receipt.fileSha256,
    });
    expect(ok).toMatchObject({
      ok: true,
      data: {
        ok: true,
        receiptNo: receipt.receiptNo,
        checks: [
          { name: 'ledger', ok: true },
          { name: 'storedFile', ok: true },
          { name: 'receiptHash', ok: true },
        ],
      },
    });
    expect(ok.data.receipt.times).toEqual(receipt.times);
    expect(bytes.length).toBeGreaterThan(0);

    const wrongHash = await t.call.staff(OFFICER, 'service.verifyReceipt', {
      receiptNo: receipt.receiptNo,
      fileSha256: 'ab'.repeat(32),
    });
    expect(wrongHash.data).toMatchObject({ ok: false, receipt: null });
    expect(wrongHash.data.checks.find((c: any) => c.name === 'receiptHash')).toMatchObject({ ok: false });

    // Moving the acknowledgement behind the system's back breaks the service's chain.
    await sdkApp()
      .database()
      .collection('services')
      .doc(serviceId)
      .update({ acknowledgedAt: new Date('2026-06-17T02:00:00Z') });
    const edited = await t.call.staff(OFFICER, 'service.verifyReceipt', { receiptNo: receipt.receiptNo });
    expect(edited.data.ok).toBe(false);
    expect(edited.data.checks.find((c: any) => c.name === 'ledger')).toMatchObject({ ok: false });
  });

  it('refuses to verify a receipt that does not exist', async () => {
    expect(
      await t.call.staff(OFFICER, 'service.verifyReceipt', { receiptNo: 'SD20260618ABCDEF01' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call.staff(OFFICER, 'service.verifyReceipt', { receiptNo: '12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.receiptNo': '送达凭证编号不正确' } },
    });
  });
});

describe('paper service when a document is not opened (Art. 61)', () => {
  it('flags an unopened document on the working day after the 2-day window, with the day paper must go out by', async () => {
    await setClock(t, SERVED_AT);
    const { serviceId, kase } = await servedDocument(t);
    const opened = await servedDocument(t);
    await t.call.citizen(opened.openid, 'service.open', { serviceId: opened.serviceId });

    await setClock(t, '2026-06-23T08:00:00.000Z'); // the window's last day: not yet
    await t.emu.post('/timer/scheduler', {});
    let svc = (await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id })).data[0];
    expect(svc.paper).toMatchObject({ flagged: false });

    await setClock(t, '2026-06-24T01:00:00.000Z');
    await t.emu.post('/timer/scheduler', {});
    svc = (await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id })).data[0];
    expect(svc).toMatchObject({
      id: serviceId,
      state: 'served',
      paper: { flagged: true, paperBy: '2026-06-30' },
    });
    const other = (await t.call.staff(OFFICER, 'service.ofCase', { caseId: opened.kase.id })).data[0];
    expect(other.paper.flagged).toBe(false);

    const services = await allDocs('services');
    expect(services.find((s) => s._id === serviceId)._wf.acts.map((a: any) => a.step)).toContain('flagPaper');

    const board = await t.call.staff(HEAD, 'dashboard', {});
    expect(JSON.stringify(board)).toContain('须于 2026-06-30 前纸质送达');
  });
});

describe('the not-opened window as a legal setting', () => {
  it('uses the window in force at issue (serviceNotOpenedWorkingDays)', async () => {
    await setClock(t, '2026-09-01T02:00:00.000Z'); // a Tuesday
    const published = await t.call.staff('demo-admin-1', 'settings.publish', {
      values: { serviceNotOpenedWorkingDays: 3 },
    });
    expect(published).toMatchObject({ ok: true });
    const { issued } = await servedDocument(t);
    // 3 working days: 09-02, 03, 04; flagged on Monday 09-07; paper by the 7th working day, 09-10.
    expect(issued.paper).toMatchObject({ openBy: '2026-09-04', flagOn: '2026-09-07', paperBy: '2026-09-10' });
  });
});

describe('the service-date rule pinned at issue', () => {
  it("under 'arrival' the service date is the issue and the dates run at once, whatever the rule becomes later", async () => {
    await setClock(t, '2026-10-12T02:00:00.000Z'); // a Monday
    await t.call.staff('demo-admin-1', 'settings.publish', { values: { serviceDateRule: 'arrival' } });
    const { serviceId, openid, issued } = await servedDocument(t);
    expect(issued).toMatchObject({ dateRule: 'arrival', serviceDate: '2026-10-12' });
    await t.call.staff('demo-admin-1', 'settings.publish', {
      values: { serviceDateRule: 'firstOpenOrAcknowledge' },
    });
    await setClock(t, '2026-10-14T02:00:00.000Z');
    await t.call.citizen(openid, 'service.open', { serviceId });
    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(got.data.serviceDate).toBe('2026-10-12');
    // 10-13, 14, 15, 16, 19.
    expect(got.data.deadlines.find((d: any) => d.id === 'hearing')).toMatchObject({ due: '2026-10-19' });
  });
});

describe('hearing notices (Art. 64(二))', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('refuses a hearing date that leaves less than 7 working days for the notice, naming the latest day', async () => {
    const { kase, recordId } = await caseWithDocument(t, 'hearingNotice');
    await bindRecipient({ openid: newPartyOpenid(), partyId: kase.partyId, caseId: kase.id });
    const refused = await t.call.staff(OFFICER, 'service.issue', { recordId, hearingDate: '2026-06-29' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(refused.error.message).toContain('2026-06-16');
    expect(await t.call.staff(OFFICER, 'service.issue', { recordId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.hearingDate': '请填写听证日期' } },
    });
  });

  it('flags the hearing for rescheduling when the notice is opened after its latest service day', async () => {
    const { kase, recordId } = await caseWithDocument(t, 'hearingNotice');
    const openid = newPartyOpenid();
    await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id });
    const issued = await t.call.staff(OFFICER, 'service.issue', { recordId, hearingDate: '2026-07-10' });
    expect(issued).toMatchObject({
      ok: true,
      data: { hearing: { date: '2026-07-10', latestServiceDay: '2026-06-30', reschedule: false } },
    });
    await setClock(t, '2026-07-01T02:00:00.000Z');
    await t.call.citizen(openid, 'service.open', { serviceId: issued.data.id });
    const [svc] = (await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id })).data;
    expect(svc.hearing).toMatchObject({ reschedule: true });
  });
});
