/**
 * Serving a document electronically through the functions (REC-7, 行政处罚法 Art. 61): a sealed notice of the case
 * register served on an enrolled party arrives, is opened (read receipt) and acknowledged; its receipt shows the
 * hash, the times and the deadlines; an unsigned file, a file changed after signing and a party without consent
 * are refused at issue; another WeChat identity gets NOT_FOUND.
 */
import { createHash, randomUUID } from 'node:crypto';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { unsignedPdf } from './signedPdf';
import { sealedPdf } from './signedPdf';
import { caseWithDocument, newPartyOpenid, servedDocument, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('service.issue', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('serves a sealed notice: it arrives, is opened and acknowledged, and the service date is the first opening', async () => {
    const { serviceId, openid, bytes, issued } = await servedDocument(t);
    expect(issued).toMatchObject({
      state: 'served',
      fileSha256: sha(bytes),
      signerSubject: 'C=CN, CN=重庆市万州区卫生健康委员会',
      dateRule: 'firstOpenOrAcknowledge',
      times: { issuedAt: expect.any(String), arrivedAt: expect.any(String), firstOpenedAt: null },
      serviceDate: null,
      // Art. 61: not opened within 2 working days → flagged on the next; paper by the 7th working day.
      paper: {
        openBy: '2026-06-23',
        flagOn: '2026-06-24',
        paperBy: '2026-06-30',
        fits: true,
        flagged: false,
      },
    });

    const mine = await t.call.citizen(openid, 'service.mine');
    expect(mine).toMatchObject({
      ok: true,
      data: {
        items: [{ id: serviceId, state: 'served', docTypeLabel: '行政处罚事先告知书' }],
        nextCursor: null,
      },
    });

    const opened = await t.call.citizen(openid, 'service.open', { serviceId });
    expect(opened).toMatchObject({ ok: true, data: { fileSha256: sha(bytes) } });
    const file = await fetch(opened.data.url);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(sha(bytes));

    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(got.data).toMatchObject({ state: 'opened', serviceDate: '2026-06-18' });
    expect(got.data.times.firstOpenedAt).toEqual(expect.any(String));

    const ack = await t.call.citizen(openid, 'service.acknowledge', { serviceId });
    expect(ack).toMatchObject({ ok: true, data: { state: 'acknowledged', serviceDate: '2026-06-18' } });
    expect(ack.data.times.acknowledgedAt).toEqual(expect.any(String));
    // Opening again neither moves the read receipt nor fails.
    const again = await t.call.citizen(openid, 'service.open', { serviceId });
    expect(again).toMatchObject({ ok: true });
    const after = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(after.data.times.firstOpenedAt).toBe(got.data.times.firstOpenedAt);
  });

  it('gives a receipt with the hash, the times and the deadlines: the hearing request ends 2026-06-26 across the Dragon Boat holiday', async () => {
    const { serviceId, openid, bytes } = await servedDocument(t);
    await t.call.citizen(openid, 'service.open', { serviceId });
    const receipt = await t.call.citizen(openid, 'service.receipt', { serviceId });
    expect(receipt).toMatchObject({
      ok: true,
      data: {
        receiptNo: expect.stringMatching(/^SD20260618[0-9A-F]{8}$/),
        fileSha256: sha(bytes),
        docTypeLabel: '行政处罚事先告知书',
        serviceDate: { date: '2026-06-18', by: 'firstOpen' },
        times: {
          issuedAt: expect.any(String),
          arrivedAt: expect.any(String),
          firstOpenedAt: expect.any(String),
        },
      },
    });
    const byId = Object.fromEntries(receipt.data.deadlines.map((d: any) => [d.id, d]));
    // 行政处罚法 Art. 64(一): 5 working days; 06-19..21 are the holiday: 22, 23, 24, 25, 26.
    expect(byId.hearing).toMatchObject({ due: '2026-06-26', provisional: false });
    expect(byId.statement).toMatchObject({ due: '2026-06-26' });
    expect(byId.recusal).toMatchObject({ untilDecision: true, due: null });
    // Staff export the same receipt.
    const staff = await t.call.staff(OFFICER, 'service.staffReceipt', { serviceId });
    expect(staff.data).toEqual(receipt.data);
  });

  it('shows a penalty decision served on 2026-06-18 with the fine due by 2026-07-03 (Art. 67) and the surcharge after', async () => {
    const { serviceId, openid } = await servedDocument(t, 'penaltyDecision', {
      penalties: [{ kind: 'fine', amountYuan: 20000 }],
    });
    await t.call.citizen(openid, 'service.acknowledge', { serviceId });
    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    const byId = Object.fromEntries(got.data.deadlines.map((d: any) => [d.id, d]));
    expect(got.data.serviceDate).toBe('2026-06-18');
    expect(byId.payment).toMatchObject({ kind: 'duty', due: '2026-07-03' });
    expect(byId.surcharge).toMatchObject({ from: '2026-07-04' });
    expect(byId.review.text).toContain('重庆市万州区人民政府');
    expect(got.data.allows).toEqual({ statement: false, hearing: false, recusal: false });
  });

  it('refuses an unsigned file and a file changed after signing, with Chinese messages', async () => {
    const unsigned = await caseWithDocument(t, 'priorNotice', unsignedPdf(false));
    await bindRecipient({
      openid: newPartyOpenid(),
      partyId: unsigned.kase.partyId,
      caseId: unsigned.kase.id,
    });
    expect(await t.call.staff(OFFICER, 'service.issue', { recordId: unsigned.recordId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.recordId': '文件没有电子签章，不能作为送达文书' } },
    });

    const appended = Buffer.concat([sealedPdf(), Buffer.from('\n% changed after signing\n', 'latin1')]);
    const changed = await caseWithDocument(t, 'priorNotice', appended);
    await bindRecipient({ openid: newPartyOpenid(), partyId: changed.kase.partyId, caseId: changed.kase.id });
    const refused = await t.call.staff(OFFICER, 'service.issue', { recordId: changed.recordId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(refused.error.fields['payload.recordId']).toContain('签章后被追加或修改');
  });

  it('refuses a party that has not consented to electronic service: paper service', async () => {
    const { recordId } = await caseWithDocument(t, 'priorNotice');
    expect(await t.call.staff(OFFICER, 'service.issue', { recordId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '未确认电子送达，须纸质送达' },
    });
  });

  it('answers a retried issue once and refuses serving the same document twice', async () => {
    const { kase, recordId } = await caseWithDocument(t, 'priorNotice');
    await bindRecipient({ openid: newPartyOpenid(), partyId: kase.partyId, caseId: kase.id });
    const requestId = randomUUID();
    const first = await t.call.staff(OFFICER, 'service.issue', { recordId }, requestId);
    const retry = await t.call.staff(OFFICER, 'service.issue', { recordId }, requestId);
    expect(first).toMatchObject({ ok: true });
    expect(retry).toEqual(first);
    expect(await t.call.staff(OFFICER, 'service.issue', { recordId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('answers NOT_FOUND to another WeChat identity and after consent is withdrawn', async () => {
    const { serviceId, openid, kase } = await servedDocument(t);
    const stranger = newPartyOpenid();
    for (const action of ['service.get', 'service.open', 'service.receipt', 'service.acknowledge']) {
      expect(await t.call.citizen(stranger, action, { serviceId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    expect(await t.call.citizen(stranger, 'service.mine')).toEqual({
      ok: true,
      data: { items: [], nextCursor: null },
    });
    await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id, status: 'withdrawn' });
    expect(await t.call.citizen(openid, 'service.get', { serviceId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('ends ok for two phones of the party opening and stating at the same moment (never INTERNAL)', async () => {
    const { serviceId, openid } = await servedDocument(t);
    const opens = await Promise.all(
      [1, 2, 3].map(() => t.call.citizen(openid, 'service.open', { serviceId })),
    );
    for (const o of opens) expect(o).toMatchObject({ ok: true });
    const statements = await Promise.all(
      [1, 2, 3].map((n) =>
        t.call.citizen(openid, 'service.state', { serviceId, text: `第 ${n} 份陈述意见内容` }),
      ),
    );
    for (const st of statements) expect(st).toMatchObject({ ok: true });
    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(got.data.submissions).toHaveLength(3);
    expect(got.data.state).toBe('opened');
  });
});
