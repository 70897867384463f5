/**
 * X.509 certificates embedded in seals (PDF CMS signatures and OFD SES_Signature), read with asn1js and Node's
 * X509Certificate, and signatures verified with their public key: RSA PKCS#1 v1.5 and ECDSA through Node's crypto,
 * SM2 with SM3 through ./sm2.ts (Node reads an SM2 certificate's names but cannot verify SM2 signatures).
 */
import { verify, X509Certificate } from 'node:crypto';
import { child, decode, equalBytes, isContext, isUniversal, oid, TAG, type Asn1Node } from './asn1';
import { GM_OID, SM2_SIGNATURE_OIDS, sm2Verify } from './sm2';

export type KeyKind = 'rsa' | 'ec' | 'sm2';

export interface CertEntry {
  certificate: X509Certificate;
  serial: Uint8Array;
  /** The issuer and subject Names as encoded (DER). */
  issuerName: Uint8Array;
  subjectName: Uint8Array;
  subjectKeyId: Uint8Array | undefined;
  /** The TBSCertificate as encoded, its signature algorithm and value: to check who issued it. */
  tbs: Uint8Array;
  signatureOid: string;
  signatureValue: Uint8Array;
  /** The SM2 public key (04||x||y) when the certificate's key is SM2. */
  sm2Key: Uint8Array | undefined;
}

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Digest algorithms by OID, as Node's crypto names them. */
export const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  [GM_OID.sm3]: 'sm3',
};

/** Signature algorithms: the key they need and, when the identifier names one, their digest. */
export const SIGNATURE_ALGORITHMS: Record<string, { key: KeyKind; hash?: string }> = {
  '1.2.840.113549.1.1.1': { key: 'rsa' },
  '1.2.840.113549.1.1.5': { key: 'rsa', hash: 'sha1' },
  '1.2.840.113549.1.1.11': { key: 'rsa', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { key: 'rsa', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { key: 'rsa', hash: 'sha512' },
  [EC_PUBLIC_KEY]: { key: 'ec' },
  '1.2.840.10045.4.1': { key: 'ec', hash: 'sha1' },
  '1.2.840.10045.4.3.2': { key: 'ec', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { key: 'ec', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { key: 'ec', hash: 'sha512' },
  ...Object.fromEntries([...SM2_SIGNATURE_OIDS].map((id) => [id, { key: 'sm2' as const, hash: 'sm3' }])),
};

function sm2KeyOf(spki: Asn1Node): Uint8Array | undefined {
  const algorithm = child(spki, 0);
  const algorithmOid = oid(child(algorithm, 0));
  const curve = algorithm.children[1];
  const isSm2 =
    algorithmOid === GM_OID.sm2 ||
    (algorithmOid === EC_PUBLIC_KEY &&
      curve !== undefined &&
      isUniversal(curve, TAG.OID) &&
      oid(curve) === GM_OID.sm2);
  return isSm2 ? child(spki, 1).content : undefined;
}

/** A certificate from its decoded node; throws on anything that is not one. */
export function certEntry(node: Asn1Node): CertEntry {
  const tbs = child(node, 0);
  const offset = isContext(child(tbs, 0), 0) ? 1 : 0;
  let subjectKeyId: Uint8Array | undefined;
  const extensions = tbs.children.find((c) => isContext(c, 3));
  for (const extension of extensions?.children[0]?.children ?? []) {
    if (oid(child(extension, 0)) === SUBJECT_KEY_IDENTIFIER) {
      subjectKeyId = decode(extension.children[extension.children.length - 1]!.content).content;
    }
  }
  return {
    certificate: new X509Certificate(Buffer.from(node.raw)),
    serial: child(tbs, offset).content,
    issuerName: child(tbs, offset + 2).raw,
    subjectName: child(tbs, offset + 4).raw,
    subjectKeyId,
    tbs: tbs.raw,
    signatureOid: oid(child(child(node, 1), 0)),
    signatureValue: child(node, 2).content,
    sm2Key: sm2KeyOf(child(tbs, offset + 5)),
  };
}

/** The kind of the certificate's public key, or undefined for one no check here supports (e.g. RSASSA-PSS). */
export function keyKindOf(cert: CertEntry): KeyKind | undefined {
  if (cert.sm2Key) return 'sm2';
  const type = cert.certificate.publicKey.asymmetricKeyType;
  return type === 'rsa' || type === 'ec' ? type : undefined;
}

/** Whether `signature` over `data` verifies with the certificate's key (`hash` is ignored for SM2: always SM3). */
export function signatureVerifies(
  cert: CertEntry,
  kind: KeyKind,
  hash: string,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    if (kind === 'sm2') return cert.sm2Key !== undefined && sm2Verify(cert.sm2Key, data, signature);
    return verify(hash, data, cert.certificate.publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * Whether the certificate's own signature verifies with the key of its issuer when the issuer is among `certs`
 * (itself when self-issued). True when no issuer is embedded: its integrity then rests on the caller's list of
 * accepted certificates (docs/service-rights.md).
 */
export function issuerSignatureHolds(cert: CertEntry, certs: CertEntry[]): boolean {
  const issuer =
    certs.find((c) => equalBytes(c.subjectName, cert.issuerName)) ??
    certs.find((c) => cert.certificate.checkIssued(c.certificate));
  if (!issuer) return true;
  if (SM2_SIGNATURE_OIDS.has(cert.signatureOid))
    return issuer.sm2Key !== undefined && sm2Verify(issuer.sm2Key, cert.tbs, cert.signatureValue);
  try {
    return cert.certificate.verify(issuer.certificate.publicKey);
  } catch {
    return false;
  }
}

/** Whether a stated signing time lies within the certificate's validity (no stated time: nothing to compare). */
export function validAt(cert: CertEntry, signedAt: Date | undefined): boolean {
  if (!signedAt) return true;
  return signedAt >= new Date(cert.certificate.validFrom) && signedAt <= new Date(cert.certificate.validTo);
}
