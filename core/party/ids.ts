/**
 * Party identifiers (REC-11 "all records of one party together", seed Art. 20): the number a party
 * is registered and found by, checked before it is sealed and indexed. Pure: no I/O, no clock. Messages are Chinese
 * and never repeat the number (it is personal data).
 *
 * Kinds, and what was decided against the agreed list:
 * - `uscc`: 统一社会信用代码 (GB 32100-2015) of an organisation or an individual business (个体工商户, whose code
 *   starts with 92, as the 双公示 standard treats it: the business is the party, the operator its representative).
 * - `resident`: 居民身份证 (GB 11643-1999), 18 characters; the first-generation 15-digit number is refused (invalid
 *   since 2013). A number starting 81/82/83 is a 港澳台居民居住证 and is refused here with a pointer to that kind.
 * - `passport`: any passport. Chinese ordinary passports are E + 8 digits, E + letter + 7 digits, or the older
 *   G + 8 digits; foreign passports are 5–17 letters and digits. A foreign passport may also start with E or G, so
 *   without the nationality the Chinese form cannot be enforced: the kind accepts 5–17 letters and digits (which
 *   includes every Chinese form). Passports have no public check character, so a typo is not detectable.
 * - `hkmo`: 港澳居民来往内地通行证 only (H or M + 8 digits, or + 10 digits where the last two count renewals).
 * - `tw`: 台湾居民来往大陆通行证 only (8 digits, or the older 10-digit form).
 * - `hmtResidence` (added): 港澳台居民居住证, 18 digits starting 810000 / 820000 / 830000 with the resident-ID check
 *   digit. It is a different document from the permits (its own number, issued on the mainland), so it is its own
 *   kind rather than folded into `hkmo` / `tw`: the blind index is keyed by kind and number, and one document must
 *   not be findable under two kinds.
 * - `foreignPR`: 外国人永久居留身份证, old form 3 letters (nationality) + 12 digits (no public check algorithm, so
 *   only the form is checked), or the 2023 form: 18 characters starting with 9, birth date in positions 7–14 and
 *   the resident-ID check character.
 * - `regNo` (added): 工商注册号 (GS 15-2006, 15 digits, ISO 7064 MOD 11,10 check digit) of an enterprise or
 *   individual business registered before 2015 whose code was never converted to a USCC; the 双公示 standard
 *   carries it in CF_XDR_GSZC. A USCC is preferred where the party has one.
 * - `none`: an unregistered operator with no code at all (common in unlicensed practice): no number is stored.
 */

export type PartyIdKind =
  'uscc' | 'regNo' | 'resident' | 'passport' | 'hkmo' | 'tw' | 'hmtResidence' | 'foreignPR' | 'none';

export const PARTY_ID_KINDS: readonly PartyIdKind[] = [
  'uscc',
  'regNo',
  'resident',
  'passport',
  'hkmo',
  'tw',
  'hmtResidence',
  'foreignPR',
  'none',
];

/** The names the pages and the 双公示 export use (CF_XDR_ZJLX / CF_FR_ZJLX wording). */
export const PARTY_ID_LABELS: Readonly<Record<PartyIdKind, string>> = {
  uscc: '统一社会信用代码',
  regNo: '工商注册号',
  resident: '居民身份证',
  passport: '护照',
  hkmo: '港澳居民来往内地通行证',
  tw: '台湾居民来往大陆通行证',
  hmtResidence: '港澳台居民居住证',
  foreignPR: '外国人永久居留身份证',
  none: '无证照（未登记经营者）',
};

export type PartyIdResult = { ok: true; normalized: string } | { ok: false; message: string };

/** Full-width letters and digits (common with Chinese input methods) to ASCII, spaces and hyphens out, upper case. */
export function normalizeIdInput(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]+/g, '')
    .toUpperCase();
}

// --- GB 32100-2015 统一社会信用代码 -------------------------------------------------------------------------------

/** The code's 31 characters: digits and upper-case letters without I, O, Z, S, V (GB 32100-2015 §4). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i-1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (position 18) of the first 17 characters: 31 − (Σ value·weight mod 31), 31 → 0. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

function validateUscc(v: string): PartyIdResult {
  if (v.length !== 18) return fail('统一社会信用代码应为18位');
  if (/[IOZSV]/.test(v))
    return fail('统一社会信用代码不使用字母I、O、Z、S、V，请核对（可能是数字1、0、2、5或字母U）');
  if (![...v].every((c) => USCC_CHARSET.includes(c))) return fail('统一社会信用代码只能包含数字和大写字母');
  // Position 1: the registering authority (never 0); 2: the organisation category (a digit 1–9); 3–8: the
  // administrative division code (digits). The list of authorities grows, so position 1 is not held to a list.
  if (v[0] === '0' || !/^[1-9]$/.test(v[1]!) || !/^\d{6}$/.test(v.slice(2, 8))) {
    return fail('统一社会信用代码的登记管理部门、机构类别或行政区划码不符合国家标准，请核对');
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return fail('统一社会信用代码校验位不符，请逐位核对');
  return { ok: true, normalized: v };
}

// --- GS 15-2006 工商注册号 -----------------------------------------------------------------------------------------

/** The check digit (position 15) of 14 digits: ISO 7064 MOD 11,10 (the digit that makes the final value 1). */
export function regNoCheckDigit(first14: string): string {
  let p = 10;
  for (const ch of first14) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

function validateRegNo(v: string): PartyIdResult {
  if (!/^\d{15}$/.test(v)) return fail('工商注册号应为15位数字');
  if (regNoCheckDigit(v.slice(0, 14)) !== v[14]) return fail('工商注册号校验位不符，请逐位核对');
  return { ok: true, normalized: v };
}

// --- GB 11643-1999 公民身份号码 ------------------------------------------------------------------------------------

/** Weights 2^(17-i) mod 11 for positions 1–17 (ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character (position 18) of 17 digits: ISO 7064 MOD 11-2, 10 written as X. */
export function residentCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Province-level codes of GB/T 2260 that appear as the first two digits of a resident ID. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]); // prettier-ignore

/** A real calendar date YYYYMMDD from 1880 (the oldest living holders) to 2099. */
export function isValidBirthDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 18 characters: 17 digits and a check character (digit or X; a lower-case x is accepted and written X). */
function checkEighteen(v: string, name: string): string | null {
  if (v.length !== 18) return `${name}应为18位`;
  if (!/^\d{17}[\dX]$/.test(v)) return `${name}前17位应为数字，最后一位为数字或X`;
  if (!isValidBirthDate(v.slice(6, 14))) return `${name}中的出生日期无效，请核对`;
  if (residentCheckChar(v.slice(0, 17)) !== v[17]) return `${name}校验位不符，请逐位核对`;
  return null;
}

function validateResident(v: string): PartyIdResult {
  if (/^\d{15}$/.test(v)) return fail('15位的第一代身份证号码已停止使用，请填写18位号码');
  if (/^8[123]0000/.test(v))
    return fail('以810000、820000、830000开头的是港澳台居民居住证，请选择该证件类型');
  const problem = checkEighteen(v, '身份证号码');
  if (problem) return fail(problem);
  if (!PROVINCES.has(v.slice(0, 2))) return fail('身份证号码的地址码不符合国家标准，请核对');
  return { ok: true, normalized: v };
}

function validateHmtResidence(v: string): PartyIdResult {
  if (!/^8[123]0000/.test(v))
    return fail('港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头');
  const problem = checkEighteen(v, '居住证号码');
  return problem ? fail(problem) : { ok: true, normalized: v };
}

function validateForeignPR(v: string): PartyIdResult {
  if (/^[A-Z]{3}\d{12}$/.test(v)) return { ok: true, normalized: v };
  if (v.length === 18 && v.startsWith('9')) {
    const problem = checkEighteen(v, '永久居留身份证号码');
    return problem ? fail(problem) : { ok: true, normalized: v };
  }
  return fail('外国人永久居留身份证号码应为18位（以9开头）或旧版15位（3个字母加12位数字）');
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/**
 * Checks a party's identifier of the given kind and answers its normalized form (what is sealed and indexed) or a
 * Chinese message saying what is wrong without repeating the number.
 */
export function validatePartyId(kind: PartyIdKind, value: string): PartyIdResult {
  const v = normalizeIdInput(value);
  if (kind === 'none') {
    return v === '' ? { ok: true, normalized: '' } : fail('选择“无证照”时不填写证件号码');
  }
  if (v === '') return fail(`请填写${PARTY_ID_LABELS[kind] ?? '证件'}号码`);
  switch (kind) {
    case 'uscc':
      return validateUscc(v);
    case 'regNo':
      return validateRegNo(v);
    case 'resident':
      return validateResident(v);
    case 'hmtResidence':
      return validateHmtResidence(v);
    case 'foreignPR':
      return validateForeignPR(v);
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(v) ? { ok: true, normalized: v } : fail('护照号码应为5至17位字母或数字');
    case 'hkmo':
      return /^[HM](\d{8}|\d{10})$/.test(v)
        ? { ok: true, normalized: v }
        : fail('港澳居民来往内地通行证号码应为H或M加8位或10位数字');
    case 'tw':
      return /^(\d{8}|\d{10})$/.test(v)
        ? { ok: true, normalized: v }
        : fail('台湾居民来往大陆通行证号码应为8位或10位数字');
    default:
      return fail('证件类型无效');
  }
}
