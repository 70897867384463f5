/** Hashing and salted references (node:crypto); the algorithm id travels with every hash (SM3 can be added). */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../core/canonical';

export type HashAlgorithm = 'sha256';
export const CURRENT_HASH_ALGORITHM: HashAlgorithm = 'sha256';

export function hashText(text: string, alg: HashAlgorithm = CURRENT_HASH_ALGORITHM): string {
  return createHash(alg).update(text, 'utf8').digest('hex');
}

export function hashValue(value: unknown, alg: HashAlgorithm = CURRENT_HASH_ALGORITHM): string {
  return hashText(canonicalJson(value), alg);
}

/**
 * A salted, non-reversible reference to an identity (openid, staff id...) for places that must not hold personal
 * data (ledger, idempotency keys). The salt is a deployment secret (PERSONAL_DATA_SALT), never in the database.
 */
export function saltedRef(kind: string, value: string): string {
  const salt = process.env.PERSONAL_DATA_SALT;
  if (!salt) throw new Error('PERSONAL_DATA_SALT is not configured');
  return `${kind}:` + createHmac('sha256', salt).update(`${kind}\u0000${value}`).digest('hex').slice(0, 32);
}

/** High-entropy random token (base32-like, unambiguous letters) for codes people type. */
export function randomCode(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}
