/**
 * Strips metadata from a JPEG by walking its marker segments (ITU-T T.81 Annex B; JFIF 1.02; Exif 2.32 §4.5):
 * EXIF and XMP (APP1) carry GPS position, time and device; IPTC/Photoshop (APP13) captions and places; comments
 * (COM) free text. Only what decoding needs is kept: the frame, tables and scans, JFIF (APP0), the ICC colour
 * profile (APP2 `ICC_PROFILE`) and Adobe's colour-transform flag (APP14 `Adobe`). The EXIF orientation alone is
 * carried over into a minimal new APP1, so portrait phone photos stay upright. Anything after EOI is dropped.
 */
import { malformed } from './errors';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;

/** Markers without a length field: RSTn, SOI, EOI, TEM. */
const standalone = (m: number) => (m >= 0xd0 && m <= 0xd9) || m === 0x01;

const startsWith = (buf: Buffer, at: number, text: string) =>
  buf.subarray(at, at + text.length).toString('latin1') === text;

function keepSegment(marker: number, buf: Buffer, payloadAt: number): boolean {
  if (marker === APP0) return startsWith(buf, payloadAt, 'JFIF\0') || startsWith(buf, payloadAt, 'JFXX\0');
  if (marker === APP2) return startsWith(buf, payloadAt, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWith(buf, payloadAt, 'Adobe');
  if (marker >= 0xe0 && marker <= 0xef) return false; // every other APPn: EXIF, XMP, IPTC, vendor data
  if (marker === 0xfe) return false; // COM
  return true; // SOFn, DHT, DQT, DRI, DNL, DAC, EXP…
}

export interface JpegStripResult {
  bytes: Buffer;
  removedSegments: number;
}

export function stripJpegMetadata(input: Buffer): JpegStripResult {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) throw malformed('缺少 JPEG 文件头');
  const out: Buffer[] = [input.subarray(0, 2)];
  let removed = 0;
  let orientationWritten = false;
  let i = 2;
  for (;;) {
    if (i >= input.length) throw malformed('缺少结束标记');
    if (input[i] !== 0xff) throw malformed('标记错位');
    while (input[i] === 0xff) i++; // fill bytes before a marker (T.81 B.1.1.2)
    const marker = input[i++];
    if (marker === undefined) throw malformed('缺少结束标记');
    if (marker === EOI) {
      out.push(Buffer.from([0xff, EOI]));
      return { bytes: Buffer.concat(out), removedSegments: removed };
    }
    if (standalone(marker)) {
      if (marker === SOI) throw malformed('重复的文件头');
      out.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (i + 2 > input.length) throw malformed('段长度缺失');
    const length = input.readUInt16BE(i);
    if (length < 2 || i + length > input.length) throw malformed('段长度超出文件');
    const segment = input.subarray(i - 2, i + length);
    if (keepSegment(marker, input, i + 2)) {
      out.push(segment);
    } else {
      removed += 1;
      if (marker === APP1 && !orientationWritten) {
        const orientation = exifOrientation(input.subarray(i + 2, i + length));
        if (orientation !== null && orientation !== 1) out.push(orientationOnlyExif(orientation));
        orientationWritten = orientation !== null;
      }
    }
    i += length;
    if (marker === SOS) {
      const end = endOfEntropyData(input, i);
      out.push(input.subarray(i, end));
      i = end;
    }
  }
}

/** Entropy-coded data runs until a marker that is neither a stuffed 0xFF00 nor a restart marker. */
function endOfEntropyData(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length) {
    if (buf[i] !== 0xff) {
      i++;
      continue;
    }
    const next = buf[i + 1];
    if (next === undefined) return buf.length;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2;
    else if (next === 0xff) i += 1;
    else return i;
  }
  return i;
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 `Exif\0\0` payload, or null. Never throws. */
export function exifOrientation(payload: Buffer): number | null {
  if (!startsWith(payload, 0, 'Exif\0\0') || payload.length < 14) return null;
  const tiff = payload.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  try {
    if (u16(2) !== 42) return null;
    const ifd = u32(4);
    const count = u16(ifd);
    for (let k = 0; k < count; k++) {
      const entry = ifd + 2 + k * 12;
      if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : null;
      }
    }
  } catch {
    return null; // offsets outside the payload
  }
  return null;
}

/** An APP1 segment whose EXIF holds only IFD0 with the Orientation tag (big-endian TIFF). */
export function orientationOnlyExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
