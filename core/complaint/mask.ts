/**
 * Masking of a complainant's name and phone for everyone but the handling staff (REC-14). The forms follow the
 * courts' redaction practice (法释〔2016〕19号: keep the surname, replace the given name) and the common
 * 3-4-4 phone mask. Masked forms are what lists, answers and pages show; the plaintext lives only encrypted.
 */

/**
 * 张三丰 → 张**, 欧阳明远 → 欧**: the first character and a fixed two stars, so the mask does not tell the name's
 * length either. A single character is fully masked.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '**';
  return `${chars[0]}**`;
}

/** 13812345678 → 138****5678; a landline keeps its area code and last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 6) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
  return '*'.repeat(digits.length || 1);
}
