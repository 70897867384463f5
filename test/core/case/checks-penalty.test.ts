/**
 * Checks of a penalty case (REC-4, REC-7): recordings of questioning, hearings, deliberation and
 * service (全过程记录制度第十六条第（二）项、第（四）项), Art. 11's optional recordings as warnings only, and no decision without
 * the prior notice and the party's time to answer (行政处罚法第四十四条、第四十五条、第六十二条).
 */
import { checkCase, type Finding } from '../../../core/case/checks';
import { penalty } from './fixtures';

const codes = (f: Finding[]) => f.map((x) => `${x.level}:${x.code}`);
const doc = (c: ReturnType<typeof penalty>, id: string) => c.records.find((r) => r.id === id)!;

describe('a penalty case recorded and decided as the law requires', () => {
  it('has no findings', () => {
    expect(checkCase(penalty())).toEqual([]);
  });
});

describe('questioning, hearing and deliberation on AV (全过程记录制度第十六条第（二）项)', () => {
  it('fails a questioning record with no recording of the questioning', () => {
    const c = penalty();
    c.records = c.records.filter((r) => r.id !== 'avQ');
    const f = checkCase(c);
    expect(f).toEqual([
      expect.objectContaining({ code: 'avQuestioning', level: 'failure', recordId: 'inq' }),
    ]);
    expect(f[0]!.article).toBe('全过程记录制度第十六条第（二）项');
  });
  it('fails a questioning record whose times lie outside the recording of the questioning', () => {
    const c = penalty();
    doc(c, 'inq').docTimes = ['2026-03-03T10:00:00+08:00', '2026-03-03T11:30:00+08:00'];
    expect(codes(checkCase(c))).toEqual(['failure:docTimeMismatchAv']);
  });
  it('fails a hearing held (a hearing period of the decision clock) without a recording, and a deliberation record without one', () => {
    const c = penalty();
    c.hearingHeld = true;
    c.records.push({ id: 'delib', type: 'document', docType: 'deliberationRecord', signed: true });
    expect(codes(checkCase(c))).toEqual(['failure:avDeliberation', 'failure:avHearing']);
  });
});

describe('service of the four documents (全过程记录制度第十六条第（四）项) and Art. 11 service warnings', () => {
  it('fails serving the prior notice in person without filming it', () => {
    const c = penalty();
    c.records = c.records.filter((r) => r.id !== 'avS');
    expect(checkCase(c)).toEqual([
      expect.objectContaining({
        code: 'avService',
        level: 'failure',
        recordId: 'notice',
        message: '直接送达《行政处罚事先告知书》没有录像',
      }),
    ]);
  });
  it('fails a service time outside the filmed service', () => {
    const c = penalty();
    doc(c, 'notice').service = { at: '2026-03-10T15:00:00+08:00', method: 'leaving' };
    expect(codes(checkCase(c))).toEqual(['failure:avService']);
  });
  it('needs no recording for electronic service, and only warns for an unfilmed announcement', () => {
    const c = penalty();
    doc(c, 'decision').service = { at: '2026-03-24T10:00:00+08:00', method: 'announcement' };
    expect(codes(checkCase(c))).toEqual(['warning:avServiceOther']);
  });
});

describe('optional recordings are warnings only (全过程记录制度第十一条第一款 "根据实际情况")', () => {
  it('warns, and does not fail, for an on-site record with no recording', () => {
    const c = penalty();
    c.records.push({
      id: 'site',
      type: 'document',
      docType: 'siteRecord',
      signed: true,
      docTimes: ['2026-03-03T15:00:00+08:00'],
    });
    const f = checkCase(c);
    expect(codes(f)).toEqual(['warning:avOnSite']);
    expect(f[0]).toMatchObject({ recordId: 'site', article: '全过程记录制度第十一条第一款' });
  });
});

describe('the decision after the prior notice and the statement period (行政处罚法第六十二条)', () => {
  it('fails a decision with no prior notice served, or served after the decision', () => {
    const c = penalty();
    delete c.decision!.priorNoticeServedAt;
    expect(codes(checkCase(c))).toEqual(['failure:priorNoticeMissing']);
    c.decision!.priorNoticeServedAt = '2026-03-24T09:00:00+08:00';
    expect(codes(checkCase(c))).toEqual(['failure:priorNoticeMissing']);
  });
  it('fails a decision on the last day of the statement period unless the party stated or waived in writing', () => {
    const c = penalty();
    c.decision!.date = '2026-03-17';
    c.stages.find((s) => s.stage === 'decision')!.actedAt = '2026-03-17T16:00:00+08:00';
    c.stages = c.stages.filter((s) => s.stage !== 'legalReview');
    expect(codes(checkCase(c))).toEqual(['failure:decisionBeforeStatementEnd']);
    expect(checkCase({ ...c, decision: { ...c.decision!, partyStated: true } })).toEqual([]);
    expect(checkCase({ ...c, decision: { ...c.decision!, waiverInWriting: true } })).toEqual([]);
  });
  it('warns when the statement period was not registered', () => {
    const c = penalty();
    delete c.decision!.statementPeriodEndsAt;
    expect(codes(checkCase(c))).toEqual(['warning:statementPeriodUnknown']);
  });
});

describe('stage times (行政处罚法第四十七条)', () => {
  it('warns about a stage dated before the one the law puts first, and one recorded before it happened', () => {
    const c = penalty();
    const review = c.stages.find((s) => s.stage === 'legalReview')!;
    review.actedAt = '2026-03-24T10:00:00+08:00'; // after the decision of 23 March
    review.recordedAt = '2026-03-24T11:00:00+08:00';
    c.stages.find((s) => s.stage === 'opened')!.recordedAt = '2026-03-01T09:00:00+08:00';
    expect(codes(checkCase(c))).toEqual(['warning:stageOrder', 'warning:stageRecordedBeforeActed']);
  });
});
