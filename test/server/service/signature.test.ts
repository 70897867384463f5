/**
 * The sealed-document check at service issue (issue 16 item 2, REC-7): a PDF signed with a PKCS#7 detached
 * signature is accepted with its signer, serial and hash; an unsigned file, a file changed or extended after
 * signing, and a signature by another key are refused with a Chinese message. Every file is made at test time.
 */
import { createHash } from 'node:crypto';
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
    altered[at] = altered[at] === 0x41 ? 0x42 : 0x41;
    expect(refusal(altered).code).toBe('BAD_SIGNATURE');
  });

  it('refuses a /ByteRange that does not start at the beginning of the file', () => {
    const text = sealed.toString('latin1');
    const shifted = Buffer.from(text.replace('/ByteRange [0 ', '/ByteRange [1 '), 'latin1');
    expect(refusal(shifted)).toMatchObject({
      code: 'BAD_SIGNATURE',
      message: expect.stringContaining('ByteRange'),
    });
  });

  it('refuses OFD with a clear message: its seals are not verified yet', () => {
    const ofd = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]);
    expect(refusal(ofd)).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('OFD') });
  });

  it('refuses what is not a PDF, an empty file and a file over 20 MB', () => {
    expect(refusal(Buffer.from('hello')).message).toBe('文件不是 PDF 格式，请上传盖有电子签章的 PDF 文件');
    expect(refusal(Buffer.alloc(0)).code).toBe('UNSUPPORTED');
    const huge = Buffer.alloc(MAX_SEALED_DOCUMENT_BYTES + 1);
    expect(refusal(huge)).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('20 MB') });
  });
});
