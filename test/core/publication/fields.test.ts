/**
 * Entry fields (PUB-6): the 双公示 fields of penalties and permits, the minimum of the other
 * kinds, each checked with a Chinese message naming the field and never echoing the value.
 */
import { entrySchema } from '../../../core/publication/fields';
import {
  ADULT_ID,
  inspectionOfCompany,
  penaltyOfCompany,
  penaltyOfPerson,
  permitOfBusiness,
} from './fixtures';

const issues = (v: unknown) => {
  const r = entrySchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('entry fields', () => {
  it('accepts a valid entry of each kind', () => {
    for (const e of [penaltyOfPerson(), penaltyOfCompany(), permitOfBusiness(), inspectionOfCompany()]) {
      expect(issues(e)).toEqual([]);
    }
  });

  it('checks the credit code check character and names the field without echoing the code', () => {
    const bad = penaltyOfCompany();
    const code = bad.party.creditCode!;
    const last = code.at(-1) === '0' ? '1' : '0';
    const out = issues({ ...bad, party: { ...bad.party, creditCode: code.slice(0, 17) + last } });
    expect(out).toEqual([
      { path: 'party.creditCode', message: expect.stringContaining('行政相对人统一社会信用代码') },
    ]);
    expect(out[0]!.message).toContain('校验位');
    expect(JSON.stringify(out)).not.toContain(code.slice(0, 17));
  });

  it('checks a natural person ID check digit and names the field', () => {
    const e = penaltyOfPerson();
    const wrong = ADULT_ID.slice(0, 17) + (ADULT_ID.at(-1) === '1' ? '2' : '1');
    const out = issues({ ...e, party: { ...e.party, personId: { kind: 'resident', number: wrong } } });
    expect(out).toEqual([
      { path: 'party.personId.number', message: expect.stringMatching(/^行政相对人证件：.*校验位/) },
    ]);
    expect(JSON.stringify(out)).not.toContain(wrong.slice(0, 10));
  });

  it('takes amounts in 万元 with at most 6 decimals, never negative', () => {
    expect(issues(penaltyOfPerson({ fine: '0.000001' }))).toEqual([]);
    for (const fine of ['0.0000001', '-1', '1,000', '01', 'abc']) {
      expect(issues(penaltyOfPerson({ fine }))).toEqual([
        { path: 'fine', message: '罚款金额应以万元为单位，不能为负数，小数不超过6位' },
      ]);
    }
  });

  it('requires the fine when the categories include 罚款, and real dates in order', () => {
    expect(issues(penaltyOfPerson({ fine: undefined }))).toEqual([
      { path: 'fine', message: '处罚类别含罚款时请填写罚款金额' },
    ]);
    expect(issues(penaltyOfPerson({ decisionDate: '2026-02-30' }))).toEqual([
      { path: 'decisionDate', message: '决定日期应为有效日期（年/月/日）' },
    ]);
    expect(issues(penaltyOfPerson({ publicityUntil: '2026-01-01' }))).toEqual([
      { path: 'publicityUntil', message: '公示截止期不能早于决定日期' },
    ]);
    expect(issues(permitOfBusiness({ validTo: '2026-01-01' }))).toEqual([
      { path: 'validTo', message: '有效期至不能早于有效期自' },
    ]);
  });

  it('asks a natural person for an ID and an organisation for its code and legal representative', () => {
    const p = penaltyOfPerson();
    expect(issues({ ...p, party: { ...p.party, personId: undefined } })).toEqual([
      { path: 'party.personId', message: '自然人应填写行政相对人证件类型和号码' },
    ]);
    const c = penaltyOfCompany();
    expect(issues({ ...c, party: { ...c.party, creditCode: undefined, legalRep: undefined } })).toEqual([
      { path: 'party.creditCode', message: '请填写行政相对人统一社会信用代码' },
      { path: 'party.legalRep', message: '请填写法定代表人' },
    ]);
    const b = permitOfBusiness();
    expect(issues({ ...b, party: { ...b.party, creditCode: c.party.creditCode } })).toEqual([
      { path: 'party.creditCode', message: '个体工商户的统一社会信用代码应以92开头' },
    ]);
  });

  it('names the field of a missing or unknown value in Chinese', () => {
    const { violationType: _, ...rest } = penaltyOfPerson();
    expect(issues(rest)).toEqual([{ path: 'violationType', message: '请填写违法行为类型' }]);
    expect(issues(penaltyOfPerson({ categories: ['打板子' as never] }))).toEqual([
      { path: 'categories.0', message: '处罚类别不在可选范围内' },
    ]);
  });
});
