/**
 * Checks of a coercive measure (REC-8): full recording (全过程记录制度第十七条第（二）项) and the written
 * approval before the measure, or within 24 hours after it in an emergency (全过程记录制度第十七条第（四）项, 行政强制法第十九条).
 */
import { checkCase, type Finding } from '../../../core/case/checks';
import { at, coercion, penalty } from './fixtures';

const codes = (f: Finding[]) => f.map((x) => `${x.level}:${x.code}`);

describe('a coercive measure recorded and approved as the law requires', () => {
  it('has no findings', () => {
    expect(checkCase(coercion())).toEqual([]);
  });
});

describe('full recording of the measure (全过程记录制度第十七条第（二）项)', () => {
  it('fails a measure with no recording', () => {
    const c = coercion();
    c.records = c.records.filter((r) => r.type !== 'av');
    expect(checkCase(c)).toEqual([
      {
        code: 'avCoercion',
        level: 'failure',
        article: '全过程记录制度第十七条第（二）项',
        message: '实施行政强制措施没有全过程录音录像',
      },
    ]);
  });
  it('fails a recording that does not cover the time of the measure, and its on-site record outside it', () => {
    const c = coercion();
    c.records[0]!.avStart = at('09:45');
    expect(codes(checkCase(c))).toEqual(['failure:docTimeMismatchAv', 'failure:avCoercion']);
  });
  it('fails evidence preserved in a penalty case without a recording of the measure', () => {
    const c = penalty();
    c.records.push({ id: 'hold', type: 'document', docType: 'evidenceHoldDecision', signed: true });
    expect(codes(checkCase(c))).toEqual(['failure:avCoercion']);
  });
});

describe('written approval (全过程记录制度第十七条第（四）项, 行政强制法第十九条)', () => {
  it('fails a measure with no approval, or approved only after it was taken', () => {
    const c = coercion();
    c.coercion = { measureAt: at('09:30') };
    expect(codes(checkCase(c))).toEqual(['failure:coercionApproval']);
    c.coercion = { measureAt: at('09:30'), approvedAt: at('11:00') };
    expect(checkCase(c)[0]!.message).toContain('批准前实施');
  });
  it('accepts an emergency measure approved within 24 hours and fails one approved later', () => {
    const c = coercion();
    c.coercion = { emergency: true, measureAt: at('09:30'), approvedAt: at('08:00', '2026-03-03') };
    c.stages[0]!.actedAt = at('08:00', '2026-03-03'); // the approval stage after the measure is in order here
    c.stages[0]!.recordedAt = at('08:05', '2026-03-03');
    expect(checkCase(c)).toEqual([]);
    c.coercion.approvedAt = at('10:00', '2026-03-03');
    expect(codes(checkCase(c))).toEqual(['failure:coercionApproval']);
  });
  it('only warns while an emergency measure is still within its 24 hours, and fails after them', () => {
    const c = coercion();
    c.coercion = { emergency: true, measureAt: at('09:30') };
    c.now = at('20:00');
    const f = checkCase(c);
    expect(codes(f)).toEqual(['warning:coercionApprovalPending']);
    expect(f[0]!.message).toContain('2026-03-03 09:30');
    c.now = at('09:31', '2026-03-03');
    expect(codes(checkCase(c))).toEqual(['failure:coercionApproval']);
  });
});
