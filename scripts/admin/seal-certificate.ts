/**
 * `npm run admin -- seal-certificate --file <sealed.pdf|ofd> [--name <名称>]`: reads a document the document system
 * sealed with the commission's seal, checks the seal as `service.issue` does (server/service/signature.ts) and
 * prints the certificate's subject, serial and SHA-256, and the `sealCertificates` entry to publish in the legal
 * settings (REC-7; docs/deploy-checklist.md). Offline: nothing is read from or written to the database.
 */
import { verifySealedDocument } from '../../server/service/signature';

/** The lines to print for a sealed file, or a refusal as an Error with the seal check's Chinese message. */
export function sealCertificateReport(bytes: Buffer, name = '本机关电子印章'): string[] {
  const seal = verifySealedDocument(bytes);
  if (!seal.ok) throw new Error(`签章核验未通过：${seal.message}`);
  return [
    `签章人：${seal.signerSubject}`,
    `证书序列号：${seal.certSerial}`,
    `证书 SHA-256：${seal.certSha256}`,
    '核对证书持有人无误后，在法定设置 sealCertificates 中加入（settings.publish）：',
    JSON.stringify({ name, sha256: seal.certSha256 }),
  ];
}
