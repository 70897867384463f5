/**
 * The case detail's clock and record actions, pure (miniprogram/pages/case/detail/actions.ts, view.ts): each legal
 * time limit says what it leaves out and how it may be extended (行政处罚法第六十条; 行政强制法第二十五条: once, by at
 * most 30 days; 行政处罚法第五十六条: no extension), offers pause / resume / extend as its state allows, and the
 * records offer a late hand-over's reason and its approval (REC-10, 全过程记录制度第二十一条) and the approval of a
 * deliberate AV stop (REC-5, 第十三条); each form is checked with the contract's schema.
 */
import type { CaseClockView } from '../../core/contract/case';
import {
  checkAction,
  clockOps,
  emptyAction,
  excludedText,
  extensionText,
  pauseOptions,
  recordOps,
} from '../../miniprogram/pages/case/detail/actions';
import { emptyRecordForm, recordPayloadOf } from '../../miniprogram/pages/case/record/form';
import { caseDetail, clockRow, recordRow } from '../../miniprogram/pages/case/view';
import { CASE_ID, caseView, record } from './case-fixtures';

const TODAY = '2026-11-30';
const REC = `rec_${'1'.repeat(24)}`;

function clock(over: Partial<CaseClockView> = {}): CaseClockView {
  return {
    name: 'decision',
    label: '行政处罚决定期限（立案之日起90日）',
    startedOn: '2026-11-02',
    dueDate: '2027-01-31',
    stoppedOn: null,
    pausedOn: null,
    extendedDays: 0,
    workingDaysLeft: 40,
    ...over,
  };
}

describe('clock rows', () => {
  it('say what each limit leaves out and how it may be extended', () => {
    expect(excludedText('decision')).toBe('听证、检测、检验、检疫或者技术鉴定、公告期间不计入');
    expect(extensionText('decision')).toBe('经行政机关负责人批准可以延长');
    expect(excludedText('coercion')).toBe('检测、检验、检疫或者技术鉴定期间不计入');
    expect(extensionText('coercion')).toBe('经行政机关负责人批准可以延长（只能延长一次，最多 30 日）');
    expect(clockRow(clock({ name: 'evidenceHold', label: '先行登记保存' }), TODAY).extension).toBe(
      '法律未规定延长',
    );
    expect(pauseOptions('coercion').map((o) => o.key)).toEqual(['testing']);
  });

  it('offer pause and extend while running, resume while paused, nothing once stopped', () => {
    expect(clockOps(clock())).toEqual(['pause', 'extend']);
    expect(clockOps(clock({ pausedOn: '2026-11-20' }))).toEqual(['resume']);
    expect(clockOps(clock({ stoppedOn: '2026-11-25' }))).toEqual([]);
    // 行政强制法第二十五条: a seizure's period is extended once.
    expect(clockOps(clock({ name: 'coercion', extendedDays: 30 }))).toEqual(['pause']);
    expect(clockOps(clock({ name: 'evidenceHold' }))).toEqual(['decideHeldEvidence']);
    expect(clockRow(clock(), TODAY).ops.map((o) => o.label)).toEqual(['中止计算', '批准延长期限']);
  });

  it('a penalty case still open may register evidence for preservation unless a hold is running', () => {
    expect(caseDetail(caseView(), TODAY).caseOps.map((o) => o.kind)).toEqual(['holdEvidence']);
    const held = caseView({ clocks: [clock({ name: 'evidenceHold', dueDate: '2026-12-09' })] });
    expect(caseDetail(held, TODAY).caseOps).toEqual([]);
    expect(caseDetail(caseView({ kind: 'inspection' }), TODAY).caseOps).toEqual([]);
  });
});

describe('record steps', () => {
  it('a record not yet handed over asks for the reason, then for its approval, only before its due date', () => {
    expect(recordOps(record(), TODAY)).toEqual(['explainLate']);
    const explained = record({ lateReason: '现场检测报告次日才出具' });
    expect(recordOps(explained, TODAY)).toEqual(['approveLate']);
    expect(recordRow(explained, TODAY).lateReason).toBe(
      '延期移交理由：现场检测报告次日才出具（待分管领导批准）',
    );
    // 细则第二十一条: approved beforehand; once the due date has passed nothing is offered (the backend refuses).
    expect(recordOps(explained, '2026-12-02')).toEqual([]);
    expect(recordOps(record({ lateReason: 'x', lateApproved: true }), TODAY)).toEqual([]);
    expect(recordOps(record({ receivedAt: '2026-11-27T02:00:00.000Z' }), TODAY)).toEqual([]);
  });

  it('a work record of stopping AV awaits the unit head until approved; the recording shows why it stopped', () => {
    const work = record({
      title: '停止音像记录工作记录',
      receivedAt: '2026-11-27T02:00:00.000Z',
      document: { docType: 'stopRecordingRecord', docTimes: [], signed: true },
    });
    expect(recordOps(work, TODAY)).toEqual(['approveStop']);
    expect(recordRow(work, TODAY).stopState).toBe('停止录制须经单位负责人批准：待批准');
    const approved = recordRow(
      { ...work, stopApproval: { by: 'stf_2', at: '2026-11-27T03:00:00.000Z' } },
      TODAY,
    );
    expect(approved.stopState).toBe('单位负责人已批准（2026-11-27 11:00）');
    expect(approved.ops).toEqual([]);
    const av = record({
      type: 'av',
      receivedAt: '2026-11-27T02:00:00.000Z',
      av: {
        device: 'DSJ-01',
        act: 'inquiry',
        start: '2026-11-26T01:00:00.000Z',
        end: '2026-11-26T02:00:00.000Z',
        place: '某某游泳馆',
        location: 'platform://1',
        interruptions: [{ at: '2026-11-26T01:30:00.000Z', stopReason: 'privacy', explanation: '当事人更衣' }],
      },
    } as never);
    expect(recordOps(av, TODAY)).toEqual([]);
    expect(recordRow(av, TODAY).stop).toBe(
      '停止录制：涉及个人隐私：当事人更衣（须有经单位负责人批准的停止音像记录工作记录）',
    );
  });
});

describe('the record form', () => {
  it("sends an interruption's stop reason when the recording was stopped on purpose (REC-5)", () => {
    const form = {
      ...emptyRecordForm('av'),
      interruptions: [
        {
          date: '2026-11-26',
          time: '09:30',
          explanation: '当事人更衣',
          how: 'spoken' as const,
          stopReason: 'privacy' as const,
        },
        { date: '2026-11-26', time: '09:50', explanation: '电量不足', how: 'written' as const },
      ],
    };
    expect((recordPayloadOf(form, CASE_ID).av as { interruptions: unknown[] }).interruptions).toEqual([
      { at: '2026-11-26T09:30:00+08:00', explanation: '当事人更衣', how: 'spoken', stopReason: 'privacy' },
      { at: '2026-11-26T09:50:00+08:00', explanation: '电量不足', how: 'written' },
    ]);
  });
});

describe('action forms', () => {
  it('a pause needs its reason and a written reason; sent as case.clock', () => {
    const bare = checkAction(CASE_ID, { ...emptyAction(), kind: 'pause', clock: 'decision' });
    expect(!bare.ok && bare.errors).toEqual({ pauseReason: '请选择中止的原因', reason: '请填写理由' });
    const ok = checkAction(CASE_ID, {
      ...emptyAction(),
      kind: 'pause',
      clock: 'decision',
      pauseReason: 'hearing',
      reason: '当事人申请听证',
    });
    expect(ok).toEqual({
      ok: true,
      action: 'case.clock',
      payload: {
        id: CASE_ID,
        op: 'pause',
        clock: 'decision',
        pauseReason: 'hearing',
        reason: '当事人申请听证',
      },
    });
  });

  it('an extension takes 1 to 30 days', () => {
    const f = { ...emptyAction(), kind: 'extend' as const, clock: 'coercion', reason: '检验需要更长时间' };
    expect(!checkAction(CASE_ID, f).ok && (checkAction(CASE_ID, f) as { errors: object }).errors).toEqual({
      days: '请填写延长天数',
    });
    const tooMany = checkAction(CASE_ID, { ...f, days: '31' });
    expect(!tooMany.ok && tooMany.errors.days).toBe('延长最多 30 日');
    expect(checkAction(CASE_ID, { ...f, days: '30' })).toMatchObject({
      ok: true,
      payload: { op: 'extend', clock: 'coercion', days: 30 },
    });
  });

  it('a late hand-over reason is written (5 characters at least); its approval takes 1 to 10 working days', () => {
    const short = checkAction(CASE_ID, {
      ...emptyAction(),
      kind: 'explainLate',
      recordId: REC,
      reason: '晚了',
    });
    expect(!short.ok && short.errors.reason).toBe('延期移交理由至少 5 个字');
    expect(checkAction(CASE_ID, { ...emptyAction(), kind: 'approveLate', recordId: REC, days: '2' })).toEqual(
      { ok: true, action: 'record.approveLate', payload: { recordId: REC, days: 2 } },
    );
    const none = checkAction(CASE_ID, { ...emptyAction(), kind: 'approveLate', recordId: REC });
    expect(!none.ok && none.errors.days).toBe('请填写延期的工作日数');
    expect(checkAction(CASE_ID, { ...emptyAction(), kind: 'approveStop', recordId: REC })).toEqual({
      ok: true,
      action: 'record.approveStop',
      payload: { recordId: REC },
    });
  });
});
