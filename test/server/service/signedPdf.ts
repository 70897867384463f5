/**
 * Builds sealed PDFs at test time (no binary fixtures, no stored keys): a self-signed certificate made with
 * node-forge from a fresh Node key, and a one-page PDF with a PAdES-style detached PKCS#7 signature over its
 * /ByteRange, laid out as a document system writes it (ISO 32000 §12.8.1).
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TestSigner {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
}

export const SIGNER_NAME = '重庆市万州区卫生健康委员会';
export const SIGNED_AT = new Date('2026-06-18T02:00:00Z');

function newKey(): { key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    key: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

/** A self-signed certificate for a seal, valid around 2026. */
export function makeSigner(serial = '01A2B3C4'): TestSigner {
  const { key, publicKey } = newKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = serial;
  certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2028-01-01T00:00:00Z');
  const name = [
    { shortName: 'C', value: 'CN' },
    { name: 'commonName', value: SIGNER_NAME, valueTagClass: forge.asn1.Type.UTF8 },
  ] as forge.pki.CertificateField[];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(key, forge.md.sha256.create());
  return { key, certificate };
}

/** A signer whose embedded certificate is `certificate` but whose signature is made with another key. */
export function impostor(certificate: forge.pki.Certificate): TestSigner {
  return { key: newKey().key, certificate };
}

const RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';
const CONTENTS_HEX_LENGTH = 16_384;

/** A one-page PDF with a signature field; `placeholder` leaves room for the signature. */
export function unsignedPdf(placeholder: boolean): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>',
    '<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /V 5 0 R /T (Seal) /F 4 /P 3 0 R >>',
    placeholder
      ? `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ${RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_HEX_LENGTH)}> /M (D:20260618100000+08'00') >>`
      : '<< /Type /Sig >>',
  ];
  let body = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Fills the placeholder of `pdf` (made by unsignedPdf(true)): the range, then `sign(signed bytes)` as /Contents. */
export function signPdfWith(pdf: Buffer, sign: (content: Buffer) => Buffer): Buffer {
  const text = pdf.toString('latin1');
  const rangeAt = text.indexOf(RANGE_PLACEHOLDER);
  const b = text.indexOf('/Contents <', rangeAt) + '/Contents '.length;
  const c = b + CONTENTS_HEX_LENGTH + 2;
  const d = pdf.length - c;
  const range = `/ByteRange [0 ${b} ${c} ${d}]`.padEnd(RANGE_PLACEHOLDER.length, ' ');
  const out = Buffer.from(pdf);
  out.write(range, rangeAt, 'latin1');

  const hex = sign(Buffer.concat([out.subarray(0, b), out.subarray(c)])).toString('hex');
  if (hex.length > CONTENTS_HEX_LENGTH) throw new Error('signature larger than its placeholder');
  out.write(hex.padEnd(CONTENTS_HEX_LENGTH, '0'), b + 1, 'latin1');
  return out;
}

/** Signs `pdf` (made by unsignedPdf(true)) as a detached PKCS#7 with signed attributes, made by node-forge. */
export function signPdf(pdf: Buffer, signer: TestSigner, signedAt: Date = SIGNED_AT): Buffer {
  return signPdfWith(pdf, (content) => forgeSignature(content, signer, signedAt));
}

function forgeSignature(content: Buffer, signer: TestSigner, signedAt: Date): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.addCertificate(signer.certificate);
  p7.addSigner({
    key: signer.key,
    certificate: signer.certificate,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: signedAt as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** A sealed PDF in one call. */
export function sealedPdf(signer: TestSigner = makeSigner()): Buffer {
  return signPdf(unsignedPdf(true), signer);
}
