/**
 * TEMPORARY (helper "cases"): the minimal party-id validation the case register compiles against. The helper
 * "casechecks" writes the real module (check characters of USCC and resident ID, permits); the lead takes theirs.
 */
export type PartyIdKind = 'uscc' | 'resident' | 'passport' | 'hkmo' | 'tw' | 'foreignPR' | 'none';

export function validatePartyId(
  kind: PartyIdKind,
  value: string,
): { ok: true; normalized: string } | { ok: false; message: string } {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (kind === 'none') return { ok: true, normalized: '' };
  if (kind === 'uscc') {
    // GB 32100-2015: the 18th character checks the first 17.
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return { ok: false, message: '统一社会信用代码应为18位' };
    const sum = weights.reduce((s, w, i) => s + chars.indexOf(v[i]!) * w, 0);
    return chars[(31 - (sum % 31)) % 31] === v[17]
      ? { ok: true, normalized: v }
      : { ok: false, message: '统一社会信用代码的校验码不正确，请核对' };
  }
  if (kind === 'resident')
    return /^\d{17}[\dX]$/.test(v)
      ? { ok: true, normalized: v }
      : { ok: false, message: '居民身份证号码应为18位' };
  return /^[A-Z0-9]{5,20}$/.test(v)
    ? { ok: true, normalized: v }
    : { ok: false, message: '证件号码格式不正确' };
}
