/**
 * The public projection (PUB-7 first form, seed Art. 16; 法释〔2016〕19号 Art. 8-10): surname +
 * 某 for a natural person, the organisation's or business's name, and no natural person's full name, ID number,
 * phone or home address anywhere in the view.
 */
import fc from 'fast-check';
import { personPublicName } from '../../../core/publication/names';
import { publicView, withdrawalNotice } from '../../../core/publication/public-view';
import type { PenaltyEntry } from '../../../core/publication/fields';
import {
  inspectionOfCompany,
  ADULT_ID,
  BUSINESS_CODE,
  penaltyOfCompany,
  penaltyOfPerson,
  permitOfBusiness,
  residentId,
} from './fixtures';

describe('personPublicName', () => {
  it('keeps the surname, compound surnames whole, and hides the given name', () => {
    expect(personPublicName('张三丰')).toBe('张某');
    expect(personPublicName('欧阳明远')).toBe('欧阳某');
    expect(personPublicName('诸葛亮')).toBe('诸葛某');
    expect(personPublicName('司马')).toBe('司某'); // two characters: surname 司, given name 马
    expect(personPublicName('买买提·艾力')).toBe('买某');
    expect(personPublicName('John Smith')).toBe('J某');
  });
});

describe('publicView', () => {
  it('shows a natural person penalty as a summary with 张某', () => {
    const v = publicView(penaltyOfPerson());
    expect(v).toMatchObject({
      kind: 'penalty',
      docNo: '万卫医罚〔2026〕12号',
      authority: '重庆市万州区卫生健康委员会',
      partyName: '张某',
      partyAddress: null,
      violationType: '非医师行医',
      decision: '没收违法所得0.2万元，并处罚款3万元',
      fine: '3',
      confiscated: '0.2',
      decisionDate: '2026-11-20',
    });
    expect(JSON.stringify(v)).not.toMatch(/张三丰|13912345678|民族路/);
    expect(JSON.stringify(v)).not.toContain('当事人张三丰'); // the facts are not in a summary
  });

  it('shows an organisation by name and never its legal representative', () => {
    const v = publicView(penaltyOfCompany({ content: '对法定代表人李四海予以警告' }));
    expect(v.partyName).toBe('重庆某某酒店管理有限公司');
    expect(v.decision).toBe('对法定代表人李某予以警告');
  });

  it("shows an individual business's address only when staff confirmed business premises", () => {
    const confirmed = publicView(permitOfBusiness());
    expect(confirmed.partyAddress).toBe('重庆市万州区太白路88号');
    // The operator's name inside the registered name is reduced to the surname.
    expect(confirmed.partyName).toBe('万州区王某理发店');
    expect(confirmed.certificate?.no).toBe('万卫公证字〔2026〕第0101号');
    const home = permitOfBusiness();
    home.party = { ...home.party, premisesConfirmed: false };
    expect(publicView(home).partyAddress).toBeNull();
    expect(JSON.stringify(publicView(home))).not.toContain('太白路88号');
  });

  it('scrubs ID- and phone-shaped numbers from copied text', () => {
    const v = publicView(
      penaltyOfCompany({ content: `联系人电话 13800001111，证件 ${ADULT_ID}，座机023-63801234` }),
    );
    expect(v.decision).toBe('联系人电话 ＊＊，证件 ＊＊，座机＊＊');
    const wide = ADULT_ID.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(publicView(penaltyOfCompany({ content: `证件${wide}` })).decision).toBe('证件＊＊');
  });

  it('summarises the other kinds by category and conclusion', () => {
    expect(publicView(inspectionOfCompany())).toMatchObject({
      kind: 'inspection',
      kindLabel: '行政检查',
      categories: ['双随机抽查'],
      decision: '未发现问题',
      fine: null,
      certificate: null,
    });
  });

  it('keeps only document number, date and reason in a withdrawal notice', () => {
    const n = withdrawalNotice(penaltyOfPerson(), '2026-12-01', '经复议，撤销对张三丰的处罚决定');
    expect(n).toEqual({
      docNo: '万卫医罚〔2026〕12号',
      withdrawnOn: '2026-12-01',
      reason: '经复议，撤销对张某的处罚决定',
    });
  });
});

// Names from characters that never occur in the fixed texts below, and never 某.
const nameChar = fc.constantFrom(
  ...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎'.split(
    '',
  ),
);
const fullName = fc.oneof(
  fc.array(nameChar, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
  fc.array(nameChar, { minLength: 1, maxLength: 2 }).map((a) => `欧阳${a.join('')}`),
);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const idNumber = fc
  .tuple(fc.constantFrom('500103', '110101', '440305'), fc.integer({ min: 1950, max: 2005 }), digits(7))
  .map(([area, year, rest]) => residentId(`${area}${year}0101${rest.slice(0, 3)}`));
const phone = fc.tuple(fc.constantFrom('138', '139', '150', '186'), digits(8)).map(([p, r]) => p + r);
const address = fc
  .tuple(fc.constantFrom('民生路', '临江路', '中山四路'), fc.integer({ min: 1, max: 999 }))
  .map(([r, n]) => `重庆市万州区${r}${n}号附${n}号`);
/** Free text that may carry some of the personal data (a careless copy from the decision): the view must scrub it. */
const carrier = (secrets: string[]) => fc.subarray(secrets).map((s) => `经查${s.join('，')}违反规定`);

const entry = fc
  .record({ name: fullName, rep: fullName, id: idNumber, tel: phone, home: address, isPerson: fc.boolean() })
  .chain((p) =>
    fc
      .tuple(carrier([p.name, p.id, p.tel, p.home]), carrier([p.name, p.tel]), carrier([p.rep, p.id, p.home]))
      .map(([a, b, c]) => {
        const base = p.isPerson ? penaltyOfPerson() : penaltyOfCompany();
        const e: PenaltyEntry = {
          ...base,
          party: p.isPerson
            ? {
                category: 'person',
                name: p.name,
                personId: { kind: 'resident', number: p.id },
                phone: p.tel,
                address: p.home,
              }
            : {
                category: 'individualBusiness',
                name: `万州区${p.rep}诊所`,
                creditCode: BUSINESS_CODE,
                legalRep: p.rep,
                legalRepId: { kind: 'resident', number: p.id },
                phone: p.tel,
                address: p.home,
                premisesConfirmed: false,
              },
          violationType: a,
          basis: b,
          content: c,
          docNo: `万卫罚〔2026〕${p.tel.slice(-3)}号`,
        };
        return { e, forbidden: [p.isPerson ? p.name : p.rep, p.id, p.tel, p.home] };
      }),
  );

describe('publicView never carries personal data (property)', () => {
  it('for random entries, no natural person full name, ID number, phone or home address appears', () => {
    fc.assert(
      fc.property(entry, ({ e, forbidden }) => {
        const json = JSON.stringify(publicView(e));
        for (const secret of forbidden) expect(json).not.toContain(secret);
      }),
      { numRuns: 500 },
    );
  });
});
