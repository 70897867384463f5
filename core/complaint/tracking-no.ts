/**
 * Tracking numbers (受理编号) that citizens follow a complaint by: `TS` + the Shanghai date of submission + `-` +
 * six characters from an unambiguous alphabet, e.g. `TS20261127-7KQ4MX`.
 *
 * Deliberately NOT a sequence: a running number would tell anyone who submits two complaints how many others
 * came in between (the volume, and around a given business's inspection, whether it was reported). Six
 * characters over 32 symbols give about 1.07e9 numbers per day, so a clash is negligible; the database's unique
 * index refuses one anyway. Knowing a number gives nothing: `complaint.get` also checks the caller owns it.
 */
export const TRACKING_NO_PATTERN = /^TS\d{8}-[A-HJ-NP-Z2-9]{6}$/;
export const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `shanghaiDate` as `YYYY-MM-DD`; `entropy` at least 6 bytes (random, or derived from a request key). */
export function formatTrackingNo(shanghaiDate: string, entropy: Uint8Array): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(shanghaiDate)) throw new Error('tracking number needs a YYYY-MM-DD date');
  if (entropy.length < 6) throw new Error('tracking number needs 6 bytes of entropy');
  let suffix = '';
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  for (let i = 0; i < 6; i++) suffix += TRACKING_ALPHABET[entropy[i]! % TRACKING_ALPHABET.length];
  return `TS${shanghaiDate.replace(/-/g, '')}-${suffix}`;
}

export function isTrackingNo(text: string): boolean {
  return TRACKING_NO_PATTERN.test(text);
}
