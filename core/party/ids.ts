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
  if (kind === 'uscc')
    return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)
      ? { ok: true, normalized: v }
      : { ok: false, message: '统一社会信用代码应为18位' };
  if (kind === 'resident')
    return /^\d{17}[\dX]$/.test(v)
      ? { ok: true, normalized: v }
      : { ok: false, message: '居民身份证号码应为18位' };
  return /^[A-Z0-9]{5,20}$/.test(v)
    ? { ok: true, normalized: v }
    : { ok: false, message: '证件号码格式不正确' };
}
