/**
 * Builds sealed OFD documents at test time (GB/T 33190-2016; no binary fixtures, no stored keys) as a document
 * system writes them: a one-page document (OFD.xml, Doc_0/Document.xml, a page), then the seal: Signatures.xml with
 * one Seal signature, Seal.esl (a GB/T 38540 SESeal), Signature.xml whose References hold the SM3 (or SHA-256)
 * digest of every file written before it, and SignedValue.dat: an SES_Signature V4 (GB/T 38540-2020) or V1
 * (GM/T 0031-2014) over Signature.xml, signed with SM2, or a GB/T 35275 CMS SignedData. zipOfd packs the files.
 */
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { detachedCms } from './cmsBuilder';
import {
  bits,
  generalized,
  GM_OIDS,
  ia5,
  int,
  octets,
  seq,
  sm2CmsSigner,
  sm2Sign,
  sm2Signer,
  toDer,
  utf8,
  oid,
  type Sm2Signer,
} from './sm2Builder';
import type forge from 'node-forge';

export const OFD_SIGNER_NAME = '重庆市万州区卫生健康委员会';
export const OFD_SIGNED_AT = new Date('2026-06-18T02:00:00Z');
export const SIGNS = 'Doc_0/Signs';
export const SIGN_0 = `${SIGNS}/Sign_0`;
export const PAGE = 'Doc_0/Pages/Page_0/Content.xml';

export type OfdFiles = Map<string, Buffer>;

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, 'utf8');

/** An unsigned one-page document; `signaturesEntry` names Doc_0/Signs/Signatures.xml in OFD.xml as a sealed one does. */
export function ofdDocument(signaturesEntry: boolean, pageText = '行政处罚事先告知书'): OfdFiles {
  const signatures = signaturesEntry ? `<ofd:Signatures>${SIGNS}/Signatures.xml</ofd:Signatures>` : '';
  return new Map([
    [
      'OFD.xml',
      xml(
        `<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6a1f</ofd:DocID>` +
          `<ofd:Title>${pageText}</ofd:Title><ofd:CreationDate>2026-06-18</ofd:CreationDate></ofd:DocInfo>` +
          `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>${signatures}</ofd:DocBody></ofd:OFD>`,
      ),
    ],
    [
      'Doc_0/Document.xml',
      xml(
        `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>4</ofd:MaxUnitID><ofd:PageArea>` +
          `<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>` +
          `<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
      ),
    ],
    [
      PAGE,
      xml(
        `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="3" Boundary="20 20 170 10" ` +
          `Font="4" Size="5"><ofd:TextCode X="0" Y="5">${pageText}</ofd:TextCode></ofd:TextObject>` +
          `</ofd:Layer></ofd:Content></ofd:Page>`,
      ),
    ],
  ]);
}

/** A GB/T 38540 electronic seal (SESeal V4) made by `maker`: the picture is a placeholder. */
export function eseal(maker: Sm2Signer, name = OFD_SIGNER_NAME): forge.asn1.Asn1 {
  const info = seq(
    seq(ia5('ES'), int(Buffer.from([4])), ia5('test')),
    ia5('50010100000001'),
    seq(
      int(Buffer.from([1])),
      utf8(name),
      int(Buffer.from([1])),
      seq(octets(maker.certDer)),
      generalized(new Date('2026-01-01T00:00:00Z')),
      generalized(new Date('2026-01-01T00:00:00Z')),
      generalized(new Date('2028-01-01T00:00:00Z')),
    ),
    seq(ia5('png'), octets(Buffer.from('seal picture')), int(Buffer.from([40])), int(Buffer.from([40]))),
  );
  const signature = sm2Sign(toDer(info), maker);
  return seq(info, octets(maker.certDer), oid(GM_OIDS.sm2WithSm3), bits(signature));
}

export interface SesOptions {
  version?: 4 | 1;
  signedAt?: Date;
  /** The bytes whose SM3 digest is written as dataHash: Signature.xml's unless given. */
  hashed?: Buffer;
}

/** An SES_Signature over `signatureXml`, signed by `signer` with SM2 over TBS_Sign's DER. */
export function sesSignature(
  signatureXml: Buffer,
  signer: Sm2Signer,
  seal: forge.asn1.Asn1,
  options: SesOptions = {},
): Buffer {
  const dataHash = bits(
    createHash('sm3')
      .update(options.hashed ?? signatureXml)
      .digest(),
  );
  const signedAt = options.signedAt ?? OFD_SIGNED_AT;
  const property = ia5(`/${SIGN_0}/Signature.xml`);
  if (options.version === 1) {
    const time = bits(Buffer.from(`${signedAt.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`));
    const tbs = seq(
      int(Buffer.from([1])),
      seal,
      time,
      dataHash,
      property,
      octets(signer.certDer),
      oid(GM_OIDS.sm2WithSm3),
    );
    return toDer(seq(tbs, bits(sm2Sign(toDer(tbs), signer))));
  }
  const tbs = seq(int(Buffer.from([4])), seal, generalized(signedAt), dataHash, property);
  return toDer(seq(tbs, octets(signer.certDer), oid(GM_OIDS.sm2WithSm3), bits(sm2Sign(toDer(tbs), signer))));
}

export interface SealOptions extends SesOptions {
  checkMethod?: 'sm3' | 'sha256';
  /** SignedValue.dat as a GB/T 35275 CMS SignedData carrying Signature.xml instead of an SES_Signature. */
  cms?: boolean;
  /** How References/@FileRef name files: from the root with '/' (default), without it, or from Sign_0/. */
  fileRefs?: 'absolute' | 'root' | 'relative';
  /**
   * Adds a further seal to a sealed package (Sign_1, …) instead of the first one; the References then leave
   * Signatures.xml out, as a signer that allows further seals does (ofdrw's ContinueSign).
   */
  further?: boolean;
}

function fileRef(name: string, style: SealOptions['fileRefs']): string {
  if (style === 'root') return name;
  if (style === 'relative') return `${'../'.repeat(SIGN_0.split('/').length)}${name}`;
  return `/${name}`;
}

/**
 * Seals the files of `ofdDocument(true)` as a document system does (or adds a further seal, `options.further`);
 * answers the whole package's files.
 */
export function sealFiles(document: OfdFiles, signer: Sm2Signer, options: SealOptions = {}): OfdFiles {
  const files = new Map(document);
  let index = 0;
  while (options.further && files.has(`${SIGNS}/Sign_${index}/Signature.xml`)) index++;
  const dir = `${SIGNS}/Sign_${index}`;
  const listed = Array.from(
    { length: index + 1 },
    (_, i) => `<ofd:Signature ID="${i + 1}" Type="Seal" BaseLoc="Sign_${i}/Signature.xml"/>`,
  ).join('');
  const list = `${SIGNS}/Signatures.xml`;
  files.set(
    list,
    xml(`<ofd:Signatures ${NS}><ofd:MaxSignId>${index + 1}</ofd:MaxSignId>${listed}</ofd:Signatures>`),
  );
  const seal = eseal(signer);
  files.set(`${dir}/Seal.esl`, toDer(seal));
  const method = options.checkMethod ?? 'sm3';
  const references = [...files]
    .filter(([name]) => !(options.further && name === list))
    .map(
      ([name, bytes]) =>
        `<ofd:Reference FileRef="${fileRef(name, options.fileRefs)}"><ofd:CheckValue>` +
        `${createHash(method).update(bytes).digest('base64')}</ofd:CheckValue></ofd:Reference>`,
    )
    .join('');
  const signatureXml = xml(
    `<ofd:Signature ${NS}><ofd:SignedInfo><ofd:Provider ProviderName="test" Company="test"/>` +
      `<ofd:SignatureMethod>${GM_OIDS.sm2WithSm3}</ofd:SignatureMethod>` +
      `<ofd:SignatureDateTime>20260618100000</ofd:SignatureDateTime>` +
      `<ofd:References CheckMethod="${method === 'sm3' ? GM_OIDS.sm3 : '2.16.840.1.101.3.4.2.1'}">${references}` +
      `</ofd:References><ofd:StampAnnot ID="1" PageRef="1" Boundary="150 240 40 40"/>` +
      `<ofd:Seal><ofd:BaseLoc>/${dir}/Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>` +
      `<ofd:SignedValue>/${dir}/SignedValue.dat</ofd:SignedValue></ofd:Signature>`,
  );
  files.set(`${dir}/Signature.xml`, signatureXml);
  const signedValue = options.cms
    ? detachedCms(signatureXml, sm2CmsSigner(signer), { gmContentTypes: true, attached: true })
    : sesSignature(signatureXml, signer, seal, options);
  files.set(`${dir}/SignedValue.dat`, signedValue);
  return files;
}

/** The files as an OFD package (a ZIP file, deflated). */
export function zipOfd(files: OfdFiles): Buffer {
  const entries = Object.fromEntries([...files].map(([name, bytes]) => [name, new Uint8Array(bytes)]));
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2026-06-18T02:00:00Z') }));
}

let defaultSigner: Sm2Signer | undefined;

/** The SM2 signer of the sealed test documents (made once per test file). */
export function ofdSigner(): Sm2Signer {
  defaultSigner ??= sm2Signer(OFD_SIGNER_NAME, { serialHex: '5A01' });
  return defaultSigner;
}

/** A sealed one-page OFD package in one call. */
export function sealedOfd(options: SealOptions = {}, signer: Sm2Signer = ofdSigner()): Buffer {
  return zipOfd(sealFiles(ofdDocument(true), signer, options));
}
