/**
 * Record files (REC-2, REC-11): a file an officer uploaded into their quarantine path is copied into the
 * register's private storage while its SHA-256 is computed over the same stream, chunk by chunk, so memory stays
 * flat whatever the file's size; `rehashStored` reads a stored file again the same way (the re-hash command).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../errors';
import { cloudbase } from '../../platform/cloudbase';

/** Documents and photos kept here; large AV stays on the recorder platform, registered by reference and hash. */
export const MAX_RECORD_FILE_BYTES = 200 * 1024 * 1024;

async function openStream(
  fileID: string,
): Promise<{ body: ReadableStream<Uint8Array>; size: number | null }> {
  const res = await cloudbase().getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
  const url = res.fileList.find((f) => f.fileID === fileID)?.tempFileURL;
  const got = url ? await fetch(url) : null;
  if (!got || !got.ok || !got.body)
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.fileID': '文件未上传成功或已过期，请重新上传',
    });
  const length = Number(got.headers.get('content-length'));
  if (length > MAX_RECORD_FILE_BYTES)
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.fileID': '文件不能超过 200 MB；音像记录请登记其在执法记录仪管理平台的存放位置和哈希值',
    });
  return { body: got.body, size: Number.isFinite(length) ? length : null };
}

/** SHA-256 and size of a stream, read chunk by chunk (each chunk also handed to `onChunk`). */
export async function hashStream(
  body: AsyncIterable<Uint8Array>,
  onChunk?: (chunk: Uint8Array) => void | Promise<void>,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.length;
    if (size > MAX_RECORD_FILE_BYTES)
      throw new AppError('INVALID_INPUT', undefined, { 'payload.fileID': '文件不能超过 200 MB' });
    await onChunk?.(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies the upload to `cloudPath` in private storage, hashing it on the way: the stream is written to the
 * function's temporary disk chunk by chunk (the SDK uploads from a file stream, not from any stream), then
 * uploaded from there, so memory stays flat whatever the size.
 */
export async function storeAndHash(
  fileID: string,
  cloudPath: string,
): Promise<{ fileID: string; sha256: string; size: number }> {
  const { body } = await openStream(fileID);
  const dir = await mkdtemp(path.join(tmpdir(), 'record-'));
  const file = path.join(dir, 'upload');
  try {
    const out = createWriteStream(file);
    let hashed: { sha256: string; size: number };
    try {
      hashed = await hashStream(Readable.fromWeb(body as never), async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain');
      });
    } finally {
      out.end();
      await once(out, 'close');
    }
    const uploaded = await cloudbase().uploadFile({ cloudPath, fileContent: createReadStream(file) });
    return { fileID: uploaded.fileID, ...hashed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The SHA-256 of a stored file now, read as a stream (null when it can no longer be read). */
export async function rehashStored(fileID: string): Promise<string | null> {
  try {
    const { body } = await openStream(fileID);
    return (await hashStream(Readable.fromWeb(body as never))).sha256;
  } catch {
    return null;
  }
}
