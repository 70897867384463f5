/**
 * The seal check on OFD documents (REC-7; GB/T 33190-2016 §18, GB/T 38540-2020, GM/T 0031-2014, GB/T 35275): a
 * sealed package is accepted with its signer, serial, hashes and signing time; a page changed or a file added after
 * signing, a changed Signature.xml, a tampered seal signature and an unsigned package are refused in Chinese.
 */
import { createHash } from 'node:crypto';
import { verifySealedDocument } from '../../../server/service/signature';
import {
  eseal,
  OFD_SIGNED_AT,
  OFD_SIGNER_NAME,
  ofdDocument,
  ofdSigner,
  PAGE,
  sealedOfd,
  sealFiles,
  sesSignature,
  SIGN_0,
  zipOfd,
} from './ofdBuilder';
import { sm2Signer } from './sm2Builder';

const signer = ofdSigner();
const sealed = () => sealFiles(ofdDocument(true), signer);

function refusal(bytes: Buffer) {
  const result = verifySealedDocument(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('verifySealedDocument on a sealed OFD', () => {
  it('accepts an SM2 seal (SES_Signature V4) and returns the signer, serial, hashes and signing time', () => {
    const ofd = sealedOfd();
    expect(verifySealedDocument(ofd)).toEqual({
      ok: true,
      signerSubject: `C=CN, CN=${OFD_SIGNER_NAME}`,
      certSerial: '5A01',
      certSha256: createHash('sha256').update(signer.certDer).digest('hex'),
      fileSha256: createHash('sha256').update(ofd).digest('hex'),
      signedAt: OFD_SIGNED_AT,
      format: 'ofd',
    });
  });

  it('accepts the GM/T 0031 V1 layout, a GB/T 35275 CMS SignedValue and SHA-256 references', () => {
    for (const options of [{ version: 1 as const }, { cms: true }, { checkMethod: 'sha256' as const }]) {
      expect(verifySealedDocument(sealedOfd(options))).toMatchObject({
        ok: true,
        certSerial: '5A01',
        signedAt: OFD_SIGNED_AT,
      });
    }
  });

  it('reads References from the root, without the leading slash, and relative to Signature.xml (GB/T 33190 ST_Loc)', () => {
    for (const fileRefs of ['root', 'relative'] as const)
      expect(verifySealedDocument(sealedOfd({ fileRefs }))).toMatchObject({ ok: true, format: 'ofd' });
  });

  it('refuses a page changed after signing', () => {
    const files = sealed();
    files.set(PAGE, Buffer.from(files.get(PAGE)!.toString('utf8').replace('告知书', '决定书'), 'utf8'));
    expect(refusal(zipOfd(files))).toEqual({
      ok: false,
      code: 'MODIFIED',
      message: 'OFD 文件在签章后被修改过，签章已失效',
    });
  });

  it('refuses a file added to the package after signing, and a signed file removed', () => {
    const added = sealed();
    added.set('Doc_0/Pages/Page_1/Content.xml', added.get(PAGE)!);
    expect(refusal(zipOfd(added))).toMatchObject({
      code: 'MODIFIED',
      message: expect.stringContaining('不在签章保护范围内'),
    });
    const removed = sealed();
    removed.delete('Doc_0/Document.xml');
    expect(refusal(zipOfd(removed))).toMatchObject({
      code: 'MODIFIED',
      message: expect.stringContaining('缺失'),
    });
  });

  it('refuses a Signature.xml changed after signing (its digest in the seal no longer matches)', () => {
    const files = sealed();
    const xml = files.get(`${SIGN_0}/Signature.xml`)!.toString('utf8');
    files.set(`${SIGN_0}/Signature.xml`, Buffer.from(xml.replace('150 240 40 40', '10 10 40 40'), 'utf8'));
    expect(refusal(zipOfd(files))).toEqual({
      ok: false,
      code: 'MODIFIED',
      message: '签名描述文件（Signature.xml）在签章后被修改过，签章已失效',
    });
  });

  it('refuses a seal whose dataHash is of other bytes than Signature.xml, even when properly signed', () => {
    const files = sealed();
    const xml = files.get(`${SIGN_0}/Signature.xml`)!;
    const signedValue = sesSignature(xml, signer, eseal(signer), { hashed: Buffer.from('其他内容') });
    files.set(`${SIGN_0}/SignedValue.dat`, signedValue);
    expect(refusal(zipOfd(files)).code).toBe('MODIFIED');
  });

  it('refuses a tampered SignedValue, a seal signed by another key and a swapped Seal.esl', () => {
    const tampered = sealed();
    const value = Buffer.from(tampered.get(`${SIGN_0}/SignedValue.dat`)!);
    value.writeUInt8(value.readUInt8(value.length - 5) ^ 0x01, value.length - 5); // inside the SM2 signature value
    tampered.set(`${SIGN_0}/SignedValue.dat`, value);
    expect(refusal(zipOfd(tampered))).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '签名与文件中的证书不符，签章无效',
    });

    const impostor = sealed();
    const xml = impostor.get(`${SIGN_0}/Signature.xml`)!;
    const other = sm2Signer('冒用印章');
    const forged = sesSignature(xml, { ...other, certDer: signer.certDer }, eseal(signer));
    impostor.set(`${SIGN_0}/SignedValue.dat`, forged);
    expect(refusal(zipOfd(impostor)).code).toBe('BAD_SIGNATURE');

    // A seal signature carrying another seal than the Seal.esl the signature names (both otherwise intact).
    const swapped = sealed();
    const swappedXml = swapped.get(`${SIGN_0}/Signature.xml`)!;
    swapped.set(`${SIGN_0}/SignedValue.dat`, sesSignature(swappedXml, signer, eseal(signer, '另一枚印章')));
    expect(refusal(zipOfd(swapped))).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '电子印章文件（Seal.esl）与签章数据中的印章不一致，签章无效',
    });
  });

  it('refuses a seal dated outside its certificate’s validity', () => {
    expect(refusal(sealedOfd({ signedAt: new Date('2029-01-01T00:00:00Z') }))).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
      message: '签章时签名证书不在有效期内',
    });
  });

  it('refuses an OFD without signatures as unsigned, and one whose Signatures.xml lists none', () => {
    expect(refusal(zipOfd(ofdDocument(false)))).toEqual({
      ok: false,
      code: 'UNSIGNED',
      message: '文件没有电子签章，不能作为送达文书',
    });
    const empty = ofdDocument(true);
    empty.set('Doc_0/Signs/Signatures.xml', Buffer.from('<Signatures><MaxSignId>0</MaxSignId></Signatures>'));
    expect(refusal(zipOfd(empty)).code).toBe('UNSIGNED');
  });
});
