/**
 * Registering a document from the phone (REC-2, REC-3): a photo taken with wx.chooseMedia goes to the path
 * record.uploadSlot answers (the officer's own quarantine folder) and record.register is sent with its fileID and
 * the document's details, checked with the contract's schema first; the page then goes back to the case.
 */
import { DOCUMENT_TYPES } from '../../core/case/stages';
import { CASE_ID } from './case-fixtures';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const SLOT = 'quarantine/demo-officer-1/upl_abc/1';

it('uploads the photo to its slot and registers the document with its fileID', async () => {
  harness.answer = (c) =>
    c.event.action === 'record.uploadSlot'
      ? { ok: true, data: { path: SLOT, uploadBy: '2026-11-30T03:00:00.000Z' } }
      : { ok: true, data: { id: `rec_${'1'.repeat(24)}` } };
  const p = await harness.render('pages/case/record/index', { query: { caseId: CASE_ID } });
  await p.page.evaluate((slot) => {
    const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
    wx.chooseMedia = (o: any) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/page1.jpg' }] });
    wx.cloud.uploadFile = (o: any) => {
      if (o.cloudPath !== slot) o.fail({ errMsg: 'wrong path' });
      else o.success({ fileID: `cloud://env.bucket/${o.cloudPath}` });
      return { onProgressUpdate() {} };
    };
  }, SLOT);
  await p.invoke('onField', typed('询问笔录', 'title'));
  await p.invoke('onField', typed('2026-11-27', 'workEnded.date'));
  await p.invoke('onField', typed('11:00', 'workEnded.time'));
  await p.invoke('onDocType', { detail: { value: '1' } });
  await p.invoke('onSigned', tap({ value: 'yes' }));
  await p.invoke('onChooseMedia');
  expect(await p.text()).toContain('已上传：照片');
  await p.invoke('onSubmit');
  const sent = calls.find((c) => c.event.action === 'record.register')?.event.payload as Record<string, any>;
  expect(sent).toMatchObject({
    caseId: CASE_ID,
    type: 'document',
    title: '询问笔录',
    workEndedAt: '2026-11-27T11:00:00+08:00',
    fileID: `cloud://env.bucket/${SLOT}`,
    document: { docType: Object.keys(DOCUMENT_TYPES)[1], signed: true, docTimes: [] },
  });
  expect(sent.sha256).toBeUndefined();
  expect((await p.effects()).map((e) => e.api)).toContain('showToast');
});
