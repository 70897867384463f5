/** The rights and duties each document carries (PUB-5, REC-7). */
import { hearingApplies, rightsFor, type PenaltyKind, type RightsContext } from '../../../core/service';
import { SETTINGS, THRESHOLDS } from './settings';

const ids = (context: RightsContext, docType: Parameters<typeof rightsFor>[0]) =>
  rightsFor(docType, context).map((r) => r.id);

describe('hearing right: only the penalties of 行政处罚法 Art. 63', () => {
  const base = { settings: SETTINGS, hearingThresholds: THRESHOLDS };

  it.each<PenaltyKind>([
    'lowerQualification',
    'revokeLicence',
    'suspendBusiness',
    'close',
    'restrictPractice',
    'otherHeavy',
  ])('%s opens the hearing right whatever the amount', (kind) => {
    expect(hearingApplies({ ...base, penalties: [{ kind }] })).toBe(true);
  });

  it.each<PenaltyKind>(['warning', 'publicCriticism', 'suspendLicence', 'restrictBusiness'])(
    '%s alone opens no hearing right',
    (kind) => {
      expect(hearingApplies({ ...base, penalties: [{ kind }] })).toBe(false);
    },
  );

  it('a fine opens it from the threshold for the party kind on ("以上" includes the threshold)', () => {
    const fine = (amountYuan: number, partyKind: 'person' | 'organisation') =>
      hearingApplies({ ...base, partyKind, penalties: [{ kind: 'fine', amountYuan }] });
    expect(fine(9_999, 'person')).toBe(false);
    expect(fine(10_000, 'person')).toBe(true);
    expect(fine(99_999, 'organisation')).toBe(false);
    expect(fine(100_000, 'organisation')).toBe(true);
  });

  it('a large confiscation of gains or property opens it too (Art. 63(二))', () => {
    const ctx = (kind: PenaltyKind, amountYuan: number): RightsContext => ({
      ...base,
      partyKind: 'person',
      penalties: [{ kind }, { kind, amountYuan }],
    });
    expect(hearingApplies(ctx('confiscateGains', 10_000))).toBe(true);
    expect(hearingApplies(ctx('confiscateProperty', 9_000))).toBe(false);
  });

  it('without thresholds a fine cannot be judged large: no hearing right from the amount alone', () => {
    expect(
      hearingApplies({ settings: SETTINGS, penalties: [{ kind: 'fine', amountYuan: 10_000_000 }] }),
    ).toBe(false);
  });
});

describe('事先告知书 (priorNotice)', () => {
  it('a small fine: statement (5 working days, late accepted and marked) and recusal, no hearing', () => {
    const rights = rightsFor('priorNotice', {
      settings: SETTINGS,
      hearingThresholds: THRESHOLDS,
      partyKind: 'person',
      penalties: [{ kind: 'fine', amountYuan: 500 }],
    });
    expect(rights.map((r) => r.id)).toEqual(['statement', 'recusal']);
    const [statement, recusal] = rights;
    expect(statement).toMatchObject({
      period: { unit: 'workingDays', count: 5 },
      late: 'acceptedMarkedLate',
    });
    expect(statement?.text).toContain('逾期提出的，在作出处罚决定前仍会受理');
    expect(statement?.article).toContain('第六十二条');
    expect(recusal).toMatchObject({ period: { unit: 'untilDecision' }, start: 'none' });
    expect(recusal?.article).toBe('《中华人民共和国行政处罚法》第四十三条');
  });

  it('the notice may give its own statement period', () => {
    const [statement] = rightsFor('priorNotice', { settings: SETTINGS, statementPeriodDays: 10 });
    expect(statement?.period).toEqual({ unit: 'workingDays', count: 10 });
    expect(statement?.text).toContain('10个工作日内');
  });

  it('a licence revocation adds the hearing request: 5 working days, refused when late', () => {
    const rights = rightsFor('priorNotice', { settings: SETTINGS, penalties: [{ kind: 'revokeLicence' }] });
    expect(rights.map((r) => r.id)).toEqual(['statement', 'hearing', 'recusal']);
    expect(rights[1]).toMatchObject({
      period: { unit: 'workingDays', count: 5 },
      start: 'service',
      late: 'refused',
      article: '《中华人民共和国行政处罚法》第六十三条、第六十四条',
    });
  });
});

describe('行政处罚决定书 (penaltyDecision)', () => {
  it('remedies to the configured review body and court (行政复议法 Art. 20, 24; 行政诉讼法 Art. 46)', () => {
    const [review, litigation] = rightsFor('penaltyDecision', {
      settings: SETTINGS,
      penalties: [{ kind: 'warning' }],
    });
    expect(review).toMatchObject({ id: 'review', period: { unit: 'calendarDays', count: 60 } });
    expect(review?.text).toContain('60日内向重庆市万州区人民政府申请行政复议');
    expect(litigation).toMatchObject({ id: 'litigation', period: { unit: 'months', count: 6 } });
    expect(litigation?.text).toContain('6个月内向依重庆市行政案件集中管辖规定确定的人民法院提起行政诉讼');
  });

  it('a warning carries no payment duties, but review or litigation still does not suspend it (Art. 73 ¶1)', () => {
    expect(ids({ settings: SETTINGS, penalties: [{ kind: 'warning' }] }, 'penaltyDecision')).toEqual([
      'review',
      'litigation',
      'noSuspension',
    ]);
  });

  it('a fine adds the duties: pay in 15 days, surcharge capped at the fine, deferment, no suspension', () => {
    const rights = rightsFor('penaltyDecision', {
      settings: SETTINGS,
      penalties: [
        { kind: 'fine', amountYuan: 3_000 },
        { kind: 'confiscateGains', amountYuan: 800 },
      ],
    });
    expect(rights.map((r) => r.id)).toEqual([
      'review',
      'litigation',
      'payment',
      'surcharge',
      'deferment',
      'noSuspension',
    ]);
    const byId = Object.fromEntries(rights.map((r) => [r.id, r]));
    expect(byId.payment).toMatchObject({ kind: 'duty', period: { unit: 'calendarDays', count: 15 } });
    expect(byId.payment?.text).toContain('3000元');
    expect(byId.payment?.article).toContain('第六十七条');
    expect(byId.surcharge).toMatchObject({ period: { unit: 'afterDue', of: 'payment' }, start: 'afterDue' });
    expect(byId.surcharge?.text).toContain('3%');
    expect(byId.surcharge?.text).toContain('最多3000元');
    expect(byId.surcharge?.text).toContain('复议、诉讼期间不计算加处罚款');
    expect(byId.surcharge?.article).toBe('《中华人民共和国行政处罚法》第七十二条、第七十三条第三款');
    expect(byId.deferment?.article).toContain('第六十六条');
    expect(byId.noSuspension?.article).toContain('第七十三条');
  });

  it('on the spot (当场处罚): review first, litigation only after it (行政复议法 Art. 23)', () => {
    const rights = rightsFor('penaltyDecision', {
      settings: SETTINGS,
      onSpot: true,
      penalties: [{ kind: 'fine', amountYuan: 50 }],
    });
    expect(rights.map((r) => r.id).slice(0, 2)).toEqual(['review', 'litigationAfterReview']);
    expect(rights[0]?.text).toContain('应当先');
    expect(rights[0]?.article).toContain('第二十三条');
    expect(rights.some((r) => r.id === 'litigation')).toBe(false);
  });
});

describe('other documents', () => {
  it('a 催告书 carries the right to state and defend (行政强制法 Art. 35, 36)', () => {
    const [item] = rightsFor('demandNotice', { settings: SETTINGS });
    expect(item).toMatchObject({ id: 'coercionStatement', period: { unit: 'untilDecision' } });
    expect(item?.article).toBe('《中华人民共和国行政强制法》第三十五条、第三十六条');
  });

  it('a seizure decision carries review and litigation, a hearing notice recusal', () => {
    expect(ids({ settings: SETTINGS }, 'sealSeizeDecision')).toEqual(['review', 'litigation']);
    expect(ids({ settings: SETTINGS, onSpot: true }, 'sealSeizeDecision')).toEqual(['review', 'litigation']);
    expect(ids({ settings: SETTINGS }, 'hearingNotice')).toEqual(['recusal']);
  });

  it('a record that is not served for the party carries nothing', () => {
    expect(rightsFor('inquiryRecord', { settings: SETTINGS })).toEqual([]);
  });
});
