/**
 * Test images built byte by byte: a tiny JPEG (the well-known 134-byte 1×1 JPEG, closed with EOI) carrying an
 * EXIF block with GPS coordinates, a camera make, orientation 6 and a comment, and a 1×1 PNG carrying eXIf, tEXt,
 * iTXt, zTXt and tIME chunks. The markers below are what the tests look for after stripping.
 */
import { crc32, deflateSync } from 'node:zlib';

export const SECRET_MAKE = 'SpyPhone-GPS-Maker';
export const SECRET_COMMENT = 'shot-at-home-address';
const BASE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** Little-endian TIFF: IFD0 {Make, Orientation=6, GPSInfo→} and a GPS IFD {LatRef N, Lat 30°48'0", LonRef E, Lon 108°24'0"}. */
function exifWithGps(): Buffer {
  const make = Buffer.from(SECRET_MAKE + '\0', 'latin1');
  const t = Buffer.alloc(200);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  // IFD0 at 8: 3 entries (8 + 2 + 36 + 4 = 50)
  t.writeUInt16LE(3, 8);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    t.writeUInt16LE(tag, at);
    t.writeUInt16LE(type, at + 2);
    t.writeUInt32LE(count, at + 4);
    t.writeUInt32LE(value, at + 8);
  };
  const makeAt = 50;
  const gpsAt = makeAt + make.length + (make.length % 2);
  entry(10, 0x010f, 2, make.length, makeAt); // Make (ASCII, offset)
  entry(22, 0x0112, 3, 1, 6); // Orientation = 6 (rotate 90° CW)
  entry(34, 0x8825, 4, 1, gpsAt); // GPSInfo IFD pointer
  t.writeUInt32LE(0, 46);
  make.copy(t, makeAt);
  // GPS IFD: 4 entries, then the rationals
  t.writeUInt16LE(4, gpsAt);
  const ratAt = gpsAt + 2 + 4 * 12 + 4;
  const e = (i: number) => gpsAt + 2 + i * 12;
  entry(e(0), 0x0001, 2, 2, 0x4e); // 'N'
  entry(e(1), 0x0002, 5, 3, ratAt);
  entry(e(2), 0x0003, 2, 2, 0x45); // 'E'
  entry(e(3), 0x0004, 5, 3, ratAt + 24);
  t.writeUInt32LE(0, gpsAt + 2 + 48);
  [30, 1, 48, 1, 0, 1, 108, 1, 24, 1, 0, 1].forEach((v, i) => t.writeUInt32LE(v, ratAt + i * 4));
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t.subarray(0, ratAt + 48)]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** SOI, APP0 (JFIF), APP1 (EXIF with GPS), APP13 (IPTC), COM, then the rest of the base image and EOI. */
export function jpegWithGps(): Buffer {
  const app0End = 2 + 2 + BASE_JPEG.readUInt16BE(4);
  return Buffer.concat([
    BASE_JPEG.subarray(0, app0End),
    segment(0xe1, exifWithGps()),
    segment(0xed, Buffer.from('Photoshop 3.0\0' + SECRET_COMMENT, 'latin1')),
    segment(0xfe, Buffer.from(SECRET_COMMENT, 'latin1')),
    BASE_JPEG.subarray(app0End),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The base image as it is, with EOI: no metadata at all. */
export function plainJpeg(): Buffer {
  return Buffer.concat([BASE_JPEG, Buffer.from([0xff, 0xd9])]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

export function pngWithText(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('eXIf', exifWithGps().subarray(6)),
    chunk('tEXt', Buffer.from(`Comment\0${SECRET_COMMENT}`, 'latin1')),
    chunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${SECRET_MAKE}`, 'latin1')),
    chunk('zTXt', Buffer.concat([Buffer.from('Author\0\0', 'latin1'), deflateSync(SECRET_COMMENT)])),
    chunk('tIME', Buffer.from([0x07, 0xea, 11, 27, 9, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
