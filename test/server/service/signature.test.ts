/**
 * The sealed-document check at service issue (REC-7): a PDF signed with a PKCS#7 detached
 * signature is accepted with its signer, serial and hash; an unsigned file, a file changed or extended after
 * signing, and a signature by another key are refused with a Chinese message. Every file is made at test time.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import forge from 'node-forge';
import { verifySealedDocument, MAX_SEALED_DOCUMENT_BYTES } from '../../../server/service/signature';
import { impostor, makeSigner, sealedPdf, signPdf, SIGNED_AT, SIGNER_NAME, unsignedPdf } from './signedPdf';

const signer = makeSigner('01A2B3C4');
const sealed = sealedPdf(signer);

function refusal(bytes: Buffer) {
  const result = verifySealedDocument(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('verifySealedDocument', () => {
  it('accepts a sealed PDF and returns the signer, the certificate serial, the file hash and the signing time', () => {
    expect(verifySealedDocument(sealed)).toEqual({
      ok: true,
      signerSubject: `C=CN, CN=${SIGNER_NAME}`,
      certSerial: '01A2B3C4',
      certSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      fileSha256: createHash('sha256').update(sealed).digest('hex'),
      signedAt: SIGNED_AT,
      format: 'pdf',
    });
  });

  it('refuses a PDF without a signature, and one whose signature field was never signed', () => {
    for (const pdf of [unsignedPdf(false), unsignedPdf(true)]) {
      expect(refusal(pdf)).toEqual({
        ok: false,
        code: 'UNSIGNED',
        message: '文件没有电子签章，不能作为送达文书',
      });
    }
  });

  it('refuses a file with one byte changed inside the signed range', () => {
    const changed = Buffer.from(sealed);
    const at = changed.indexOf('/MediaBox [0 0 595 842]') + '/MediaBox [0 0 59'.length;
    changed[at] = '6'.charCodeAt(0);
    expect(refusal(changed)).toMatchObject({
      code: 'MODIFIED',
      message: expect.stringContaining('签章后被修改'),
    });
  });

  it('refuses a file with an incremental update appended after signing', () => {
    const update = '\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>\nendobj\n%%EOF\n';
    const appended = Buffer.concat([sealed, Buffer.from(update, 'latin1')]);
    expect(refusal(appended)).toMatchObject({
      code: 'MODIFIED',
      message: expect.stringContaining('签章没有覆盖整个文件'),
    });
    expect(refusal(Buffer.concat([sealed, Buffer.from(' ')]))).toMatchObject({ code: 'MODIFIED' });
  });

  it('refuses a signature made with a key other than the embedded certificate’s', () => {
    const forged = signPdf(unsignedPdf(true), impostor(signer.certificate));
    expect(refusal(forged)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '签名与文件中的证书不符，签章无效',
    });
  });

  it('refuses a signature value altered inside /Contents', () => {
    const text = sealed.toString('latin1');
    const contentsEnd = text.indexOf('>', text.indexOf('/Contents <'));
    const hex = text.slice(text.indexOf('/Contents <') + 11, contentsEnd).replace(/0+$/, '');
    const altered = Buffer.from(sealed);
    const at = text.indexOf('/Contents <') + 11 + hex.length - 4; // inside the RSA signature value
    altered[at] = altered[at] === 0x30 ? 0x31 : 0x30; // another hex digit, never the same value
    expect(refusal(altered).code).toBe('BAD_SIGNATURE');
  });

  it('refuses a file whose embedded certificate was altered (its own signature no longer verifies)', () => {
    const certHex = forge.util.bytesToHex(
      forge.asn1.toDer(forge.pki.certificateToAsn1(signer.certificate)).getBytes(),
    );
    const at = sealed.indexOf(certHex, 0, 'latin1') + certHex.length - 6; // inside the certificate's signature
    const altered = Buffer.from(sealed);
    altered[at] = altered[at] === 0x30 ? 0x31 : 0x30;
    expect(refusal(altered)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '文件中的签名证书已被改动，签章无效',
    });
  });

  it('refuses a /ByteRange that does not start at the beginning of the file', () => {
    const text = sealed.toString('latin1');
    const shifted = Buffer.from(text.replace('/ByteRange [0 ', '/ByteRange [1 '), 'latin1');
    expect(refusal(shifted)).toMatchObject({
      code: 'BAD_SIGNATURE',
      message: expect.stringContaining('ByteRange'),
    });
  });

  it('refuses a signature dated outside the certificate’s validity', () => {
    const late = signPdf(unsignedPdf(true), signer, new Date('2029-01-01T00:00:00Z'));
    expect(refusal(late)).toMatchObject({ code: 'BAD_SIGNATURE', message: '签章时签名证书不在有效期内' });
  });

  it('never throws on damaged files: any change to the signed bytes is refused with a Chinese message', () => {
    const text = sealed.toString('latin1');
    const gapStart = text.indexOf('/Contents <') + '/Contents '.length;
    const gapEnd = text.indexOf('>', gapStart);
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const damaged = Buffer.from(sealed);
        damaged[at] = value;
        const result = verifySealedDocument(damaged);
        // The /Contents gap is outside the signed range (its unsigned parts, such as padding, may change).
        if (result.ok) return damaged[at] === sealed[at] || (at >= gapStart && at <= gapEnd);
        return /[\u4e00-\u9fa5]/.test(result.message);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        const result = verifySealedDocument(
          Buffer.concat([Buffer.from('%PDF-1.7\n/ByteRange [0 5 9 2]<00>'), tail]),
        );
        return !result.ok && result.message.length > 0;
      }),
      { numRuns: 200 },
    );
  });

  it('reads a ZIP file as an OFD package (ofd*.test.ts) and refuses a broken one with a clear message', () => {
    const broken = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]);
    expect(refusal(broken)).toEqual({
      ok: false,
      code: 'UNSUPPORTED',
      message: '文件不是有效的 OFD 版式文件（压缩包结构不正确），无法验证签章',
    });
  });

  it('refuses what is not a PDF, an empty file and a file over 20 MB', () => {
    expect(refusal(Buffer.from('hello')).message).toBe(
      '文件不是 PDF 或 OFD 格式，请上传盖有电子签章的 PDF 或 OFD 文件',
    );
    expect(refusal(Buffer.alloc(0)).code).toBe('UNSUPPORTED');
    const huge = Buffer.alloc(MAX_SEALED_DOCUMENT_BYTES + 1);
    expect(refusal(huge)).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('20 MB') });
  });
});
