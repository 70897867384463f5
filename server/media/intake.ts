/**
 * Upload intake: a function checks, cleans and moves each upload. The client may
 * only write into `quarantine/<its openid>/…` and read nothing (deploy/storage.rules.json). For each fileID the
 * caller names, this checks the file is in the caller's own quarantine path (before touching storage, so
 * nothing is learnt about other people's files), at most 10 MB, a JPEG or PNG by its magic bytes; strips its
 * metadata; and writes the clean copy to private storage. The quarantined originals are deleted by
 * `discardOriginals` once the record that references the clean copies is committed, so a retried request can
 * still find them if the first attempt died before the commit.
 */
import { createHash } from 'node:crypto';
import { cloudbase } from '../platform/cloudbase';
import { MediaRejected } from './errors';
import { stripJpegMetadata } from './jpeg';
import { stripPngMetadata } from './png';
import { IMAGE_TYPES, sniffImageType, type ImageType } from './sniff';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const QUARANTINE_PREFIX = 'quarantine/';

export interface CleanImage {
  /** fileID of the clean copy in private storage. */
  fileID: string;
  cloudPath: string;
  contentType: string;
  size: number;
  /** SHA-256 of the clean bytes: evidence integrity, and spotting the same photo in another complaint. */
  sha256: string;
}

/** The cloud path inside a fileID (`cloud://<env>.<bucket>/<path>`), or null. */
export function cloudPathOf(fileID: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return match?.[1] ?? null;
}

/** True when `fileID` lies inside `quarantine/<openid>/` with no way to climb out of it. */
export function isOwnQuarantineFile(fileID: string, openid: string): boolean {
  const path = cloudPathOf(fileID);
  if (!path || !openid || openid.includes('/')) return false;
  const prefix = `${QUARANTINE_PREFIX}${openid}/`;
  if (!path.startsWith(prefix) || path.length === prefix.length) return false;
  return !path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') && !path.includes('\\');
}

/** Metadata-free bytes of an image, or MediaRejected. Pure: exported for tests. */
export function cleanImageBytes(bytes: Buffer): { type: ImageType; bytes: Buffer } {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new MediaRejected('size', '图片不能超过 10 MB');
  const type = sniffImageType(bytes);
  if (!type) throw new MediaRejected('type', '仅支持 JPEG 或 PNG 格式的图片');
  return { type, bytes: type === 'jpeg' ? stripJpegMetadata(bytes).bytes : stripPngMetadata(bytes).bytes };
}

/**
 * Cleans one quarantined upload into `<targetPath>.<ext>`. The caller has checked ownership
 * (`isOwnQuarantineFile`). Writing to the same target again (a retried request) overwrites with the same bytes.
 */
export async function intakeImage(fileID: string, targetPath: string): Promise<CleanImage> {
  const app = cloudbase();
  const info = (await app.getFileInfo({ fileList: [fileID] })).fileList[0];
  if (!info || info.code !== 'SUCCESS')
    throw new MediaRejected('missing', '图片未上传成功或已过期，请重新上传');
  if (typeof info.size === 'number' && info.size > MAX_UPLOAD_BYTES) {
    throw new MediaRejected('size', '图片不能超过 10 MB');
  }
  const downloaded = await app.downloadFile({ fileID });
  const raw = downloaded.fileContent;
  if (!raw) throw new MediaRejected('missing', '图片未上传成功或已过期，请重新上传');
  const clean = cleanImageBytes(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  const cloudPath = `${targetPath}.${IMAGE_TYPES[clean.type].extension}`;
  const uploaded = await app.uploadFile({ cloudPath, fileContent: clean.bytes });
  return {
    fileID: uploaded.fileID,
    cloudPath,
    contentType: IMAGE_TYPES[clean.type].contentType,
    size: clean.bytes.length,
    sha256: createHash('sha256').update(clean.bytes).digest('hex'),
  };
}

/** Deletes quarantined originals; a failure is left to the quarantine's lifecycle rule (they are unreadable). */
export async function discardOriginals(fileIDs: readonly string[]): Promise<void> {
  if (fileIDs.length === 0) return;
  await cloudbase()
    .deleteFile({ fileList: [...fileIDs] })
    .catch(() => undefined);
}

/** Short-lived download URLs for staff: a leaked URL soon stops working. */
export async function temporaryUrls(fileIDs: readonly string[], maxAgeSeconds = 300): Promise<string[]> {
  if (fileIDs.length === 0) return [];
  const res = await cloudbase().getTempFileURL({
    fileList: fileIDs.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })),
  });
  return fileIDs.map((id) => res.fileList.find((f) => f.fileID === id)?.tempFileURL ?? '');
}
