/**
 * Verifies a detached CMS/PKCS#7 SignedData (RFC 5652) over given bytes against the certificate embedded in it:
 * the message digest over the content, then the signature over the signed attributes with the signer's public key
 * (Node's crypto: RSA PKCS#1 v1.5 and ECDSA). SM2/SM3 (GM/T 0010) and RSASSA-PSS are refused as unsupported.
 * It does not build a chain to a trusted root nor check revocation: the signer's subject and serial are recorded,
 * and who may seal is a decision for the caller.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { child, decode, equalBytes, isContext, isUniversal, oid, TAG, time, type Asn1Node } from './asn1';

export type CmsFailureCode = 'MODIFIED' | 'BAD_SIGNATURE' | 'UNSUPPORTED';

export type CmsCheck =
  | { ok: true; certificate: X509Certificate; signedAt: Date | undefined }
  | { ok: false; code: CmsFailureCode; message: string };

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  subjectKeyIdentifier: '2.5.29.14',
  /** ESS signing-certificate attributes (RFC 2634, RFC 5035): the signer certificate's hash, signed. */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SM3 = '1.2.156.10197.1.401';

/** Signature algorithms verified with the key type they need. */
const SIGNATURES: Record<string, 'rsa' | 'ec'> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.5': 'rsa',
  '1.2.840.113549.1.1.11': 'rsa',
  '1.2.840.113549.1.1.12': 'rsa',
  '1.2.840.113549.1.1.13': 'rsa',
  '1.2.840.10045.2.1': 'ec',
  '1.2.840.10045.4.1': 'ec',
  '1.2.840.10045.4.3.2': 'ec',
  '1.2.840.10045.4.3.3': 'ec',
  '1.2.840.10045.4.3.4': 'ec',
};
const SM2_SIGNATURES = new Set(['1.2.156.10197.1.501', '1.2.156.10197.1.301.1']);

const fail = (code: CmsFailureCode, message: string): CmsCheck => ({ ok: false, code, message });

interface CertEntry {
  certificate: X509Certificate;
  serial: Uint8Array;
  issuer: Uint8Array;
  subjectKeyId: Uint8Array | undefined;
}

function certEntry(node: Asn1Node): CertEntry {
  const tbs = child(node, 0);
  const offset = isContext(child(tbs, 0), 0) ? 1 : 0;
  const serial = child(tbs, offset).content;
  const issuer = child(tbs, offset + 2).raw;
  let subjectKeyId: Uint8Array | undefined;
  const extensions = tbs.children.find((c) => isContext(c, 3));
  for (const extension of extensions?.children[0]?.children ?? []) {
    if (oid(child(extension, 0)) === OID.subjectKeyIdentifier) {
      subjectKeyId = decode(extension.children[extension.children.length - 1]!.content).content;
    }
  }
  return { certificate: new X509Certificate(Buffer.from(node.raw)), serial, issuer, subjectKeyId };
}

function findSigner(sid: Asn1Node, certs: CertEntry[]): CertEntry | undefined {
  if (isContext(sid, 0)) return certs.find((c) => c.subjectKeyId && equalBytes(c.subjectKeyId, sid.content));
  const issuer = child(sid, 0).raw;
  const serial = child(sid, 1).content;
  return certs.find((c) => equalBytes(c.serial, serial) && equalBytes(c.issuer, issuer));
}

function attribute(signedAttrs: Asn1Node | undefined, type: string): Asn1Node | undefined {
  const found = signedAttrs?.children.find((a) => oid(child(a, 0)) === type);
  return found && child(child(found, 1), 0);
}

/**
 * The signer certificate was not altered after it was issued or signed for: its hash matches an ESS
 * signing-certificate attribute when there is one, and its signature verifies with its issuer's key when the
 * issuer is embedded (or it is self-signed). Without either, its integrity rests on the caller's list of
 * accepted certificates (see docs/service-rights.md).
 */
function certificateIntact(
  signer: CertEntry,
  certs: CertEntry[],
  signedAttrs: Asn1Node | undefined,
): boolean {
  const v2 = attribute(signedAttrs, OID.signingCertificateV2);
  const v1 = attribute(signedAttrs, OID.signingCertificate);
  const essCertId = (v2 ?? v1) && child(child(v2 ?? v1, 0), 0);
  if (essCertId) {
    const first = child(essCertId, 0);
    const hashName = v2
      ? isUniversal(first, TAG.SEQUENCE)
        ? DIGESTS[oid(child(first, 0))]
        : 'sha256'
      : 'sha1';
    const certHash = v2 && isUniversal(first, TAG.SEQUENCE) ? child(essCertId, 1) : first;
    if (!hashName) return false;
    const actual = createHash(hashName).update(signer.certificate.raw).digest();
    if (!equalBytes(certHash.content, actual)) return false;
  }
  const issuer = certs.find((c) => signer.certificate.checkIssued(c.certificate));
  if (issuer) {
    try {
      return signer.certificate.verify(issuer.certificate.publicKey);
    } catch {
      return false;
    }
  }
  return true;
}

function checkSigner(signerInfo: Asn1Node, certs: CertEntry[], content: Buffer): CmsCheck {
  const [, sid, digestAlg] = signerInfo.children;
  const rest = signerInfo.children.slice(3);
  const signedAttrs = rest[0] && isContext(rest[0], 0) ? rest[0] : undefined;
  const [signatureAlg, signatureValue] = signedAttrs ? rest.slice(1) : rest;
  if (
    !sid ||
    !digestAlg ||
    !signatureAlg ||
    !signatureValue ||
    !isUniversal(signatureValue, TAG.OCTET_STRING)
  )
    return fail('BAD_SIGNATURE', '签名数据格式不正确（签名者信息不完整）');

  const digestOid = oid(child(digestAlg, 0));
  const signatureOid = oid(child(signatureAlg, 0));
  if (digestOid === SM3 || SM2_SIGNATURES.has(signatureOid))
    return fail(
      'UNSUPPORTED',
      '暂不支持国密（SM2/SM3）签名的验证，请联系文书系统提供 RSA 或 ECDSA 签章的文件',
    );
  const hash = DIGESTS[digestOid];
  const keyType = SIGNATURES[signatureOid];
  if (!hash || !keyType) return fail('UNSUPPORTED', '不支持该文件使用的签名算法');

  const signer = findSigner(sid, certs);
  if (!signer) return fail('BAD_SIGNATURE', '文件中未找到签名者的证书');
  if (signer.certificate.publicKey.asymmetricKeyType !== keyType)
    return fail('BAD_SIGNATURE', '签名算法与签名者证书的密钥类型不符');

  const contentDigest = createHash(hash).update(content).digest();
  let signed: Buffer = content;
  let signedAt: Date | undefined;
  if (signedAttrs) {
    const digest = attribute(signedAttrs, OID.messageDigest);
    if (!digest || !isUniversal(digest, TAG.OCTET_STRING)) return fail('BAD_SIGNATURE', '签名数据缺少摘要');
    if (!equalBytes(digest.content, contentDigest))
      return fail('MODIFIED', '文件在签章后被修改过，签章已失效');
    const timeNode = attribute(signedAttrs, OID.signingTime);
    signedAt = timeNode && time(timeNode);
    // RFC 5652 §5.4: the signature covers the DER of the attributes with the SET OF tag, not the [0] tag.
    signed = Buffer.from(signedAttrs.raw);
    signed[0] = 0x31;
  }
  let valid = false;
  try {
    valid = verify(hash, signed, signer.certificate.publicKey, Buffer.from(signatureValue.content));
  } catch {
    valid = false;
  }
  if (!valid) {
    return signedAttrs
      ? fail('BAD_SIGNATURE', '签名与文件中的证书不符，签章无效')
      : fail('MODIFIED', '文件在签章后被修改过，或签名与文件中的证书不符');
  }
  if (!certificateIntact(signer, certs, signedAttrs))
    return fail('BAD_SIGNATURE', '文件中的签名证书已被改动，签章无效');
  if (signedAt) {
    const from = new Date(signer.certificate.validFrom);
    const to = new Date(signer.certificate.validTo);
    if (signedAt < from || signedAt > to) return fail('BAD_SIGNATURE', '签章时签名证书不在有效期内');
  }
  return { ok: true, certificate: signer.certificate, signedAt };
}

/** Checks a detached CMS signature (DER or BER, trailing zero padding allowed) over `content`. */
export function verifyDetachedCms(cms: Uint8Array, content: Buffer): CmsCheck {
  let contentInfo: Asn1Node;
  try {
    contentInfo = decode(cms);
  } catch {
    return fail('BAD_SIGNATURE', '签名数据无法解析');
  }
  try {
    if (oid(child(contentInfo, 0)) !== OID.signedData) return fail('UNSUPPORTED', '签名数据不是 PKCS#7 签名');
    const signedData = child(child(contentInfo, 1), 0);
    const encapsulated = child(signedData, 2);
    if (encapsulated.children.length > 1)
      return fail('UNSUPPORTED', '仅支持分离式签名（detached）的 PDF 签章');
    const certsNode = signedData.children.find((c) => isContext(c, 0));
    const certs = (certsNode?.children ?? []).filter((c) => isUniversal(c, TAG.SEQUENCE)).map(certEntry);
    const signerInfos = signedData.children[signedData.children.length - 1];
    if (!signerInfos || !isUniversal(signerInfos, TAG.SET) || signerInfos.children.length === 0)
      return fail('BAD_SIGNATURE', '签名数据中没有签名者');
    let first: CmsCheck | undefined;
    for (const signerInfo of signerInfos.children) {
      const check = checkSigner(signerInfo, certs, content);
      if (!check.ok) return check;
      first ??= check;
    }
    return first!;
  } catch {
    return fail('BAD_SIGNATURE', '签名数据格式不正确');
  }
}
