/**
 * Files on disk under `<dataDir>/storage/`: each file's bytes in `blobs/<sha256(path)>` and its metadata in
 * `meta/<sha256(path)>.json`. Hashing the path keeps any cloud path (Chinese names, deep folders) off the real
 * file system's path rules and makes traversal impossible. Writes go to a temporary file and are renamed into
 * place, and the metadata is written last, so a file exists exactly when its metadata does (restart-safe).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clockNow } from '../clock';

export interface StoredFileMeta {
  path: string;
  size: number;
  contentType: string;
  /** The uploading user's openid for client uploads; absent for uploads by the server (admin). */
  openid?: string;
  createdAt: string;
}

export class FileStore {
  private readonly blobDir: string;
  private readonly metaDir: string;

  constructor(readonly root: string) {
    this.blobDir = path.join(root, 'blobs');
    this.metaDir = path.join(root, 'meta');
    mkdirSync(this.blobDir, { recursive: true });
    mkdirSync(this.metaDir, { recursive: true });
  }

  put(cloudPath: string, bytes: Buffer, info: { contentType: string; openid?: string }): StoredFileMeta {
    const key = keyOf(cloudPath);
    const meta: StoredFileMeta = {
      path: cloudPath,
      size: bytes.length,
      contentType: info.contentType,
      ...(info.openid ? { openid: info.openid } : {}),
      createdAt: clockNow().toISOString(),
    };
    writeAtomically(path.join(this.blobDir, key), bytes);
    writeAtomically(path.join(this.metaDir, `${key}.json`), Buffer.from(JSON.stringify(meta)));
    return meta;
  }

  stat(cloudPath: string): StoredFileMeta | undefined {
    const file = path.join(this.metaDir, `${keyOf(cloudPath)}.json`);
    if (!existsSync(file)) return undefined;
    const meta = JSON.parse(readFileSync(file, 'utf8')) as StoredFileMeta;
    return meta.path === cloudPath ? meta : undefined;
  }

  read(cloudPath: string): { meta: StoredFileMeta; bytes: Buffer } | undefined {
    const meta = this.stat(cloudPath);
    if (!meta) return undefined;
    return { meta, bytes: readFileSync(path.join(this.blobDir, keyOf(cloudPath))) };
  }

  /** True when a file was there. */
  delete(cloudPath: string): boolean {
    if (!this.stat(cloudPath)) return false;
    const key = keyOf(cloudPath);
    rmSync(path.join(this.metaDir, `${key}.json`), { force: true });
    rmSync(path.join(this.blobDir, key), { force: true });
    return true;
  }

  /** Copies keeping the original's owner and type (CloudBase: "执行复制操作不会改变文件原有权限"). */
  copy(from: string, to: string): StoredFileMeta | undefined {
    const source = this.read(from);
    if (!source) return undefined;
    return this.put(to, source.bytes, { contentType: source.meta.contentType, openid: source.meta.openid });
  }

  list(): StoredFileMeta[] {
    return readdirSync(this.metaDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(this.metaDir, name), 'utf8')) as StoredFileMeta);
  }

  clear(): void {
    for (const dir of [this.blobDir, this.metaDir]) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
  }
}

function keyOf(cloudPath: string): string {
  return createHash('sha256').update(cloudPath, 'utf8').digest('hex');
}

function writeAtomically(target: string, bytes: Buffer): void {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, target);
}
