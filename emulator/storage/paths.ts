/**
 * Cloud paths and fileIDs. CloudBase names a stored file `cloud://<env>.<bucket>/<path>`; the path is relative
 * to the bucket (no leading slash), as `resource.path` in the storage rules sees it
 * (https://docs.cloudbase.net/storage/security-rules: "文件在云存储中的相对路径（不包含桶名）").
 */

/** The emulator's single bucket, shaped like CloudBase's `<hex>-<env>-<appid>` names. */
export const EMULATOR_BUCKET = 'emulator-bucket-1250000000';

export function envId(): string {
  return process.env.TCB_ENV || 'local-emulator';
}

export function toFileId(cloudPath: string): string {
  return `cloud://${envId()}.${EMULATOR_BUCKET}/${cloudPath}`;
}

/** The cloud path inside a fileID, or undefined when the text is no fileID. Any env/bucket is accepted. */
export function pathOfFileId(fileId: string): string | undefined {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  if (!match?.[1]) return undefined;
  return isValidCloudPath(match[1]) ? match[1] : undefined;
}

const MAX_PATH = 850;

/** A relative path of non-empty segments without `.`/`..`, backslashes or control characters. */
export function isValidCloudPath(cloudPath: string): boolean {
  if (!cloudPath || cloudPath.length > MAX_PATH || cloudPath.startsWith('/')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(cloudPath)) return false;
  return cloudPath.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  zip: 'application/zip',
};

/** COS derives the type from the extension when the uploader sends none; so do we. */
export function contentTypeFor(cloudPath: string, declared?: string): string {
  if (declared && declared !== 'application/x-www-form-urlencoded' && !declared.startsWith('multipart/')) {
    return declared;
  }
  const ext = cloudPath.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
