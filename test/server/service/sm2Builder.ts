/**
 * SM2 (国密) signers for the seal-check tests, made at test time (no stored key): a fresh SM2 key pair from
 * sm-crypto and a self-issued X.509 certificate whose signature algorithm is sm2-with-sm3 (GM/T 0015, GM/T 0010
 * OIDs), signed with the SM2 signature scheme over SM3 with the default user ID (GM/T 0009). The ASN.1 is assembled
 * with node-forge's encoder, as in cmsBuilder.ts.
 */
import forge from 'node-forge';
import { sm2 } from 'sm-crypto';
import type { CmsSigner } from './cmsBuilder';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const U = asn1.Class.UNIVERSAL;
export const seq = (...value: Node[]): Node => asn1.create(U, asn1.Type.SEQUENCE, true, value);
export const set = (...value: Node[]): Node => asn1.create(U, asn1.Type.SET, true, value);
export const ctx = (tag: number, ...value: Node[]): Node =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, value);
export const oid = (id: string): Node => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
export const int = (bytes: Buffer): Node =>
  asn1.create(U, asn1.Type.INTEGER, false, bytes.toString('binary'));
export const octets = (bytes: Buffer): Node =>
  asn1.create(U, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
export const bits = (bytes: Buffer): Node =>
  asn1.create(U, asn1.Type.BITSTRING, false, `\x00${bytes.toString('binary')}`);
export const utf8 = (text: string): Node =>
  asn1.create(U, asn1.Type.UTF8, false, forge.util.encodeUtf8(text));
export const ia5 = (text: string): Node => asn1.create(U, asn1.Type.IA5STRING, false, text);
export const utc = (date: Date): Node => asn1.create(U, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
export const generalized = (date: Date): Node =>
  asn1.create(U, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
export const fromDer = (der: Buffer): Node => asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
export const toDer = (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

export const GM_OIDS = {
  sm2WithSm3: '1.2.156.10197.1.501',
  sm2Curve: '1.2.156.10197.1.301',
  sm3: '1.2.156.10197.1.401',
  ecPublicKey: '1.2.840.10045.2.1',
  gmData: '1.2.156.10197.6.1.4.2.1',
  gmSignedData: '1.2.156.10197.6.1.4.2.2',
};

export interface Sm2Signer {
  certDer: Buffer;
  /** Hex, as sm-crypto takes it. */
  privateKey: string;
  /** Uncompressed point 04||x||y, hex. */
  publicKey: string;
}

/** An SM2 signature (DER SEQUENCE {r, s}) over `message` with SM3 and the user ID (default 1234567812345678). */
export function sm2Sign(message: Buffer, signer: Pick<Sm2Signer, 'privateKey' | 'publicKey'>): Buffer {
  const hex = sm2.doSignature(Array.from(message), signer.privateKey, {
    der: true,
    hash: true,
    publicKey: signer.publicKey,
  });
  return Buffer.from(hex, 'hex');
}

export interface Sm2CertOptions {
  serialHex?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/** A fresh SM2 key pair with a self-issued certificate whose subject is `C=CN, CN=<commonName>`. */
export function sm2Signer(commonName: string, options: Sm2CertOptions = {}): Sm2Signer {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const name = seq(
    set(seq(oid('2.5.4.6'), asn1.create(U, asn1.Type.PRINTABLESTRING, false, 'CN'))),
    set(seq(oid('2.5.4.3'), utf8(commonName))),
  );
  const algorithm = seq(oid(GM_OIDS.sm2WithSm3));
  const spki = seq(seq(oid(GM_OIDS.ecPublicKey), oid(GM_OIDS.sm2Curve)), bits(Buffer.from(publicKey, 'hex')));
  const tbs = seq(
    ctx(0, int(Buffer.from([2]))),
    int(Buffer.from(options.serialHex ?? '5A01', 'hex')),
    algorithm,
    name,
    seq(
      utc(options.notBefore ?? new Date('2026-01-01T00:00:00Z')),
      utc(options.notAfter ?? new Date('2028-01-01T00:00:00Z')),
    ),
    name,
    spki,
  );
  const signature = sm2Sign(toDer(tbs), { privateKey, publicKey });
  return { certDer: toDer(seq(tbs, algorithm, bits(signature))), privateKey, publicKey };
}

/** The SM2 signer as a CMS signer: SM3 digest, sm2-with-sm3 signature (GM/T 0010). */
export function sm2CmsSigner(signer: Sm2Signer): CmsSigner {
  return {
    certDer: signer.certDer,
    signWith: (data) => sm2Sign(data, signer),
    signatureOid: GM_OIDS.sm2WithSm3,
    digest: 'sm3',
  };
}
