/**
 * The seal check on signatures as real document systems make them (REC-7): ECDSA certificates, and PAdES's ESS
 * signing-certificate-v2 attribute binding the certificate into the signature. SM2 (国密) signatures are in
 * signatureSm2.test.ts.
 */
import { verifySealedDocument } from '../../../server/service/signature';
import { detachedCms, ecdsaSigner, OIDS, rsaCmsSigner } from './cmsBuilder';
import { makeSigner, signPdfWith, unsignedPdf } from './signedPdf';

const rsa = makeSigner('0BCD');
const rsaSigner = rsaCmsSigner(rsa.certificate, rsa.key);

describe('verifySealedDocument on other signature forms', () => {
  it('accepts an ECDSA P-256 seal and names its signer', () => {
    const pdf = signPdfWith(unsignedPdf(true), (content) =>
      detachedCms(content, ecdsaSigner('万州区卫健委电子印章')),
    );
    expect(verifySealedDocument(pdf)).toMatchObject({
      ok: true,
      signerSubject: 'CN=万州区卫健委电子印章',
      certSerial: '1F2E3D',
    });
  });

  it('accepts a signature whose ESS signing-certificate-v2 attribute matches the embedded certificate', () => {
    const pdf = signPdfWith(unsignedPdf(true), (content) =>
      detachedCms(content, rsaSigner, { ess: 'right' }),
    );
    expect(verifySealedDocument(pdf)).toMatchObject({ ok: true, certSerial: '0BCD' });
  });

  it('refuses a signature whose ESS attribute names another certificate', () => {
    const pdf = signPdfWith(unsignedPdf(true), (content) =>
      detachedCms(content, rsaSigner, { ess: 'wrong' }),
    );
    expect(verifySealedDocument(pdf)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '文件中的签名证书已被改动，签章无效',
    });
  });

  it('refuses a signature whose algorithm does not fit the certificate key', () => {
    const mismatched = { ...ecdsaSigner('印章'), signatureOid: OIDS.rsaEncryption };
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, mismatched));
    expect(verifySealedDocument(pdf)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('refuses an algorithm it does not know, saying so', () => {
    const unknown = { ...ecdsaSigner('印章'), signatureOid: '1.2.840.113549.1.1.10' }; // RSASSA-PSS
    const pdf = signPdfWith(unsignedPdf(true), (content) => detachedCms(content, unknown));
    expect(verifySealedDocument(pdf)).toEqual({
      ok: false,
      code: 'UNSUPPORTED',
      message: '不支持该文件使用的签名算法',
    });
  });
});
