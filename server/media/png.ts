/**
 * Strips metadata from a PNG by walking its chunks (PNG spec, 3rd ed., §5.3, §11): only the chunks needed to show
 * the image are kept (a whitelist, so unknown private chunks are dropped too). Dropped in particular: eXIf (EXIF
 * with GPS), tEXt/zTXt/iTXt (free text, XMP), tIME (modification time). Anything after IEND is dropped.
 */
import { malformed } from './errors';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCv',
  'cLLi',
  'bKGD',
  'hIST',
  'pHYs',
  'sPLT',
  'acTL',
  'fcTL',
  'fdAT',
]);

export interface PngStripResult {
  bytes: Buffer;
  removedChunks: string[];
}

export function stripPngMetadata(input: Buffer): PngStripResult {
  if (input.length < 8 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) throw malformed('缺少 PNG 文件头');
  const out: Buffer[] = [PNG_SIGNATURE];
  const removed: string[] = [];
  let i = 8;
  let first = true;
  while (i + 12 <= input.length) {
    const length = input.readUInt32BE(i);
    const type = input.subarray(i + 4, i + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) throw malformed('数据块类型无效');
    const end = i + 12 + length;
    if (end > input.length) throw malformed('数据块超出文件');
    if (first && type !== 'IHDR') throw malformed('首个数据块不是 IHDR');
    first = false;
    if (KEPT.has(type)) out.push(input.subarray(i, end));
    else removed.push(type);
    i = end;
    if (type === 'IEND') return { bytes: Buffer.concat(out), removedChunks: removed };
  }
  throw malformed('缺少 IEND');
}
