/**
 * A tiny PNG encoder for the fake mini-program codes: a 1-bit-looking grayscale grid derived from the scene's
 * hash, with the request carried in `tEXt` chunks (`scene`, `page`, `env_version`) so that a test or a person can
 * read back what a code encodes. PNG layout per RFC 2083 (signature, IHDR, tEXt, IDAT, IEND; CRC-32 per chunk).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CELLS = 16;
const CELL_PX = 8;

export function codePng(text: Record<string, string>): Buffer {
  const size = CELLS * CELL_PX;
  const bits = createHash('sha256').update(JSON.stringify(text)).digest();
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1); // filter byte 0, then one gray byte per pixel
    for (let x = 0; x < size; x++) {
      const cell = Math.floor(y / CELL_PX) * CELLS + Math.floor(x / CELL_PX);
      const on = ((bits[Math.floor(cell / 8) % bits.length] ?? 0) >> (cell % 8)) & 1;
      row[x + 1] = on ? 0 : 255;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const textChunks = Object.entries(text).map(([key, value]) =>
    chunk(
      'tEXt',
      Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...textChunks,
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads the tEXt chunks back (tests, debugging). */
export function readPngText(png: Buffer): Record<string, string> {
  const text: Record<string, string> = {};
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'tEXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const zero = data.indexOf(0);
      text[data.toString('latin1', 0, zero)] = data.toString('latin1', zero + 1);
    }
    offset += 12 + length;
  }
  return text;
}
