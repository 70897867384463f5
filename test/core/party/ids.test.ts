/**
 * Party identifiers (REC-11): the check characters of GB 32100-2015 (统一社会信用代码) and
 * GB 11643-1999 (公民身份号码, ISO 7064 MOD 11-2), and the forms of the other documents. Real published numbers
 * anchor the algorithms (a generator built on the same functions alone would prove nothing); the properties show
 * every generated valid number passes and every single-character change is caught.
 */
import fc from 'fast-check';
import {
  USCC_CHARSET,
  regNoCheckDigit,
  residentCheckChar,
  usccCheckChar,
  validatePartyId,
  type PartyIdKind,
} from '../../../core/party/ids';

const ok = (kind: PartyIdKind, value: string) => validatePartyId(kind, value);
const okValue = (kind: PartyIdKind, value: string) => {
  const r = validatePartyId(kind, value);
  return r.ok ? r.normalized : `FAILED: ${r.message}`;
};

const chars = (alphabet: string, n: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: n, maxLength: n }).map((a) => a.join(''));
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const province = fc.constantFrom('11', '31', '44', '50', '51', '65');

const validUscc = fc
  .tuple(
    fc.constantFrom(...'123456789ANY'.split('')),
    fc.constantFrom(...'123459'.split('')),
    chars('0123456789', 6),
    chars(USCC_CHARSET, 9),
  )
  .map(([a, b, region, org]) => {
    const body = a + b + region + org;
    return body + usccCheckChar(body);
  });
const withCheck = (body17: string) => body17 + residentCheckChar(body17);
const validResident = fc
  .tuple(province, chars('0123456789', 4), birthDate, chars('0123456789', 3))
  .map(([p, r, b, s]) => withCheck(p + r + b + s));
const validResidence = fc
  .tuple(fc.constantFrom('810000', '820000', '830000'), birthDate, chars('0123456789', 3))
  .map(([p, b, s]) => withCheck(p + b + s));
const validForeignPR = fc
  .tuple(chars('0123456789', 5), birthDate, chars('0123456789', 3))
  .map(([x, b, s]) => withCheck('9' + x + b + s));

/** The number with one character replaced by a different one of `alphabet`. */
const mutated = (valid: fc.Arbitrary<string>, alphabet: string) =>
  valid.chain((v) =>
    fc
      .tuple(fc.nat({ max: v.length - 1 }), fc.constantFrom(...alphabet.split('')))
      .filter(([i, c]) => v[i] !== c)
      .map(([i, c]) => v.slice(0, i) + c + v.slice(i + 1)),
  );

/** ISO 7064 MOD 11-2 in its standard iterative form (an oracle independent of the weight table under test). */
function iso7064Mod112(digits: string): string {
  let p = 0;
  for (const d of digits) p = ((p + Number(d)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}
/** GB 32100's check character with the weights computed as 3^(i-1) mod 31 instead of read from a table. */
function gb32100(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body[i]!) * (3 ** i % 31);
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GS 15-2006's rule as usually stated: a 15-digit number is valid when the running MOD 11,10 value ends at 1. */
function gs15Valid(n: string): boolean {
  let p = 10;
  for (const ch of n.slice(0, 14)) {
    let t = (Number(ch) + p) % 10;
    if (t === 0) t = 10;
    p = (t * 2) % 11;
  }
  return (p + Number(n[14])) % 10 === 1;
}
const validRegNo = chars('0123456789', 14).map((b) => b + regNoCheckDigit(b));

describe('check characters agree with independent formulations of the standards', () => {
  it('computes the same resident-ID and USCC check characters for any body', () => {
    fc.assert(fc.property(chars('0123456789', 17), (b) => residentCheckChar(b) === iso7064Mod112(b)));
    fc.assert(fc.property(chars(USCC_CHARSET, 17), (b) => usccCheckChar(b) === gb32100(b)));
    fc.assert(fc.property(validRegNo, (n) => gs15Valid(n)));
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts real published codes and normalizes case, spaces and full-width input', () => {
    expect(okValue('uscc', '914403001922038216')).toBe('914403001922038216');
    expect(okValue('uscc', '91440300708461136t')).toBe('91440300708461136T');
    expect(okValue('uscc', '91350100m000100y43')).toBe('91350100M000100Y43'); // GB 32100-2015's own example
    expect(okValue('uscc', ' ９１１１００００８０２１００４３３Ｂ ')).toBe('91110000802100433B');
  });
  it('refuses a wrong check character, a wrong length and the letters the standard leaves out', () => {
    expect(ok('uscc', '914403001922038217')).toEqual({
      ok: false,
      message: expect.stringContaining('校验位'),
    });
    expect(ok('uscc', '91440300192203821')).toEqual({ ok: false, message: '统一社会信用代码应为18位' });
    expect(ok('uscc', '91440300192203821O')).toEqual({
      ok: false,
      message: expect.stringContaining('I、O、Z、S、V'),
    });
  });
  it('validates every generated code and catches every single-character change', () => {
    fc.assert(fc.property(validUscc, (v) => ok('uscc', v).ok));
    fc.assert(fc.property(mutated(validUscc, USCC_CHARSET), (v) => !ok('uscc', v).ok));
  });
});

describe('工商注册号 (GS 15-2006)', () => {
  it("accepts the standard's example and refuses a wrong check digit or length", () => {
    expect(okValue('regNo', '110108000000016')).toBe('110108000000016');
    expect(ok('regNo', '110108000000017')).toEqual({ ok: false, message: expect.stringContaining('校验位') });
    expect(ok('regNo', '11010800000001')).toEqual({ ok: false, message: '工商注册号应为15位数字' });
  });
  it('validates every generated number and catches every single-digit change', () => {
    fc.assert(fc.property(validRegNo, (v) => ok('regNo', v).ok));
    fc.assert(fc.property(mutated(validRegNo, '0123456789'), (v) => !ok('regNo', v).ok));
  });
});

describe('居民身份证 (GB 11643-1999)', () => {
  it('accepts the standard examples and writes a lower-case x as X', () => {
    expect(okValue('resident', '11010519491231002x')).toBe('11010519491231002X');
    expect(okValue('resident', '440524188001010014')).toBe('440524188001010014');
  });
  it('refuses a bad check digit, an impossible birth date, 15-digit numbers and residence permits', () => {
    expect(ok('resident', '110105194912310021')).toEqual({
      ok: false,
      message: expect.stringContaining('校验位'),
    });
    const feb30 = withCheck('11010519490230002');
    expect(ok('resident', feb30)).toEqual({ ok: false, message: expect.stringContaining('出生日期') });
    expect(ok('resident', '110105491231002')).toEqual({
      ok: false,
      message: expect.stringContaining('15位'),
    });
    const permit = withCheck('81000019900101002');
    expect(ok('resident', permit)).toEqual({ ok: false, message: expect.stringContaining('居住证') });
    expect(ok('resident', withCheck('99010519491231002'))).toEqual({
      ok: false,
      message: expect.stringContaining('地址码'),
    });
  });
  it('validates every generated number and catches every single-character change', () => {
    fc.assert(fc.property(validResident, (v) => ok('resident', v).ok));
    fc.assert(fc.property(mutated(validResident, '0123456789X'), (v) => !ok('resident', v).ok));
  });
});

describe('港澳台居民居住证 and 外国人永久居留身份证 (resident-ID check digit)', () => {
  it('accepts generated numbers and catches single-character changes', () => {
    fc.assert(fc.property(validResidence, (v) => ok('hmtResidence', v).ok));
    fc.assert(fc.property(mutated(validResidence, '0123456789X'), (v) => !ok('hmtResidence', v).ok));
    fc.assert(fc.property(validForeignPR, (v) => ok('foreignPR', v).ok));
    fc.assert(fc.property(mutated(validForeignPR, '0123456789X'), (v) => !ok('foreignPR', v).ok));
  });
  it('requires the 81/82/83 prefix for a residence permit', () => {
    expect(ok('hmtResidence', '11010519491231002X')).toEqual({
      ok: false,
      message: expect.stringContaining('810000'),
    });
  });
  it('accepts the old 15-character permanent residence card by its form only', () => {
    expect(okValue('foreignPR', 'usa310012345678')).toBe('USA310012345678');
    expect(ok('foreignPR', 'US3100123456789').ok).toBe(false);
  });
});

describe('passports and travel permits', () => {
  it('accepts Chinese and foreign passports as 5–17 letters and digits', () => {
    expect(okValue('passport', 'E12345678')).toBe('E12345678');
    expect(okValue('passport', 'ea1234567')).toBe('EA1234567');
    expect(okValue('passport', 'G1234567 8')).toBe('G12345678');
    expect(okValue('passport', 'C01X00T47')).toBe('C01X00T47');
    expect(ok('passport', 'E123').ok).toBe(false);
    expect(ok('passport', 'E1234567/8').ok).toBe(false);
  });
  it('checks 港澳居民来往内地通行证 as H or M with 8 or 10 digits', () => {
    expect(okValue('hkmo', 'h12345678')).toBe('H12345678');
    expect(okValue('hkmo', 'M1234567801')).toBe('M1234567801');
    expect(ok('hkmo', 'H123456789').ok).toBe(false);
    expect(ok('hkmo', 'T12345678').ok).toBe(false);
  });
  it('checks 台湾居民来往大陆通行证 as 8 or 10 digits', () => {
    expect(okValue('tw', '12345678')).toBe('12345678');
    expect(okValue('tw', '1234567801')).toBe('1234567801');
    expect(ok('tw', '123456789').ok).toBe(false);
  });
});

describe('no identifier and empty input', () => {
  it('stores nothing for an unregistered operator and refuses a number given with it', () => {
    expect(ok('none', ' ')).toEqual({ ok: true, normalized: '' });
    expect(ok('none', '12345678').ok).toBe(false);
  });
  it('asks for the number instead of validating an empty one, and never repeats the input', () => {
    expect(ok('resident', '')).toEqual({ ok: false, message: '请填写居民身份证号码' });
    const r = ok('resident', '110105194912310021');
    expect(!r.ok && r.message.includes('110105')).toBe(false);
  });
});
