/**
 * Display periods per channel (NDRC Order No. 58, 2023): a penalty's
 * tier under the credit-repair rule, its window on the credit platform counted from the decision date, and the
 * commission's carriers' end per kind.
 */
import {
  carrierDisplayUntil,
  creditWindow,
  penaltyTier,
  plusMonths,
  type CarrierPeriods,
  type CreditPeriods,
} from '../../../core/publication/display';

const PERIODS: CreditPeriods = {
  countFrom: 'decision',
  minor: { minMonths: 0, maxMonths: 3 },
  general: { minMonths: 3, maxMonths: 12 },
  serious: { minMonths: 12, maxMonths: 36 },
};
const org = { category: 'organisation' as const };
const person = { category: 'person' as const };

describe('penaltyTier', () => {
  it('a warning, or a fine within the simple-procedure limit (行政处罚法 Art. 51), is minor', () => {
    expect(penaltyTier({ categories: ['警告'], party: org })).toBe('minor');
    expect(penaltyTier({ categories: ['罚款'], fine: '0.3', party: org })).toBe('minor');
    expect(penaltyTier({ categories: ['警告', '罚款'], fine: '0.02', party: person })).toBe('minor');
  });
  it('a larger fine, a confiscation or a lowered qualification is general', () => {
    expect(penaltyTier({ categories: ['罚款'], fine: '0.5', party: org })).toBe('general');
    expect(penaltyTier({ categories: ['罚款'], fine: '0.03', party: person })).toBe('general');
    expect(penaltyTier({ categories: ['没收违法所得'], party: org })).toBe('general');
  });
  it('licence revoked, suspension, closure or restricted practice is serious, whatever else applies', () => {
    for (const c of ['吊销许可证件', '责令停产停业', '责令关闭', '限制从业'] as const) {
      expect(penaltyTier({ categories: ['警告', c], party: org })).toBe('serious');
    }
  });
});

describe('plusMonths', () => {
  it('ends on the same day n months later, or the last day of that month; rest days do not move it', () => {
    expect(plusMonths('2026-11-20', 3)).toBe('2027-02-20');
    expect(plusMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(plusMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(plusMonths('2026-01-31', 36)).toBe('2029-01-31');
  });
});

describe('creditWindow', () => {
  const penalty = { categories: ['罚款'] as const, fine: '0.5', party: org, decisionDate: '2026-11-20' };
  it('counts from the decision date, not the publication (公示期限起点以行政处罚作出时间为准)', () => {
    expect(creditWindow({ ...penalty, categories: ['罚款'] }, PERIODS, '2026-12-01')).toEqual({
      tier: 'general',
      from: '2026-11-20',
      minUntil: '2027-02-20',
      maxUntil: '2027-11-20',
    });
  });
  it('counts from publication only when the settings say so', () => {
    const w = creditWindow(
      { ...penalty, categories: ['吊销许可证件'] },
      { ...PERIODS, countFrom: 'publication' },
      '2026-12-01',
    );
    expect(w).toEqual({
      tier: 'serious',
      from: '2026-12-01',
      minUntil: '2027-12-01',
      maxUntil: '2029-12-01',
    });
  });
});

describe('carrierDisplayUntil', () => {
  const periods: CarrierPeriods = {
    penalty: { minor: 3, general: 12, serious: 36 },
    permit: null,
    coercion: 6,
    inspection: null,
    levy: null,
  };
  it('takes the period for the kind (a penalty for its tier) from the decision date; null is no end', () => {
    expect(carrierDisplayUntil({ kind: 'coercion', decisionDate: '2026-11-20' }, periods)).toBe('2027-05-20');
    expect(carrierDisplayUntil({ kind: 'permit', decisionDate: '2026-11-20' }, periods)).toBeNull();
    expect(
      carrierDisplayUntil(
        { kind: 'penalty', decisionDate: '2026-11-20', categories: ['警告'], party: org },
        periods,
      ),
    ).toBe('2027-02-20');
  });
});
