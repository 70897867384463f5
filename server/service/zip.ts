/**
 * Reads the ZIP container of an OFD package (GB/T 33190 §5: the package is a ZIP file) for the seal check, strictly:
 * what a verifier reads must be what any viewer shows, so anything a reader could resolve two ways is refused
 * (two entries with one name, a local header naming another file than the directory, overlapping or stray data,
 * names that leave the package or are not plain UTF-8). Sizes are capped before and while inflating (a ZIP bomb
 * stops at its cap, `maxOutputLength`), every entry must inflate to exactly its declared size and CRC-32, and only
 * stored and deflated entries without encryption are read. node:zlib does the inflating (native, with a hard
 * output cap); ZIP64 and multi-disk archives are refused (an OFD under 20 MB needs neither).
 */
import { crc32, inflateRawSync } from 'node:zlib';

export const ZIP_LIMITS = {
  /** Entries in one package (files and folders). */
  entries: 4000,
  /** One file, inflated. */
  entryBytes: 32 * 1024 * 1024,
  /** All files, inflated. */
  totalBytes: 64 * 1024 * 1024,
  nameLength: 512,
};

export type ZipRead = { ok: true; files: Map<string, Buffer> } | { ok: false; message: string };

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64Locator: 0x07064b50 };
const END_MIN = 22;
const NOT_A_PACKAGE = '文件不是有效的 OFD 版式文件（压缩包结构不正确），无法验证签章';
const TOO_LARGE = `OFD 文件解压后过大（单个文件超过 ${ZIP_LIMITS.entryBytes / 1024 / 1024} MB 或合计超过 ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB），无法验证签章`;

const refuse = (message: string): ZipRead => ({ ok: false, message });

class ZipError extends Error {}

function endRecordAt(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - END_MIN - 0xffff);
  for (let at = bytes.length - END_MIN; at >= lowest; at--) {
    // The record's comment must reach exactly the end of the file: nothing may follow the archive.
    if (bytes.readUInt32LE(at) === SIG.end && at + END_MIN + bytes.readUInt16LE(at + 20) === bytes.length)
      return at;
  }
  throw new ZipError(NOT_A_PACKAGE);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's name as a path inside the package, or undefined when it is unsafe or ambiguous. */
function safeName(raw: Buffer): string | undefined {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    return undefined;
  }
  if (name.length === 0 || name.length > ZIP_LIMITS.nameLength) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(name) || name.startsWith('/')) return undefined;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return name;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localAt: number;
}

function centralDirectory(bytes: Buffer): { entries: Entry[]; directoryAt: number } {
  const end = endRecordAt(bytes);
  if (end >= 20 && bytes.readUInt32LE(end - 20) === SIG.zip64Locator)
    throw new ZipError('不支持 ZIP64 格式的 OFD 文件，无法验证签章');
  const disk = bytes.readUInt16LE(end + 4);
  const directoryDisk = bytes.readUInt16LE(end + 6);
  const onDisk = bytes.readUInt16LE(end + 8);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const directoryAt = bytes.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) throw new ZipError(NOT_A_PACKAGE);
  if (count === 0xffff || size === 0xffffffff || directoryAt === 0xffffffff)
    throw new ZipError('不支持 ZIP64 格式的 OFD 文件，无法验证签章');
  if (count > ZIP_LIMITS.entries) throw new ZipError('OFD 文件包含的文件过多，无法验证签章');
  if (directoryAt + size !== end) throw new ZipError(NOT_A_PACKAGE);

  const entries: Entry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== SIG.central) throw new ZipError(NOT_A_PACKAGE);
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > end) throw new ZipError(NOT_A_PACKAGE);
    if (flags & 0x0041) throw new ZipError('OFD 文件中有加密的内容，无法验证签章');
    const name = safeName(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!name) throw new ZipError('OFD 文件中有名称不安全的文件（如跳出压缩包的路径），无法验证签章');
    entries.push({
      name,
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localAt: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  if (at !== end) throw new ZipError(NOT_A_PACKAGE);
  return { entries, directoryAt };
}

interface Span {
  entry: Entry;
  /** The local header, the data after it, and the end of the data with its data descriptor, if any. */
  at: number;
  start: number;
  stop: number;
}

const DESCRIPTOR_SIG = 0x08074b50;

/** Where the entry lies, its local header checked against the central directory. */
function spanOf(bytes: Buffer, entry: Entry, directoryAt: number): Span {
  const at = entry.localAt;
  if (at + 30 > directoryAt || bytes.readUInt32LE(at) !== SIG.local) throw new ZipError(NOT_A_PACKAGE);
  const nameLength = bytes.readUInt16LE(at + 26);
  const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
  if (localName !== entry.name || bytes.readUInt16LE(at + 8) !== entry.method)
    throw new ZipError(NOT_A_PACKAGE);
  let stop = start + entry.compressedSize;
  if (entry.flags & 0x0008 && stop + 12 <= directoryAt)
    stop += stop + 16 <= directoryAt && bytes.readUInt32LE(stop) === DESCRIPTOR_SIG ? 16 : 12;
  if (stop > directoryAt) throw new ZipError(NOT_A_PACKAGE);
  return { entry, at, start, stop };
}

/** The entries must tile the bytes before the directory: no gap or overlap could hide another file. */
function tiled(spans: Span[], directoryAt: number): boolean {
  const sorted = [...spans].sort((a, b) => a.at - b.at);
  let next = 0;
  for (const span of sorted) {
    if (span.at !== next) return false;
    next = span.stop;
  }
  return next === directoryAt;
}

function inflated(data: Buffer, entry: Entry): Buffer {
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new ZipError(tooLarge ? TOO_LARGE : NOT_A_PACKAGE);
    }
  } else throw new ZipError('OFD 文件使用了不支持的压缩方式，无法验证签章');
  if (out.length !== entry.size || crc32(out) >>> 0 !== entry.crc) throw new ZipError(NOT_A_PACKAGE);
  return out;
}

/** The files of a ZIP package by name (folders left out), or a refusal in Chinese that quotes nothing of it. */
export function readZip(bytes: Buffer): ZipRead {
  try {
    if (bytes.length < END_MIN) return refuse(NOT_A_PACKAGE);
    const { entries, directoryAt } = centralDirectory(bytes);
    const seen = new Set<string>();
    for (const entry of entries) {
      // Case- and normalisation-insensitive: a viewer on such a file system would read either entry for both.
      const key = entry.name.replace(/\/$/, '').normalize('NFC').toLowerCase();
      if (seen.has(key)) return refuse('OFD 文件中有重名的文件，无法确定签章保护的内容');
      seen.add(key);
    }
    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    if (entries.some((e) => e.size > ZIP_LIMITS.entryBytes) || declared > ZIP_LIMITS.totalBytes)
      return refuse(TOO_LARGE);

    const spans = entries.map((e) => spanOf(bytes, e, directoryAt));
    if (!tiled(spans, directoryAt)) return refuse(NOT_A_PACKAGE);

    const files = new Map<string, Buffer>();
    for (const { entry, start } of spans) {
      const data = inflated(bytes.subarray(start, start + entry.compressedSize), entry);
      if (entry.name.endsWith('/')) {
        if (data.length !== 0) return refuse(NOT_A_PACKAGE);
        continue;
      }
      files.set(entry.name, data);
    }
    return { ok: true, files };
  } catch (error) {
    return refuse(error instanceof ZipError ? error.message : NOT_A_PACKAGE);
  }
}
