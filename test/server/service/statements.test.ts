/**
 * The party's statements on a served notice through the functions (REC-7; 行政处罚法 Art. 43, 62, 63, 64): a hearing request
 * within its 5 working days is accepted, one after it is refused with the day it closed (and staff may still accept
 * it for good cause, with the reason); a late statement is accepted and marked late, never refused; a recusal
 * request is accepted at any time before the decision, and none of them after it.
 */
import { allDocs, sdkApp, useSeededEmulator } from '../complaint/helpers';
import { jpegWithGps, SECRET_MAKE } from '../complaint/images';
import { clientUpload } from '../../emulator/storage/helpers';
import { HEAD, OFFICER } from '../case/helpers';
import { servedDocument, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();

describe('statements on a served notice', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('accepts a hearing request within the period (Art. 64(一))', async () => {
    const { serviceId, openid } = await servedDocument(t);
    await t.call.citizen(openid, 'service.open', { serviceId });
    await setClock(t, '2026-06-26T15:00:00.000Z'); // 23:00 in Shanghai on the last day
    const asked = await t.call.citizen(openid, 'service.requestHearing', {
      serviceId,
      reason: '对拟处罚有异议',
    });
    expect(asked).toMatchObject({ ok: true, data: { kind: 'hearing', refused: false, late: false } });
  });

  it('refuses a hearing request after its deadline with the day it closed, but accepts a late statement marked late', async () => {
    const { serviceId, openid } = await servedDocument(t);
    await t.call.citizen(openid, 'service.open', { serviceId });
    await setClock(t, '2026-06-29T02:00:00.000Z');
    const hearing = await t.call.citizen(openid, 'service.requestHearing', { serviceId });
    expect(hearing).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(hearing.error.message).toContain('2026-06-26');

    // Art. 62: statements are heard until the decision; a late one is marked, never refused.
    const statement = await t.call.citizen(openid, 'service.state', {
      serviceId,
      text: '我方已于收到告知书后立即停止相关诊疗活动，请求从轻处罚。',
    });
    expect(statement).toMatchObject({ ok: true, data: { kind: 'statement', late: true } });
  });

  it('lets staff accept a late hearing request for good cause, with the reason recorded', async () => {
    const { serviceId, openid, kase } = await servedDocument(t);
    await t.call.citizen(openid, 'service.open', { serviceId });
    await setClock(t, '2026-06-30T02:00:00.000Z');
    await t.call.citizen(openid, 'service.requestHearing', { serviceId, reason: '住院期间未能及时提出' });
    await t.call.citizen(openid, 'service.state', {
      serviceId,
      text: '住院期间未能及时提出意见，现补充陈述。',
    });
    const listed = await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id });
    expect(listed).toMatchObject({ ok: true });
    const [svc] = listed.data;
    const late = svc.submissions.find((s: any) => s.kind === 'hearing');
    expect(late).toMatchObject({ refused: true, acceptedLate: null });
    expect(svc.submissions.find((s: any) => s.kind === 'statement')).toMatchObject({ late: true });
    const accepted = await t.call.staff(OFFICER, 'service.acceptLateHearing', {
      serviceId,
      submissionId: late.id,
      reason: '当事人住院，有医院证明',
    });
    expect(accepted).toMatchObject({ ok: true });
    expect(accepted.data.submissions.find((s: any) => s.id === late.id).acceptedLate).toMatchObject({
      reason: '当事人住院，有医院证明',
    });
    // The party cannot take a staff step.
    expect(
      await t.call.citizen(openid, 'service.acceptLateHearing', {
        serviceId,
        submissionId: late.id,
        reason: '理由理由理由',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('accepts a recusal request at any time before the decision, long after every period (Art. 43)', async () => {
    const { serviceId, openid } = await servedDocument(t);
    await setClock(t, '2026-08-20T02:00:00.000Z'); // long after every period: recusal has none
    const recusal = await t.call.citizen(openid, 'service.requestRecusal', {
      serviceId,
      reason: '执法人员与我方负责人有亲属关系',
    });
    expect(recusal).toMatchObject({ ok: true, data: { kind: 'recusal', late: false, refused: false } });
  });

  it('refuses recusal and statements once the decision is made (Art. 43, 62: heard until the decision)', async () => {
    const { serviceId, openid, kase } = await servedDocument(t);
    await t.call.citizen(openid, 'service.open', { serviceId });
    await setClock(t, '2026-07-06T02:00:00.000Z');
    const id = kase.id;
    for (const stage of ['investigation', 'priorNotice', 'statement'])
      expect(
        await t.call.staff(OFFICER, 'case.advance', {
          id,
          stage,
          ...(stage === 'statement' ? { statement: { periodEndsAt: '2026-06-26T15:59:59.000Z' } } : {}),
        }),
      ).toMatchObject({ ok: true });
    expect(await t.call.staff(HEAD, 'case.advance', { id, stage: 'legalReview' })).toMatchObject({
      ok: true,
    });
    const decision = {
      docNo: '万卫罚〔2026〕89号',
      date: '2026-07-06',
      type: 'penalty',
      conclusion: '责令停业整顿',
    };
    expect(await t.call.staff(HEAD, 'case.advance', { id, stage: 'decision', decision })).toMatchObject({
      ok: true,
    });
    await setClock(t, '2026-07-06T04:00:00.000Z');
    expect(
      await t.call.citizen(openid, 'service.requestRecusal', {
        serviceId,
        reason: '执法人员与我方有利害关系',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '处罚决定已经作出，不能再申请回避' },
    });
    expect(
      await t.call.citizen(openid, 'service.state', { serviceId, text: '决定作出后补充的陈述内容。' }),
    ).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });

  it('refuses a hearing request where the penalties open no hearing (Art. 63)', async () => {
    const { serviceId, openid } = await servedDocument(t, 'priorNotice', {
      penalties: [{ kind: 'warning' }],
    });
    await t.call.citizen(openid, 'service.open', { serviceId });
    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(got.data.allows).toEqual({ statement: true, hearing: false, recusal: true });
    expect(await t.call.citizen(openid, 'service.requestHearing', { serviceId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
  });

  it("takes photos with a statement from the party's own upload slot, stripped of their metadata", async () => {
    const { serviceId, openid } = await servedDocument(t);
    const slot = (await t.call.citizen(openid, 'service.uploadSlot', { serviceId })).data;
    expect(slot.maxPhotos).toBe(9);
    const photo = (await clientUpload(t.emu, openid, slot.paths[0], jpegWithGps())).body.fileID as string;
    const sent = await t.call.citizen(openid, 'service.state', {
      serviceId,
      text: '现场照片显示整改已完成。',
      photos: [photo],
    });
    expect(sent).toMatchObject({ ok: true, data: { photos: 1, late: false } });
    const stored = (await allDocs('services')).find((s) => s._id === serviceId);
    const [kept] = stored.submissions[0].photos;
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bytes = (await sdkApp().downloadFile({ fileID: kept.fileID })).fileContent as Buffer;
    expect(bytes.toString('latin1')).not.toContain(SECRET_MAKE);

    // Someone else's upload is refused, naming the photo.
    const other = 'o-party-other-uploader';
    const otherSlot = (await t.call.citizen(other, 'complaint.uploadPrefix')).data;
    const foreign = (await clientUpload(t.emu, other, otherSlot.paths[0], jpegWithGps())).body.fileID;
    expect(
      await t.call.citizen(openid, 'service.state', {
        serviceId,
        text: '他人的照片不应被接受。',
        photos: [foreign],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.photos.0': '只能提交您本人刚上传的图片' } },
    });
  });

  it('answers NOT_FOUND to another identity sending a statement', async () => {
    const { serviceId } = await servedDocument(t);
    expect(
      await t.call.citizen('o-party-stranger', 'service.state', { serviceId, text: '这是他人的陈述内容。' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the hearing right of a served notice follows the 较大数额 thresholds in force at issue (Art. 63)', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('a fine of 50 000 yuan or more on an organisation opens the hearing; a smaller one does not', async () => {
    // Defaults (server/settings/defaults.ts): 50 000 yuan for an organisation, the test case's party.
    const large = await servedDocument(t, 'priorNotice', {
      penalties: [{ kind: 'fine', amountYuan: 50_000 }],
    });
    await t.call.citizen(large.openid, 'service.open', { serviceId: large.serviceId });
    expect(
      await t.call.citizen(large.openid, 'service.requestHearing', { serviceId: large.serviceId }),
    ).toMatchObject({ ok: true, data: { kind: 'hearing', refused: false } });

    const small = await servedDocument(t, 'priorNotice', {
      penalties: [{ kind: 'fine', amountYuan: 20_000 }],
    });
    await t.call.citizen(small.openid, 'service.open', { serviceId: small.serviceId });
    const got = await t.call.citizen(small.openid, 'service.get', { serviceId: small.serviceId });
    expect(got.data.allows.hearing).toBe(false);
    expect(
      await t.call.citizen(small.openid, 'service.requestHearing', { serviceId: small.serviceId }),
    ).toMatchObject({ ok: false });
  });
});
