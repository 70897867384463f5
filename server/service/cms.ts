/**
 * Verifies a CMS/PKCS#7 SignedData (RFC 5652; GB/T 35275 with the 1.2.156.10197.6.1.4.2.x content types) over given
 * bytes against the certificate embedded in it: the message digest over the content, then the signature over the
 * signed attributes with the signer's public key: RSA PKCS#1 v1.5 and ECDSA (Node's crypto), SM2 with SM3
 * (GM/T 0010; ./sm2.ts). RSASSA-PSS is refused as unsupported. It does not build a chain to a trusted root nor check
 * revocation: the signer's subject and serial are recorded, and who may seal is a decision for the caller.
 */
import { createHash } from 'node:crypto';
import { child, decode, equalBytes, isContext, isUniversal, oid, TAG, time, type Asn1Node } from './asn1';
import {
  certEntry,
  DIGESTS,
  issuerSignatureHolds,
  keyKindOf,
  SIGNATURE_ALGORITHMS,
  signatureVerifies,
  validAt,
  type CertEntry,
} from './certs';
import { refuse, type SignerCheck } from './seal';

export type CmsFailureCode = 'MODIFIED' | 'BAD_SIGNATURE' | 'UNSUPPORTED';

export type CmsCheck = SignerCheck;

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  /** GB/T 35275 (GM/T 0010) signedData. */
  gmSignedData: '1.2.156.10197.6.1.4.2.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate attributes (RFC 2634, RFC 5035): the signer certificate's hash, signed. */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const fail = (code: CmsFailureCode, message: string): CmsCheck => refuse(code, message);

function findSigner(sid: Asn1Node, certs: CertEntry[]): CertEntry | undefined {
  if (isContext(sid, 0)) return certs.find((c) => c.subjectKeyId && equalBytes(c.subjectKeyId, sid.content));
  const issuer = child(sid, 0).raw;
  const serial = child(sid, 1).content;
  return certs.find((c) => equalBytes(c.serial, serial) && equalBytes(c.issuerName, issuer));
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
  return issuerSignatureHolds(signer, certs);
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

  const hash = DIGESTS[oid(child(digestAlg, 0))];
  const algorithm = SIGNATURE_ALGORITHMS[oid(child(signatureAlg, 0))];
  if (!hash || !algorithm) return fail('UNSUPPORTED', '不支持该文件使用的签名算法');

  const signer = findSigner(sid, certs);
  if (!signer) return fail('BAD_SIGNATURE', '文件中未找到签名者的证书');
  if (keyKindOf(signer) !== algorithm.key) return fail('BAD_SIGNATURE', '签名算法与签名者证书的密钥类型不符');

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
  const valid = signatureVerifies(signer, algorithm.key, hash, signed, signatureValue.content);
  if (!valid) {
    return signedAttrs
      ? fail('BAD_SIGNATURE', '签名与文件中的证书不符，签章无效')
      : fail('MODIFIED', '文件在签章后被修改过，或签名与文件中的证书不符');
  }
  if (!certificateIntact(signer, certs, signedAttrs))
    return fail('BAD_SIGNATURE', '文件中的签名证书已被改动，签章无效');
  if (!validAt(signer, signedAt)) return fail('BAD_SIGNATURE', '签章时签名证书不在有效期内');
  return { ok: true, certificate: signer.certificate, signedAt };
}

/**
 * Checks a CMS signature (DER or BER, trailing zero padding allowed) over `content`: detached, or, where
 * `attachedAllowed` (an OFD's SignedValue, GB/T 35275), carrying the content itself, which must then be `content`.
 */
export function verifyCms(cms: Uint8Array, content: Buffer, attachedAllowed = false): CmsCheck {
  let contentInfo: Asn1Node;
  try {
    contentInfo = decode(cms);
  } catch {
    return fail('BAD_SIGNATURE', '签名数据无法解析');
  }
  try {
    const type = oid(child(contentInfo, 0));
    if (type !== OID.signedData && type !== OID.gmSignedData)
      return fail('UNSUPPORTED', '签名数据不是 PKCS#7 签名');
    const signedData = child(child(contentInfo, 1), 0);
    const encapsulated = child(signedData, 2);
    if (encapsulated.children.length > 1) {
      if (!attachedAllowed) return fail('UNSUPPORTED', '仅支持分离式签名（detached）的 PDF 签章');
      const carried = child(child(encapsulated, 1), 0);
      if (!equalBytes(carried.content, content)) return fail('MODIFIED', '文件在签章后被修改过，签章已失效');
    }
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

/** Checks a detached CMS signature (a PDF's /Contents) over `content`. */
export function verifyDetachedCms(cms: Uint8Array, content: Buffer): CmsCheck {
  return verifyCms(cms, content, false);
}
