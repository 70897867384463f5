/**
 * Builds CMS signatures node-forge cannot make, for the seal-check tests: an ECDSA P-256 certificate (forge only
 * knows RSA keys), the ESS signing-certificate-v2 attribute that PAdES signatures carry (RFC 5035), other
 * algorithm identifiers, SM2/SM3 signers (GM/T 0010, with sm2Builder.ts) and GB/T 35275's content types. The
 * structures are assembled with forge's ASN.1 encoder and signed with Node's crypto (or the signer's own scheme).
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const U = asn1.Class.UNIVERSAL;
const seq = (...value: Node[]): Node => asn1.create(U, asn1.Type.SEQUENCE, true, value);
const set = (...value: Node[]): Node => asn1.create(U, asn1.Type.SET, true, value);
const ctx = (tag: number, ...value: Node[]): Node =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, value);
const oid = (id: string): Node => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const int = (bytes: Buffer): Node => asn1.create(U, asn1.Type.INTEGER, false, bytes.toString('binary'));
const octets = (bytes: Buffer): Node =>
  asn1.create(U, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const utf8 = (text: string): Node => asn1.create(U, asn1.Type.UTF8, false, forge.util.encodeUtf8(text));
const utc = (date: Date): Node => asn1.create(U, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
const fromDer = (der: Buffer): Node => asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
const toDer = (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

export const OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sm3: '1.2.156.10197.1.401',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  sm2WithSm3: '1.2.156.10197.1.501',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  gmData: '1.2.156.10197.6.1.4.2.1',
  gmSignedData: '1.2.156.10197.6.1.4.2.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

export interface CmsSigner {
  certDer: Buffer;
  key?: KeyObject;
  /** Signs with the signer's own scheme (SM2) instead of Node's `sign` with `key`. */
  signWith?: (data: Buffer) => Buffer;
  /** The signature algorithm written in the SignerInfo. */
  signatureOid: string;
  /** The digest algorithm: SHA-256 unless given. */
  digest?: 'sha256' | 'sm3';
}

/** A self-signed ECDSA P-256 certificate whose subject is `CN=<commonName>`. */
export function ecdsaSigner(commonName: string): CmsSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(set(seq(oid('2.5.4.3'), utf8(commonName))));
  const algorithm = seq(oid(OIDS.ecdsaSha256));
  const tbs = seq(
    ctx(0, int(Buffer.from([2]))),
    int(Buffer.from('1F2E3D', 'hex')),
    algorithm,
    name,
    seq(utc(new Date('2026-01-01T00:00:00Z')), utc(new Date('2028-01-01T00:00:00Z'))),
    name,
    fromDer(publicKey.export({ type: 'spki', format: 'der' })),
  );
  const signature = sign('sha256', toDer(tbs), privateKey);
  const bits = asn1.create(U, asn1.Type.BITSTRING, false, `\x00${signature.toString('binary')}`);
  return { certDer: toDer(seq(tbs, algorithm, bits)), key: privateKey, signatureOid: OIDS.ecdsaSha256 };
}

export interface CmsOptions {
  signedAt?: Date;
  /** Adds an ESS signing-certificate-v2 attribute with the certificate's SHA-256, or a wrong hash. */
  ess?: 'right' | 'wrong';
  /** GB/T 35275's content type identifiers instead of PKCS#7's. */
  gmContentTypes?: boolean;
  /** Carries the content inside the SignedData (an OFD's SignedValue may). */
  attached?: boolean;
}

/** A CMS SignedData over `content` with signed attributes (SHA-256 or the signer's digest), detached by default. */
export function detachedCms(content: Buffer, signer: CmsSigner, options: CmsOptions = {}): Buffer {
  const cert = fromDer(signer.certDer);
  const tbs = (cert.value as Node[])[0]!;
  const fields = tbs.value as Node[];
  const offset = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset]!;
  const issuer = fields[offset + 2]!;

  const hash = signer.digest ?? 'sha256';
  const digestOid = hash === 'sm3' ? OIDS.sm3 : OIDS.sha256;
  const dataOid = options.gmContentTypes ? OIDS.gmData : OIDS.data;
  const attributes = [
    seq(oid(OIDS.contentType), set(oid(dataOid))),
    seq(oid(OIDS.messageDigest), set(octets(createHash(hash).update(content).digest()))),
    seq(oid(OIDS.signingTime), set(utc(options.signedAt ?? new Date('2026-06-18T02:00:00Z')))),
  ];
  if (options.ess) {
    const certHash = createHash('sha256')
      .update(options.ess === 'right' ? signer.certDer : Buffer.from('another certificate'))
      .digest();
    attributes.push(seq(oid(OIDS.signingCertificateV2), set(seq(seq(seq(octets(certHash)))))));
  }
  const signed = toDer(set(...attributes));
  const signature = signer.signWith ? signer.signWith(signed) : sign('sha256', signed, signer.key!);
  const signerInfo = seq(
    int(Buffer.from([1])),
    seq(issuer, serial),
    seq(oid(digestOid)),
    ctx(0, ...attributes),
    seq(oid(signer.signatureOid)),
    octets(signature),
  );
  const encapsulated = options.attached ? seq(oid(dataOid), ctx(0, octets(content))) : seq(oid(dataOid));
  const signedData = seq(
    int(Buffer.from([1])),
    set(seq(oid(digestOid))),
    encapsulated,
    ctx(0, cert),
    set(signerInfo),
  );
  return toDer(seq(oid(options.gmContentTypes ? OIDS.gmSignedData : OIDS.signedData), ctx(0, signedData)));
}

/** The forge test signer as a CmsSigner (RSA PKCS#1 v1.5). */
export function rsaCmsSigner(certificate: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): CmsSigner {
  return {
    certDer: toDer(forge.pki.certificateToAsn1(certificate)),
    key: createPrivateKey(forge.pki.privateKeyToPem(key)),
    signatureOid: OIDS.rsaEncryption,
  };
}
