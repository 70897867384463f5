/**
 * Verifies the authority's sealed electronic document at service issue (REC-7; docs/service-rights.md): a PDF carrying a
 * PAdES / PKCS#7 detached signature (ISO 32000 §12.8: /ByteRange and /Contents). The signature is checked against
 * the certificate embedded in the file, the digest against the bytes of the /ByteRange, and the signed range must
 * reach the end of the file: bytes appended after signing (an incremental update the signature does not cover)
 * or changed inside it are refused. OFD (GB/T 33190) is refused with a clear message: its seals (GB/T 38540, SM2)
 * are not verified here yet. Whether the signer may seal for the authority (a trusted root, revocation) is not
 * judged here: the signer's subject and serial are returned to be recorded and checked by the caller.
 */
import { createHash } from 'node:crypto';
import { verifyDetachedCms, type CmsCheck } from './cms';

export const MAX_SEALED_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type SealCheckCode = 'UNSIGNED' | 'MODIFIED' | 'BAD_SIGNATURE' | 'UNSUPPORTED';

export type SealCheck =
  | {
      ok: true;
      /** The signer certificate's subject, one `KEY=value` per attribute joined with ", ". */
      signerSubject: string;
      /** The certificate serial number, upper-case hex. */
      certSerial: string;
      /** SHA-256 of the certificate (DER), lower-case hex. */
      certSha256: string;
      /** SHA-256 of the whole file, lower-case hex: the hash fixed on the service. */
      fileSha256: string;
      /** The signing time the signature states (signed attribute), or null when it states none. */
      signedAt: Date | null;
    }
  | { ok: false; code: SealCheckCode; message: string };

const fail = (code: SealCheckCode, message: string): SealCheck => ({ ok: false, code, message });

interface SignatureSlot {
  range: [number, number, number, number];
  contents: Buffer;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;
const HEX = /^[0-9A-Fa-f\s]*$/;

/** The signature slots of a PDF, or a refusal when a /ByteRange is malformed. */
function signatureSlots(bytes: Buffer): SignatureSlot[] | SealCheck {
  const text = bytes.toString('latin1');
  const slots: SignatureSlot[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    if (a === 0 && b === 0 && c === 0 && d === 0) continue; // a signature field prepared but never signed
    const gapOk =
      a === 0 && b > 0 && c > b + 1 && c + d <= bytes.length && bytes[b] === 0x3c && bytes[c - 1] === 0x3e;
    const hex = gapOk ? text.slice(b + 1, c - 1) : '';
    // The /ByteRange itself must lie in the signed bytes, outside the /Contents gap.
    const signedItself = match.index + match[0].length <= b || match.index >= c;
    if (!gapOk || !HEX.test(hex) || !signedItself)
      return fail('BAD_SIGNATURE', '签章的签名范围（ByteRange）不正确，无法验证');
    const clean = hex.replace(/\s+/g, '');
    if (clean.length % 2 !== 0) return fail('BAD_SIGNATURE', '签章的签名数据不完整');
    slots.push({ range: [a, b, c, d], contents: Buffer.from(clean, 'hex') });
  }
  return slots;
}

function subjectLine(subject: string): string {
  return subject
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(', ');
}

/** Checks a sealed PDF; refuses OFD, other formats, files over 20 MB, unsigned, changed or badly signed files. */
export function verifySealedDocument(bytes: Buffer): SealCheck {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    return fail('UNSUPPORTED', '文件为空，请上传盖有电子签章的 PDF 文件');
  if (bytes.length > MAX_SEALED_DOCUMENT_BYTES)
    return fail('UNSUPPORTED', `文件超过 ${MAX_SEALED_DOCUMENT_BYTES / 1024 / 1024} MB，无法验证签章`);
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    return fail(
      'UNSUPPORTED',
      '暂不支持 OFD 版式文件的签章验证，请由文书系统导出盖有电子签章的 PDF 文件后再送达',
    );
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-'))
    return fail('UNSUPPORTED', '文件不是 PDF 格式，请上传盖有电子签章的 PDF 文件');

  const slots = signatureSlots(bytes);
  if (!Array.isArray(slots)) return slots;
  const signed = slots.filter((slot) => slot.contents.some((byte) => byte !== 0));
  if (signed.length === 0) return fail('UNSIGNED', '文件没有电子签章，不能作为送达文书');
  const covering = signed.find(({ range: [, , c, d] }) => c + d === bytes.length);
  if (!covering)
    return fail('MODIFIED', '文件在签章后被追加或修改了内容（签章没有覆盖整个文件），签章已失效');

  let result: CmsCheck | undefined;
  for (const slot of signed) {
    const [a, b, c, d] = slot.range;
    const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
    const check = verifyDetachedCms(slot.contents, content);
    if (!check.ok) return check;
    if (slot === covering) result = check;
  }
  if (!result?.ok) return fail('BAD_SIGNATURE', '签章无效');
  const { certificate, signedAt } = result;
  return {
    ok: true,
    signerSubject: subjectLine(certificate.subject),
    certSerial: certificate.serialNumber.toUpperCase(),
    certSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    fileSha256: createHash('sha256').update(bytes).digest('hex'),
    signedAt: signedAt ?? null,
  };
}
