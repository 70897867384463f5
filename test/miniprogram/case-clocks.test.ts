/**
 * A case's clocks and record steps rendered in Chromium (REC-5, REC-10): each legal time
 * limit with its due date, what pauses it and how it may be extended (行政处罚法第六十条; 行政强制法第二十五条); a pause
 * for a hearing sent as case.clock; an extension refused to an officer shows the backend's reason; a late
 * hand-over's written reason and its approval, and the approval of a deliberate AV stop, on the record's row
 * (全过程记录制度第十三条、第二十一条).
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { CASE_ID, caseView, record } from './case-fixtures';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const REC = `rec_${'1'.repeat(24)}`;
const AV = `rec_${'3'.repeat(24)}`;
const sent = (action: string) => calls.filter((c) => c.event.action === action).map((c) => c.event.payload);

// Due far ahead, so the late steps are still offered whatever day the test runs.
const lateRecord = record({ lateReason: '检测报告次日才出具', handoverDueDate: '2099-12-31' });
const stopWorkRecord = record({
  id: AV,
  title: '停止音像记录工作记录',
  receivedAt: '2026-11-27T02:00:00.000Z',
  document: { docType: 'stopRecordingRecord', docTimes: [], signed: true },
});

function backend(c: BackendCall) {
  switch (c.event.action) {
    case 'case.get':
      return ok(caseView({ records: [lateRecord, stopWorkRecord] }));
    case 'case.check':
      return ok({ id: CASE_ID, findings: [], failures: 0, warnings: 0 });
    case 'case.clock':
      return ok({ id: CASE_ID, clocks: [] });
    case 'record.approveLate':
    case 'record.approveStop':
      return ok(record());
    default:
      return { ok: false, error: { code: 'INTERNAL', message: '未设置' } };
  }
}

describe('case clocks and record steps', () => {
  it('show each limit with its due date, what pauses it and how it may be extended; a pause is sent', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/detail/index', { query: { id: CASE_ID } });
    const text = await p.text();
    expect(text).toContain('期限 2027年1月31日');
    expect(text).toContain('听证、检测、检验、检疫或者技术鉴定、公告期间不计入');
    expect(text).toContain('经行政机关负责人批准可以延长');
    await p.invoke('onOp', tap({ kind: 'pause', clock: 'decision', subject: '行政处罚决定期限' }));
    await p.invoke('onActSubmit');
    expect(await p.text()).toContain('请选择中止的原因');
    expect(sent('case.clock')).toEqual([]);
    await p.invoke('onPauseReason', tap({ key: 'hearing' }));
    await p.invoke('onActField', typed('当事人申请听证', 'reason'));
    await p.invoke('onActSubmit');
    expect(sent('case.clock')).toEqual([
      { id: CASE_ID, op: 'pause', clock: 'decision', pauseReason: 'hearing', reason: '当事人申请听证' },
    ]);
  });

  it('an extension asked by a role the law does not name shows the refusal in the popup', async () => {
    harness.answer = (c) =>
      c.event.action === 'case.clock'
        ? { ok: false, error: { code: 'FORBIDDEN', message: '延长办案期限须经行政机关负责人批准' } }
        : backend(c);
    const p = await harness.render('pages/case/detail/index', { query: { id: CASE_ID } });
    await p.invoke('onOp', tap({ kind: 'extend', clock: 'decision', subject: '行政处罚决定期限' }));
    expect(await p.text()).toContain('须由行政机关负责人批准');
    await p.invoke('onActField', typed('30', 'days'));
    await p.invoke('onActField', typed('案情复杂需要鉴定', 'reason'));
    await p.invoke('onActSubmit');
    expect(sent('case.clock')[0]).toMatchObject({ op: 'extend', clock: 'decision', days: 30 });
    expect(await p.text()).toContain('延长办案期限须经行政机关负责人批准');
  });

  it("a record's late hand-over reason and a work record of stopping AV show on their rows with their approvals", async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/detail/index', { query: { id: CASE_ID } });
    const text = await p.text();
    expect(text).toContain('延期移交理由：检测报告次日才出具（待分管领导批准）');
    expect(text).toContain('停止录制须经单位负责人批准：待批准');
    await p.invoke('onOp', tap({ kind: 'approveLate', record: REC, subject: '现场笔录' }));
    await p.invoke('onActField', typed('2', 'days'));
    await p.invoke('onActSubmit');
    expect(sent('record.approveLate')).toEqual([{ recordId: REC, days: 2 }]);
    await p.invoke('onOp', tap({ kind: 'approveStop', record: AV, subject: '停止音像记录工作记录' }));
    await p.invoke('onActSubmit');
    expect(sent('record.approveStop')).toEqual([{ recordId: AV }]);
  });
});
