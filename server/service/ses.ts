/**
 * The electronic seal signature of an OFD signature (SignedValue.dat): a SES_Signature of GB/T 38540-2020 (V4) or
 * of GM/T 0031-2014 (V1), or a CMS SignedData of GB/T 35275 over Signature.xml. For a SES_Signature: dataHash must be
 * the digest of Signature.xml's bytes (SM3 for SM2), the signature over TBS_Sign (as encoded) must verify with the
 * public key of the certificate it carries, that certificate must be intact (its own signature holds when it is
 * self-issued) and valid at the stated time, and the seal file named by Signature.xml (Seal.esl) must be the seal
 * inside TBS_Sign. The seal's own maker signature and the seal's validity are not judged here (docs/service-rights.md).
 *
 *   V4  SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID,
 *                                    signature BIT STRING, timeStamp [0] BIT STRING OPTIONAL }
 *       TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING,
 *                               propertyInfo IA5String, extDatas [0] OPTIONAL }
 *   V1  SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING }
 *       TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo BIT STRING, dataHash BIT STRING,
 *                               propertyInfo IA5String, cert OCTET STRING, signatureAlgorithm OID, ... }
 */
import { createHash } from 'node:crypto';
import { child, decode, equalBytes, isUniversal, oid, TAG, time, type Asn1Node } from './asn1';
import {
  certEntry,
  issuerSignatureHolds,
  keyKindOf,
  SIGNATURE_ALGORITHMS,
  signatureVerifies,
  validAt,
} from './certs';
import { verifyCms } from './cms';
import { refuse, type SignerCheck } from './seal';

const OID_SIGNED_DATA = new Set(['1.2.840.113549.1.7.2', '1.2.156.10197.6.1.4.2.2']);
const BIT_STRING = 3;

interface SesParts {
  tbs: Asn1Node;
  eseal: Asn1Node;
  timeInfo: Asn1Node;
  dataHash: Asn1Node;
  cert: Asn1Node;
  algorithm: string;
  signature: Asn1Node;
}

/** The parts of a V4 or V1 SES_Signature, or undefined when it is neither. */
function sesParts(root: Asn1Node): SesParts | undefined {
  if (!isUniversal(root, TAG.SEQUENCE)) return undefined;
  const tbs = child(root, 0);
  if (!isUniversal(tbs, TAG.SEQUENCE) || !isUniversal(child(tbs, 0), TAG.INTEGER)) return undefined;
  const [, eseal, timeInfo, dataHash] = [0, 1, 2, 3].map((i) => child(tbs, i)) as [
    Asn1Node,
    Asn1Node,
    Asn1Node,
    Asn1Node,
  ];
  if (root.children.length >= 4) {
    const [, cert, algorithm, signature] = root.children as [Asn1Node, Asn1Node, Asn1Node, Asn1Node];
    return { tbs, eseal, timeInfo, dataHash, cert, algorithm: oid(algorithm), signature };
  }
  if (root.children.length === 2 && tbs.children.length >= 7)
    return {
      tbs,
      eseal,
      timeInfo,
      dataHash,
      cert: child(tbs, 5),
      algorithm: oid(child(tbs, 6)),
      signature: child(root, 1),
    };
  return undefined;
}

/** A V1 timeInfo: a BIT STRING (some signers write an OCTET STRING) holding a UTC or generalized time as text. */
function textTime(node: Asn1Node): Date | undefined {
  const direct = time(node);
  if (direct) return direct;
  const text = Buffer.from(node.content).toString('latin1').trim();
  const full = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  const short = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const parts =
    full ?? (short && [short[0], `${Number(short[1]) < 50 ? '20' : '19'}${short[1]}`, ...short.slice(2)]);
  if (!parts) return undefined;
  const [, y, mo, d, h, mi, s] = parts.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function checkSes(parts: SesParts, signatureXml: Buffer, sealFile: Buffer | undefined): SignerCheck {
  const algorithm = SIGNATURE_ALGORITHMS[parts.algorithm];
  if (!algorithm?.hash) return refuse('UNSUPPORTED', '不支持该电子签章使用的签名算法');
  if (!isUniversal(parts.cert, TAG.OCTET_STRING))
    return refuse('BAD_SIGNATURE', '电子签章数据中没有签章人证书');
  const signer = certEntry(decode(parts.cert.content));
  if (keyKindOf(signer) !== algorithm.key)
    return refuse('BAD_SIGNATURE', '签名算法与签名者证书的密钥类型不符');

  const expected = createHash(algorithm.hash).update(signatureXml).digest();
  if (!equalBytes(parts.dataHash.content, expected))
    return refuse('MODIFIED', '签名描述文件（Signature.xml）在签章后被修改过，签章已失效');
  if (sealFile && !equalBytes(sealFile, parts.eseal.raw))
    return refuse('BAD_SIGNATURE', '电子印章文件（Seal.esl）与签章数据中的印章不一致，签章无效');

  if (!isUniversal(parts.signature, BIT_STRING)) return refuse('BAD_SIGNATURE', '电子签章数据格式不正确');
  if (!signatureVerifies(signer, algorithm.key, algorithm.hash, parts.tbs.raw, parts.signature.content))
    return refuse('BAD_SIGNATURE', '签名与文件中的证书不符，签章无效');
  if (!issuerSignatureHolds(signer, [signer]))
    return refuse('BAD_SIGNATURE', '文件中的签名证书已被改动，签章无效');
  const signedAt = textTime(parts.timeInfo);
  if (!validAt(signer, signedAt)) return refuse('BAD_SIGNATURE', '签章时签名证书不在有效期内');
  return { ok: true, certificate: signer.certificate, signedAt };
}

/**
 * Verifies an OFD signature's SignedValue over its Signature.xml bytes; `sealFile` is the seal Signature.xml names
 * (Seal.esl), when it names one.
 */
export function verifySignedValue(
  signedValue: Buffer,
  signatureXml: Buffer,
  sealFile: Buffer | undefined,
): SignerCheck {
  let root: Asn1Node;
  try {
    root = decode(signedValue);
  } catch {
    return refuse('BAD_SIGNATURE', '电子签章数据（SignedValue）无法解析');
  }
  try {
    const first = root.children[0];
    if (first && isUniversal(first, TAG.OID) && OID_SIGNED_DATA.has(oid(first)))
      return verifyCms(signedValue, signatureXml, true);
    const parts = sesParts(root);
    if (!parts)
      return refuse('UNSUPPORTED', '不支持该电子签章数据的格式（应为 GB/T 38540 电子签章或 PKCS#7 签名）');
    return checkSes(parts, signatureXml, sealFile);
  } catch {
    return refuse('BAD_SIGNATURE', '电子签章数据格式不正确');
  }
}
