/**
 * `npm run admin -- seal-certificate` (REC-7): the fingerprint it prints for a sealed file is the one the seal check
 * records at issue, and its settings entry passes the legal settings' schema; a file without a valid seal is refused.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { settingsValuesSchema } from '../../core/settings/schema';
import { sealCertificateReport } from '../../scripts/admin/seal-certificate';
import { makeSigner, sealedPdf, unsignedPdf } from '../server/service/signedPdf';

const derSha256 = (cert: forge.pki.Certificate) =>
  createHash('sha256')
    .update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'))
    .digest('hex');

describe('seal-certificate', () => {
  it('prints the signer certificate’s SHA-256 and an entry for sealCertificates', () => {
    const signer = makeSigner('0A0B0C');
    const lines = sealCertificateReport(sealedPdf(signer), '区卫健委行政执法专用章');
    expect(lines[0]).toBe('签章人：C=CN, CN=重庆市万州区卫生健康委员会');
    expect(lines[1]).toBe('证书序列号：0A0B0C');
    expect(lines[2]).toBe(`证书 SHA-256：${derSha256(signer.certificate)}`);
    const entry = JSON.parse(lines.at(-1)!) as unknown;
    expect(entry).toEqual({ name: '区卫健委行政执法专用章', sha256: derSha256(signer.certificate) });
    const parsed = settingsValuesSchema.shape.sealCertificates.safeParse([entry]);
    expect(parsed.success).toBe(true);
  });

  it('refuses a file without a seal, with the seal check’s message', () => {
    expect(() => sealCertificateReport(unsignedPdf(true))).toThrow('签章核验未通过：文件没有电子签章');
  });
});
