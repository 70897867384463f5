/**
 * The answer of the seal check at service issue (REC-7; docs/service-rights.md "Seal check at issue"), shared by the
 * PDF (signature.ts, cms.ts) and OFD (ofd.ts, ses.ts) checks: a verified signer becomes the subject, serial and
 * hashes recorded on the service; every refusal carries a code and a Chinese message that quotes nothing of the file.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import type { SealedFileFormat } from '../../core/contract/service-documents';

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
      /** The signing time the signature states, or null when it states none. */
      signedAt: Date | null;
      format: SealedFileFormat;
    }
  | { ok: false; code: SealCheckCode; message: string };

export type SealRefusal = Extract<SealCheck, { ok: false }>;

/** One verified signature: its signer's certificate and the time it states. */
export type SignerCheck =
  | { ok: true; certificate: X509Certificate; signedAt: Date | undefined }
  | { ok: false; code: Exclude<SealCheckCode, 'UNSIGNED'>; message: string };

export const refuse = <C extends SealCheckCode>(code: C, message: string) => ({
  ok: false as const,
  code,
  message,
});

function subjectLine(subject: string): string {
  return subject
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(', ');
}

/** The accepted answer for `file` (of `format`) sealed by `signer`. */
export function sealAccepted(
  file: Buffer,
  format: SealedFileFormat,
  signer: Extract<SignerCheck, { ok: true }>,
): SealCheck {
  const { certificate, signedAt } = signer;
  return {
    ok: true,
    signerSubject: subjectLine(certificate.subject),
    certSerial: certificate.serialNumber.toUpperCase(),
    certSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    fileSha256: createHash('sha256').update(file).digest('hex'),
    signedAt: signedAt ?? null,
    format,
  };
}
