/**
 * A case-register decision as a publication entry (PUB-6, PUB-10, PUB-12; seed publicity Art. 15, 24): its kind,
 * its due date (7 working days for penalties, 20 for the rest, the entry's own clock), the 万元 amounts, and the
 * draft the register fills with what is still missing named in Chinese (never a value).
 */
import { createCalendar } from '../../../core/calendar';
import { residentCheckChar, usccCheckChar } from '../../../core/party/ids';
import {
  draftFromDecision,
  entryKindOfDecision,
  publicationDueOf,
  yuanToWan,
  type RegisterDecision,
} from '../../../core/publication/from-decision';

const calendar = createCalendar();
const ID = '50010119820516341' + residentCheckChar('50010119820516341');
const USCC = '91500101MA61R3579' + usccCheckChar('91500101MA61R3579');

/** The enforcement unit's code as the organisation model holds it (fictional, check character valid). */
const UNIT_CODE = '12500101MB0N83515C';

const base = (over: Partial<RegisterDecision> = {}): RegisterDecision => ({
  caseKind: 'penalty',
  cause: '未取得医师执业证书擅自执业',
  unitId: 'unit_enforcement',
  sectionId: 'sec_dept_1',
  unitName: '区卫生健康综合行政执法支队',
  unitCreditCode: UNIT_CODE,
  decision: {
    docNo: '万卫罚〔2026〕2号',
    date: '2026-11-02',
    type: 'penalty',
    conclusion: '没收违法所得人民币一千二百元，并处罚款人民币三万元',
    amounts: { fine: 30000, confiscated: 1200 },
  },
  party: {
    kind: 'person',
    name: '陈建华',
    idKind: 'resident',
    idNo: ID,
    legalRepresentative: null,
    address: '重庆市万州区沙龙路二段8号3-1',
  },
  publicityUntil: '2027-11-02',
  ...over,
});

describe('a decision’s entry kind and due date (PUB-12)', () => {
  it('makes penalties of penalty and confiscation decisions, coercion of a coercion case, else another result', () => {
    expect(entryKindOfDecision('penalty', 'penalty')).toBe('penalty');
    expect(entryKindOfDecision('penalty', 'confiscation')).toBe('penalty');
    expect(entryKindOfDecision('penalty', 'noPenalty')).toBe('inspection');
    expect(entryKindOfDecision('coercion', 'seizure')).toBe('coercion');
    expect(entryKindOfDecision('coercion', 'release')).toBe('coercion');
  });

  it('is due 7 working days after a penalty (across the National Day holiday), 20 after the rest', () => {
    expect(publicationDueOf(calendar, 'penalty', '2026-09-29')).toBe('2026-10-14');
    expect(publicationDueOf(calendar, 'coercion', '2026-11-02')).toBe('2026-11-30');
  });

  it('converts 元 to 万元 exactly, to the fen', () => {
    expect(yuanToWan(30000)).toBe('3');
    expect(yuanToWan(1200)).toBe('0.12');
    expect(yuanToWan(25000.5)).toBe('2.50005');
    expect(yuanToWan(0.01)).toBe('0.000001');
  });
});

describe('the draft from the register (PUB-6)', () => {
  it('fills a natural person’s penalty and lists only what the register does not hold', () => {
    const { entry, missing } = draftFromDecision(base());
    expect(entry).toMatchObject({
      kind: 'penalty',
      docNo: '万卫罚〔2026〕2号',
      decisionDate: '2026-11-02',
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_1',
      violationType: '未取得医师执业证书擅自执业',
      categories: ['罚款', '没收违法所得'],
      fine: '3',
      confiscated: '0.12',
      validUntil: '2099-12-31',
      publicityUntil: '2027-11-02',
      party: { category: 'person', name: '陈建华', personId: { kind: 'resident', number: ID } },
    });
    // The authority's and data source's codes come from the organisation model (the deciding unit's).
    expect(entry).toMatchObject({ authorityCode: UNIT_CODE, sourceUnitCode: UNIT_CODE });
    expect(missing.map((m) => m.path).sort()).toEqual(['basis', 'facts']);
    for (const m of missing) {
      expect(m.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(m.message).not.toContain(ID);
    }
  });

  it('puts an organisation’s code and representative in their fields, and a coercion as category and conclusion', () => {
    const { entry, missing } = draftFromDecision(
      base({
        caseKind: 'coercion',
        decision: { docNo: '万卫强〔2026〕2号', date: '2026-11-02', type: 'seizure', conclusion: '查封' },
        party: {
          kind: 'organisation',
          name: '重庆万州悦来宾馆有限公司',
          idKind: 'uscc',
          idNo: USCC,
          legalRepresentative: '冉光明',
          address: null,
        },
      }),
    );
    expect(entry).toMatchObject({
      kind: 'coercion',
      category: '查封、扣押',
      conclusion: '查封',
      party: { category: 'organisation', creditCode: USCC, legalRep: '冉光明' },
    });
    expect(missing).toEqual([]);
  });

  it('asks for the authority’s codes when the organisation model has none for the unit', () => {
    const { entry, missing } = draftFromDecision(base({ unitCreditCode: null }));
    expect(entry).toMatchObject({ authorityCode: '', sourceUnitCode: '' });
    expect(missing.map((m) => m.path).sort()).toEqual(['authorityCode', 'basis', 'facts', 'sourceUnitCode']);
  });

  it('asks for the ID of an unregistered operator, who has none in the register', () => {
    const { entry, missing } = draftFromDecision(
      base({
        party: {
          kind: 'unregistered',
          name: '某某路流动摊点经营者',
          idKind: 'none',
          idNo: null,
          legalRepresentative: null,
          address: null,
        },
      }),
    );
    expect(entry.party.category).toBe('person');
    expect(missing.map((m) => m.path)).toContain('party.personId');
  });
});
