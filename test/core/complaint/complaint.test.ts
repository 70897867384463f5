/** The complaint domain's pure parts: tracking numbers, masks, lifecycle, clocks, and the shared contract. */
import { createCalendar } from '../../../core/calendar';
import { acceptanceDue, handlingDue, reporterFeedbackDue } from '../../../core/complaint/deadlines';
import { owesReporterFeedback } from '../../../core/complaint/lifecycle';
import { COMPLAINT_WORKFLOW } from '../../../core/complaint/workflow';
import { maskName, maskPhone } from '../../../core/complaint/mask';
import { formatTrackingNo, isTrackingNo } from '../../../core/complaint/tracking-no';
import { complaintRejectInput, complaintSubmitInput } from '../../../core/contract/complaint';
import { issuesToFields, type ValidationIssue } from '../../../core/contract/validation';

const periods = {
  acceptanceWorkingDays: 7,
  reporterFeedbackWorkingDays: 5,
  handlingDays: 60,
  caseDecisionWorkingDays: 15,
  caseDecisionExtensionWorkingDays: 15,
  petitionReplyDays: 15,
  petitionFinishDays: 60,
  petitionExtensionDays: 30,
};

describe('tracking numbers', () => {
  it('carry the Shanghai date and six unambiguous characters, not a sequence', () => {
    const no = formatTrackingNo('2026-11-27', Buffer.from([0, 1, 31, 32, 200, 255]));
    expect(no).toBe('TS20261127-AB9AJ9');
    expect(isTrackingNo(no)).toBe(true);
    expect(isTrackingNo('TS20261127-AB0AJ9')).toBe(false); // 0 is not in the alphabet
    expect(() => formatTrackingNo('2026-11-27', Buffer.from([1, 2]))).toThrow();
  });
});

describe('masks', () => {
  it('keep the first character of a name and hide its length', () => {
    expect(maskName('张三')).toBe('张**');
    expect(maskName('欧阳明远')).toBe('欧**');
    expect(maskName('张')).toBe('**');
  });
  it('show a mobile number as 3-4-4 and a landline with its area code', () => {
    expect(maskPhone('13987654321')).toBe('139****4321');
    expect(maskPhone('023-58123456')).toBe('023******56');
  });
});

describe('lifecycle', () => {
  it('decides acceptance once, closes only accepted matters (the workflow declaration)', () => {
    const from = (step: string) => COMPLAINT_WORKFLOW.steps[step]!.from;
    expect(from('accept')).toEqual(['submitted']);
    expect(from('close')).toEqual(['accepted']);
    expect(from('reply')).toContain('closed');
    expect(COMPLAINT_WORKFLOW.steps.accept!.to).toBe('accepted');
    expect(COMPLAINT_WORKFLOW.steps.reply!.to).toBeUndefined();
  });
  it('owes feedback to real-name reporters only', () => {
    expect(owesReporterFeedback('report', false)).toBe(true);
    expect(owesReporterFeedback('report', true)).toBe(false);
    expect(owesReporterFeedback('complaint', false)).toBe(false);
  });
});

describe('clocks', () => {
  const calendar = createCalendar();
  it('counts acceptance in working days across the National Day holiday', () => {
    // Submitted Tuesday 2026-09-29: 9-30, 10-08, 10-09, the make-up Saturday 10-10, 10-12, 10-13, 10-14 count;
    // the holiday 10-01..10-07 and Sunday 10-11 do not.
    expect(acceptanceDue(calendar, new Date('2026-09-29T10:00:00+08:00'), periods).date).toBe('2026-10-14');
  });
  it('counts reporter feedback from the case decision and handling in calendar days', () => {
    expect(reporterFeedbackDue(calendar, new Date('2026-12-01T10:00:00+08:00'), periods).date).toBe(
      '2026-12-08',
    );
    expect(handlingDue(calendar, new Date('2026-03-02T10:00:00+08:00'), periods).date).toBe('2026-05-06');
  });
});

describe('contract', () => {
  const valid = {
    kind: 'report',
    category: '公共场所',
    subject: { name: '某某足浴店', address: '万州区某某街 1 号' },
    description: '店内毛巾未消毒重复使用，卫生条件很差。',
    contact: { anonymous: true },
  };
  type Parser = {
    safeParse(i: unknown): { success: true } | { success: false; error: { issues: readonly unknown[] } };
  };
  const fields = (input: unknown, schema: Parser = complaintSubmitInput) => {
    const res = schema.safeParse(input);
    return res.success ? {} : issuesToFields(res.error.issues as ValidationIssue[]);
  };

  it('accepts an anonymous report and trims what people type', () => {
    const res = complaintSubmitInput.safeParse({ ...valid, description: `  ${valid.description}  ` });
    expect(res.success && res.data.description).toBe(valid.description);
  });
  it('names each wrong field in Chinese', () => {
    expect(fields({ ...valid, kind: 'complaint' })).toEqual({
      'payload.contact': '投诉须留下真实姓名和联系电话；匿名只适用于举报',
    });
    expect(fields({ ...valid, photos: Array(10).fill('cloud://e.b/quarantine/o/a.jpg') })).toEqual({
      'payload.photos': '最多上传 9 张图片',
    });
    expect(fields({ ...valid, subject: { name: '店', address: '万州区某某街 1 号' } })).toEqual({
      'payload.subject.name': '被投诉举报对象名称至少 2 个字',
    });
    expect(fields({ ...valid, extra: 1 })).toEqual({ 'payload.extra': '提交的内容中不能有此项，请删除' });
    expect(fields({ id: 'cmp_' + 'a'.repeat(24), reason: 'other' }, complaintRejectInput)).toEqual({
      'payload.note': '选择“其他”时须写明理由',
    });
  });
});
