/**
 * Signed loopback URLs for uploads (PUT) and temporary downloads (GET). Like COS's pre-signed URLs they carry an
 * expiry and an HMAC over (purpose, path, expiry); the key is made once per data folder, so URLs survive a
 * restart but not a fresh data folder. The path travels base64url-encoded because the SDK runs `encodeURI` over
 * temporary URLs (storage/index.js downloadFile), which would double-encode any `%` escapes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clockNow } from '../clock';

export type UrlPurpose = 'put' | 'get';

export class UrlSigner {
  private readonly key: Buffer;

  constructor(storageRoot: string) {
    const keyFile = path.join(storageRoot, 'url-signing.key');
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  }

  /** `/_storage/<purpose>/<b64 path>?expires=<unix s>&sign=<hex>` (path part only; prefix the base URL). */
  sign(purpose: UrlPurpose, cloudPath: string, maxAgeSeconds: number): string {
    const expires = Math.floor(clockNow().getTime() / 1000) + Math.max(1, Math.floor(maxAgeSeconds));
    const encoded = Buffer.from(cloudPath, 'utf8').toString('base64url');
    return `/_storage/${purpose}/${encoded}?expires=${expires}&sign=${this.mac(purpose, cloudPath, expires)}`;
  }

  /** The cloud path when the URL is genuine, 'expired' or 'invalid' otherwise. */
  verify(purpose: UrlPurpose, encodedPath: string, query: URLSearchParams): string | 'expired' | 'invalid' {
    const cloudPath = Buffer.from(encodedPath, 'base64url').toString('utf8');
    const expires = Number(query.get('expires'));
    const given = Buffer.from(query.get('sign') ?? '', 'hex');
    const wanted = Buffer.from(this.mac(purpose, cloudPath, expires), 'hex');
    if (!Number.isInteger(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return 'invalid';
    }
    if (clockNow().getTime() / 1000 > expires) return 'expired';
    return cloudPath;
  }

  private mac(purpose: UrlPurpose, cloudPath: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${cloudPath}\n${expires}`).digest('hex');
  }
}
