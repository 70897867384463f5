/**
 * What an upload is, by its first bytes (never by its name or the type the client claims): JPEG (FF D8 FF) or
 * PNG (its 8-byte signature). Everything else is refused: other image formats (HEIC, WebP, GIF) can carry
 * metadata this intake does not parse, and video is not offered (its metadata boxes cannot be stripped here the
 * same way without a media toolkit; docs/privacy-guide.md promises uploads lose their location and device data).
 */
import { PNG_SIGNATURE } from './png';

export type ImageType = 'jpeg' | 'png';

export const IMAGE_TYPES: Record<ImageType, { contentType: string; extension: string }> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
};

export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  return null;
}
