/**
 * Disclosure rules (PUB-8, seed Art. 17): a minor's entry is never published; flagged entries
 * are withheld with the reason; a natural person's penalty that reveals health is held for privacy by default;
 * only commercial secrets and privacy may be overridden, with the principal's approval, a written reason and the
 * impact assessment (个人信息保护法 Art. 55).
 */
import {
  birthDateOf,
  disclosureOf,
  isMinorOn,
  overrideAllowed,
  partyIsMinor,
  withholdRefusal,
} from '../../../core/publication/disclosure';
import { MINOR_ID, penaltyOfCompany, penaltyOfPerson } from './fixtures';

const override = {
  ground: 'publicInterest' as const,
  reason: '涉及重大公共卫生安全，公开的公共利益明显大于对个人隐私的影响',
  approvedBy: 'staff-principal',
  assessmentId: 'PIA-2026-007',
};

describe('disclosureOf', () => {
  it('publishes an ordinary entry', () => {
    expect(disclosureOf(penaltyOfCompany())).toEqual({ status: 'publishable', overridden: [] });
  });

  it('never publishes a minor, by ID birth date or by flag, whatever override is recorded', () => {
    const byId = penaltyOfPerson({ override });
    byId.party = { ...byId.party, personId: { kind: 'resident', number: MINOR_ID } };
    expect(disclosureOf(byId)).toEqual({ status: 'withheld', reasons: ['minor'], overridable: false });
    const byFlag = penaltyOfCompany({ override });
    byFlag.party = { ...byFlag.party, minor: true };
    expect(disclosureOf(byFlag).status).toBe('withheld');
    expect(withholdRefusal(byId)).toBe('当事人为未成年人，依法不予公开');
  });

  it('reads age at the decision date: an 18th birthday makes an adult', () => {
    expect(birthDateOf({ kind: 'resident', number: MINOR_ID })).toBe('2010-03-02');
    expect(birthDateOf({ kind: 'passport', number: 'E12345678' })).toBeNull();
    expect(isMinorOn('2008-11-20', '2026-11-19')).toBe(true);
    expect(isMinorOn('2008-11-20', '2026-11-20')).toBe(false);
    const adultOnDecision = penaltyOfPerson({ decisionDate: '2028-03-02' });
    adultOnDecision.party = { ...adultOnDecision.party, personId: { kind: 'resident', number: MINOR_ID } };
    expect(partyIsMinor(adultOnDecision)).toBe(false);
  });

  it('withholds flagged entries with every reason recorded', () => {
    const e = penaltyOfCompany({ withhold: { stateSecret: true, commercialSecret: true } });
    expect(disclosureOf(e)).toEqual({
      status: 'withheld',
      reasons: ['stateSecret', 'commercialSecret'],
      overridable: false,
    });
  });

  it('holds a natural person penalty revealing health for privacy, but not an organisation one', () => {
    const health = penaltyOfPerson({ violationType: '传染病病人拒绝隔离治疗' });
    expect(disclosureOf(health)).toEqual({ status: 'withheld', reasons: ['privacy'], overridable: true });
    expect(disclosureOf(penaltyOfCompany({ violationType: '拒绝隔离' })).status).toBe('publishable');
  });

  it('lets only commercial secrets and privacy be overridden, and only with a complete record', () => {
    expect(['commercialSecret', 'privacy'].every((r) => overrideAllowed(r as never))).toBe(true);
    expect(['minor', 'stateSecret', 'securityRisk'].some((r) => overrideAllowed(r as never))).toBe(false);
    const privacy = penaltyOfPerson({ withhold: { privacy: true } });
    expect(disclosureOf(privacy).status).toBe('withheld');
    expect(withholdRefusal(privacy)).toContain('个人信息保护影响评估');
    expect(disclosureOf({ ...privacy, override })).toEqual({
      status: 'publishable',
      overridden: ['privacy'],
    });
    expect(disclosureOf({ ...privacy, override: { ...override, assessmentId: ' ' } }).status).toBe(
      'withheld',
    );
    const mixed = penaltyOfCompany({ withhold: { commercialSecret: true, securityRisk: true }, override });
    expect(disclosureOf(mixed).status).toBe('withheld');
  });
});
