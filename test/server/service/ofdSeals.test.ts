/**
 * An OFD carrying two seals (REC-7; GB/T 33190 §18: Signatures.xml lists each signature): the second seal added
 * after the first, both verified and the first reported; a page changed after the second seal, or a file added
 * between the two seals (covered by the second seal only), is refused: every seal must cover every file.
 */
import { verifySealedDocument } from '../../../server/service/signature';
import { ofdDocument, OFD_SIGNER_NAME, ofdSigner, PAGE, sealFiles, SIGNS, zipOfd } from './ofdBuilder';
import { sm2Signer } from './sm2Builder';

const second = sm2Signer('重庆市万州区卫生健康综合行政执法支队', { serialHex: '5A02' });
/** The first seal allows further seals (its References leave Signatures.xml out). */
const firstSeal = () => sealFiles(ofdDocument(true), ofdSigner(), { further: true });

describe('verifySealedDocument on an OFD with two seals', () => {
  it('verifies both seals and reports the first listed', () => {
    const files = sealFiles(firstSeal(), second, { further: true });
    expect(files.has(`${SIGNS}/Sign_1/SignedValue.dat`)).toBe(true);
    expect(verifySealedDocument(zipOfd(files))).toMatchObject({
      ok: true,
      signerSubject: `C=CN, CN=${OFD_SIGNER_NAME}`,
      certSerial: '5A01',
    });
  });

  it('refuses a page changed after the second seal', () => {
    const files = sealFiles(firstSeal(), second, { further: true });
    files.set(PAGE, Buffer.from(files.get(PAGE)!.toString('utf8').replace('告知书', '决定书'), 'utf8'));
    expect(verifySealedDocument(zipOfd(files))).toMatchObject({ ok: false, code: 'MODIFIED' });
  });

  it('refuses a file added between the seals: the first seal does not cover it', () => {
    const files = firstSeal();
    files.set('Doc_0/Pages/Page_1/Content.xml', files.get(PAGE)!);
    expect(verifySealedDocument(zipOfd(sealFiles(files, second, { further: true })))).toMatchObject({
      ok: false,
      code: 'MODIFIED',
      message: expect.stringContaining('不在签章保护范围内'),
    });
  });

  it('refuses a second seal added to a package whose first seal protects the list of seals', () => {
    const protectedList = sealFiles(ofdDocument(true), ofdSigner());
    expect(verifySealedDocument(zipOfd(sealFiles(protectedList, second, { further: true })))).toMatchObject({
      ok: false,
      code: 'MODIFIED',
    });
  });
});
