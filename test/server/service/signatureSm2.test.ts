/**
 * A PDF sealed with an SM2 (国密) certificate (REC-7; GM/T 0010 / GB/T 35275 SignedData with SM3 and sm2-with-sm3):
 * verified against the certificate embedded in it like RSA and ECDSA seals, with the same refusals.
 */
import { verifySealedDocument } from '../../../server/service/signature';
import { detachedCms } from './cmsBuilder';
import { signPdfWith, unsignedPdf } from './signedPdf';
import { sm2CmsSigner, sm2Signer } from './sm2Builder';

const seal = sm2Signer('重庆市万州区卫生健康委员会', { serialHex: '5A01' });
const signer = sm2CmsSigner(seal);

describe('verifySealedDocument on an SM2-sealed PDF', () => {
  it('accepts it and names the signer, with PKCS#7 or GB/T 35275 content types', () => {
    for (const gmContentTypes of [false, true]) {
      const pdf = signPdfWith(unsignedPdf(true), (content) =>
        detachedCms(content, signer, { gmContentTypes }),
      );
      expect(verifySealedDocument(pdf)).toMatchObject({
        ok: true,
        signerSubject: 'C=CN, CN=重庆市万州区卫生健康委员会',
        certSerial: '5A01',
        signedAt: new Date('2026-06-18T02:00:00Z'),
      });
    }
  });

  it('refuses a page changed after signing', () => {
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, signer));
    const changed = Buffer.from(pdf);
    changed[changed.indexOf('/MediaBox [0 0 595') + '/MediaBox [0 0 59'.length] = '6'.charCodeAt(0);
    expect(verifySealedDocument(changed)).toMatchObject({ ok: false, code: 'MODIFIED' });
  });

  it('refuses an SM2 signature made with a key other than the certificate’s', () => {
    const impostor = { ...signer, signWith: sm2CmsSigner(sm2Signer('冒用')).signWith };
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, impostor));
    expect(verifySealedDocument(pdf)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '签名与文件中的证书不符，签章无效',
    });
  });

  it('refuses an SM2 certificate whose own signature was altered', () => {
    const certDer = Buffer.from(seal.certDer);
    certDer.writeUInt8(certDer.readUInt8(certDer.length - 3) ^ 0x01, certDer.length - 3); // inside the certificate's signature value
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, { ...signer, certDer }));
    expect(verifySealedDocument(pdf)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '文件中的签名证书已被改动，签章无效',
    });
  });

  it('refuses an SM2 signature under an RSA algorithm identifier (key and algorithm must agree)', () => {
    const mislabelled = { ...signer, signatureOid: '1.2.840.113549.1.1.11' };
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, mislabelled));
    expect(verifySealedDocument(pdf)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });
});
