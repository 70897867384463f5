/**
 * Search tokens: an index-backed token field built only from the public view, so a keyword
 * finds party public names, document numbers and violation types, and a natural person's full name finds
 * nothing (PUB-7).
 */
import fc from 'fast-check';
import { publicView } from '../../../core/publication/public-view';
import {
  matchesKeyword,
  normalizeSearchText,
  queryTokens,
  searchTokens,
} from '../../../core/publication/search';
import { ADULT_ID, penaltyOfCompany, penaltyOfPerson } from './fixtures';

const person = searchTokens(publicView(penaltyOfPerson()));
const company = searchTokens(publicView(penaltyOfCompany()));

describe('search tokens', () => {
  it('normalises full-width characters and every bracket form of a document number', () => {
    expect(normalizeSearchText('万卫医罚［２０２６］１２号')).toBe(
      normalizeSearchText('万卫医罚〔2026〕12号'),
    );
    expect(queryTokens('万卫医罚(2026)12号')).toEqual(queryTokens('万卫医罚【2026】12号'));
  });

  it('finds by party public name, document number and violation type, in any bracket form', () => {
    expect(matchesKeyword(person, '张某')).toBe(true);
    expect(matchesKeyword(person, '张')).toBe(true);
    expect(matchesKeyword(person, '卫医罚[2026]12号')).toBe(true);
    expect(matchesKeyword(person, '２０２６')).toBe(true);
    expect(matchesKeyword(person, '非医师')).toBe(true);
    expect(matchesKeyword(company, '酒店管理')).toBe(true);
    expect(matchesKeyword(company, '细菌')).toBe(false); // the facts are not searchable (not in the view)
  });

  it('requires every token: a keyword matching in part is no match', () => {
    expect(matchesKeyword(person, '非医师 酒店')).toBe(false);
    expect(matchesKeyword(person, '202')).toBe(false); // no prefixes of a number
    expect(matchesKeyword(person, '  ')).toBe(false);
  });

  it('finds nothing by a natural person full name, ID number or phone', () => {
    for (const secret of ['张三丰', '三丰', ADULT_ID, '13912345678']) {
      expect(matchesKeyword(person, secret)).toBe(false);
    }
    expect(person.some((t) => t.includes('丰'))).toBe(false);
  });
});

// Names from characters that never occur in the fixed texts of the fixtures, and never 某.
const nameChar = fc.constantFrom(
  ...'赵钱孙李周吴郑冯陈褚蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜戚谢邹喻柏'.split(''),
);

describe('searching a natural person full name finds nothing (property)', () => {
  it('holds for random names, with and without a compound surname', () => {
    const name = fc.oneof(
      fc.array(nameChar, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
      fc.array(nameChar, { minLength: 1, maxLength: 2 }).map((a) => `司马${a.join('')}`),
    );
    fc.assert(
      fc.property(name, (fullName) => {
        const e = penaltyOfPerson();
        e.party = { ...e.party, name: fullName };
        const tokens = searchTokens(publicView(e));
        expect(matchesKeyword(tokens, fullName)).toBe(false);
        // The public name itself is found.
        expect(matchesKeyword(tokens, publicView(e).partyName)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
