/**
 * SM2 signatures with SM3 (国密; GB/T 32918.2 / GM/T 0003.2, GB/T 32905 / GM/T 0004, identifiers of GM/T 0006):
 * verification only, with the signer's user ID (default 1234567812345678, GM/T 0009), through sm-crypto. Node's
 * crypto hashes SM3, but its EC signature on the SM2 curve is ECDSA, not the SM2 scheme (no Z value, another
 * equation), so it cannot verify these.
 */
import { sm2 } from 'sm-crypto';
import { child, decode, isUniversal, TAG } from './asn1';

export const GM_OID = {
  /** SM2 signature with SM3 (GM/T 0006). */
  sm2WithSm3: '1.2.156.10197.1.501',
  /** The SM2 key / curve, also written as a signature algorithm by some signers. */
  sm2: '1.2.156.10197.1.301',
  /** SM2 signature (sm2-1). */
  sm2Sign: '1.2.156.10197.1.301.1',
  sm3: '1.2.156.10197.1.401',
};

/** Signature algorithm identifiers that mean the SM2 signature scheme. */
export const SM2_SIGNATURE_OIDS = new Set([GM_OID.sm2WithSm3, GM_OID.sm2Sign, GM_OID.sm2]);

export const DEFAULT_SM2_USER_ID = '1234567812345678';

const FIELD_BYTES = 32;

function hex32(bytes: Uint8Array): string | undefined {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (trimmed.length > FIELD_BYTES) return undefined;
  return Buffer.from(trimmed)
    .toString('hex')
    .padStart(FIELD_BYTES * 2, '0');
}

/** r||s as 128 hex digits from a DER SEQUENCE {r INTEGER, s INTEGER}, or undefined when it is not one. */
function rsFromDer(signature: Uint8Array): string | undefined {
  try {
    const node = decode(signature);
    if (!isUniversal(node, TAG.SEQUENCE) || node.children.length !== 2) return undefined;
    if (node.raw.length !== signature.length) return undefined;
    const [r, s] = [child(node, 0), child(node, 1)];
    if (!isUniversal(r, TAG.INTEGER) || !isUniversal(s, TAG.INTEGER)) return undefined;
    const rHex = hex32(r.content);
    const sHex = hex32(s.content);
    return rHex && sHex ? rHex + sHex : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` (DER SEQUENCE {r, s}, or r||s as 64 bytes) is an SM2 signature of `message` by the holder of
 * `publicKey` (the uncompressed point 04||x||y), with SM3 over Z(userId, key) || message.
 */
export function sm2Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  userId = DEFAULT_SM2_USER_ID,
): boolean {
  if (publicKey.length !== 1 + 2 * FIELD_BYTES || publicKey[0] !== 0x04) return false;
  const key = Buffer.from(publicKey).toString('hex');
  const candidates = [rsFromDer(signature)];
  if (signature.length === 2 * FIELD_BYTES) candidates.push(Buffer.from(signature).toString('hex'));
  const data = Array.from(message);
  return candidates.some((rs) => {
    if (!rs) return false;
    try {
      return sm2.doVerifySignature(data, rs, key, { der: false, hash: true, userId });
    } catch {
      return false;
    }
  });
}
