/** The metadata strippers and the intake's pure checks (server/media), on images built in images.ts. */
import { exifOrientation, stripJpegMetadata } from '../../../server/media/jpeg';
import { stripPngMetadata } from '../../../server/media/png';
import { cleanImageBytes, isOwnQuarantineFile, MAX_UPLOAD_BYTES } from '../../../server/media/intake';
import { MediaRejected } from '../../../server/media/errors';
import { jpegWithGps, plainJpeg, pngWithText, SECRET_COMMENT, SECRET_MAKE } from './images';

/** Marker codes of a JPEG in order (parsing only the headers, up to SOS). */
function jpegMarkers(bytes: Buffer): number[] {
  const out: number[] = [];
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1]!;
    out.push(marker);
    if (marker === 0xda) break;
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return out;
}

function pngChunks(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let i = 8; i < bytes.length;) {
    const len = bytes.readUInt32BE(i);
    out.push(bytes.subarray(i + 4, i + 8).toString('latin1'));
    i += 12 + len;
  }
  return out;
}

describe('stripJpegMetadata', () => {
  const original = jpegWithGps();

  it('the test image really carries EXIF with GPS, IPTC and a comment', () => {
    expect(jpegMarkers(original)).toEqual([0xe0, 0xe1, 0xed, 0xfe, 0xdb, 0xc2, 0xc4, 0xda]);
    expect(original.includes(Buffer.from(SECRET_MAKE))).toBe(true);
    expect(original.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPSInfo tag, little-endian
  });

  it('drops EXIF (GPS, make), IPTC and comments, and keeps only the orientation', () => {
    const { bytes, removedSegments } = stripJpegMetadata(original);
    expect(removedSegments).toBe(3);
    expect(bytes.includes(Buffer.from(SECRET_MAKE))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET_COMMENT))).toBe(false);
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xe1, 0xdb, 0xc2, 0xc4, 0xda]);
    const app1At = 2 + 2 + bytes.readUInt16BE(4);
    const app1 = bytes.subarray(app1At + 4, app1At + 2 + bytes.readUInt16BE(app1At + 2));
    expect(exifOrientation(app1)).toBe(6);
    expect(app1.length).toBe(32); // Exif header + one IFD entry: nothing else fits
    // The image data after the headers is untouched.
    expect(bytes.subarray(bytes.length - 40)).toEqual(original.subarray(original.length - 40));
  });

  it('leaves a JPEG without metadata byte for byte the same', () => {
    expect(stripJpegMetadata(plainJpeg()).bytes).toEqual(plainJpeg());
  });

  it('drops anything appended after EOI', () => {
    const padded = Buffer.concat([plainJpeg(), Buffer.from(SECRET_COMMENT)]);
    expect(stripJpegMetadata(padded).bytes).toEqual(plainJpeg());
  });

  it('refuses truncated or corrupt files', () => {
    expect(() => stripJpegMetadata(plainJpeg().subarray(0, 30))).toThrow(MediaRejected);
    expect(() => stripJpegMetadata(plainJpeg().subarray(0, plainJpeg().length - 2))).toThrow(MediaRejected);
    const badLength = Buffer.from(original);
    const app1LengthAt = 2 + 2 + original.readUInt16BE(4) + 2;
    expect(badLength[app1LengthAt - 1]).toBe(0xe1);
    badLength.writeUInt16BE(0xfff0, app1LengthAt); // APP1 length past the end
    expect(() => stripJpegMetadata(badLength)).toThrow(MediaRejected);
  });
});

describe('stripPngMetadata', () => {
  it('keeps the image chunks and drops eXIf, tEXt, iTXt, zTXt and tIME', () => {
    const original = pngWithText();
    expect(pngChunks(original)).toEqual(['IHDR', 'eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME', 'IDAT', 'IEND']);
    const { bytes, removedChunks } = stripPngMetadata(original);
    expect(pngChunks(bytes)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(removedChunks).toEqual(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);
    expect(bytes.includes(Buffer.from(SECRET_MAKE))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET_COMMENT))).toBe(false);
  });

  it('refuses a PNG without IEND', () => {
    const png = pngWithText();
    expect(() => stripPngMetadata(png.subarray(0, png.length - 12))).toThrow(MediaRejected);
  });
});

describe('cleanImageBytes', () => {
  it('recognises the type by magic bytes, not by name', () => {
    expect(cleanImageBytes(jpegWithGps()).type).toBe('jpeg');
    expect(cleanImageBytes(pngWithText()).type).toBe('png');
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['MP4', Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1')],
    ['HEIC', Buffer.from('\x00\x00\x00\x18ftypheic', 'latin1')],
    ['text', Buffer.from('hello')],
  ])('refuses %s', (_name, bytes) => {
    expect(() => cleanImageBytes(bytes)).toThrow(expect.objectContaining({ code: 'type' }));
  });

  it('refuses more than 10 MB', () => {
    const big = Buffer.concat([plainJpeg(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(() => cleanImageBytes(big)).toThrow(expect.objectContaining({ code: 'size' }));
  });
});

describe('isOwnQuarantineFile', () => {
  const id = (path: string) => `cloud://env-1.bucket-125/${path}`;
  it('accepts only files under quarantine/<own openid>/', () => {
    expect(isOwnQuarantineFile(id('quarantine/o-me/a.jpg'), 'o-me')).toBe(true);
    expect(isOwnQuarantineFile(id('quarantine/o-me/sub/a.jpg'), 'o-me')).toBe(true);
    expect(isOwnQuarantineFile(id('quarantine/o-other/a.jpg'), 'o-me')).toBe(false);
    expect(isOwnQuarantineFile(id('quarantine/o-me-too/a.jpg'), 'o-me')).toBe(false);
    expect(isOwnQuarantineFile(id('quarantine/o-me/../o-other/a.jpg'), 'o-me')).toBe(false);
    expect(isOwnQuarantineFile(id('private/complaints/x/1.jpg'), 'o-me')).toBe(false);
    expect(isOwnQuarantineFile(id('quarantine/o-me/'), 'o-me')).toBe(false);
    expect(isOwnQuarantineFile('quarantine/o-me/a.jpg', 'o-me')).toBe(false);
  });
});
