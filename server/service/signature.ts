/**
 * Verifies the authority's sealed electronic document at service issue (REC-7; docs/service-rights.md "Seal check at
 * issue"), in either form a document system exports:
 * - a PDF carrying a PAdES / PKCS#7 detached signature (ISO 32000 §12.8: /ByteRange and /Contents), RSA, ECDSA or
 *   SM2 with SM3 (./cms.ts). The signature is checked against the certificate embedded in the file, the digest
 *   against the bytes of the /ByteRange, and the signed range must reach the end of the file: bytes appended after
 *   signing (an incremental update the signature does not cover) or changed inside it are refused;
 * - an OFD package (GB/T 33190) sealed with a GB/T 38540 / GM/T 0031 electronic seal or a GB/T 35275 signature
 *   (./ofd.ts): every file must be covered by the signature's digests and the seal signature must verify.
 * Whether the signer may seal for the authority (a trusted root, revocation) is not judged here: the signer's
 * subject and serial are returned to be recorded and checked by the caller.
 */
import { verifyDetachedCms, type CmsCheck } from './cms';
import { verifySealedOfd } from './ofd';
import { refuse, sealAccepted, type SealCheck, type SealCheckCode } from './seal';

export type { SealCheck, SealCheckCode };

export const MAX_SEALED_DOCUMENT_BYTES = 20 * 1024 * 1024;

const fail = (code: SealCheckCode, message: string): SealCheck => refuse(code, message);

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

/**
 * Checks a sealed PDF or OFD file; refuses other formats, files over 20 MB, unsigned, changed or badly signed files.
 * Never throws: every refusal is a code with a Chinese message.
 */
export function verifySealedDocument(bytes: Buffer): SealCheck {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    return fail('UNSUPPORTED', '文件为空，请上传盖有电子签章的 PDF 或 OFD 文件');
  if (bytes.length > MAX_SEALED_DOCUMENT_BYTES)
    return fail('UNSUPPORTED', `文件超过 ${MAX_SEALED_DOCUMENT_BYTES / 1024 / 1024} MB，无法验证签章`);
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    try {
      return verifySealedOfd(bytes);
    } catch {
      return fail('UNSUPPORTED', '文件不是有效的 OFD 版式文件，无法验证签章');
    }
  }
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-'))
    return fail('UNSUPPORTED', '文件不是 PDF 或 OFD 格式，请上传盖有电子签章的 PDF 或 OFD 文件');

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
  return sealAccepted(bytes, 'pdf', result);
}
