/** Upload intake: quarantine → checked, metadata stripped → private storage (see intake.ts). */
export { MediaRejected } from './errors';
export { stripJpegMetadata, exifOrientation } from './jpeg';
export { stripPngMetadata } from './png';
export { sniffImageType } from './sniff';
export {
  cleanImageBytes,
  cloudPathOf,
  discardOriginals,
  intakeImage,
  isOwnQuarantineFile,
  temporaryUrls,
  MAX_UPLOAD_BYTES,
  type CleanImage,
} from './intake';
