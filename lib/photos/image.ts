import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../errors';
import { PHOTO_SIZES, type PhotoSize } from './photo-files';

// Every photo, Graph's or uploaded, is decoded, cropped square, re-encoded
// and stored as our own WebP files: what we serve is never the bytes we were
// given, so no metadata (EXIF location, camera, comments) survives and no
// polyglot file reaches a browser.

/** Uploads above this are refused before decoding. Graph's largest photo (648×648 JPEG) is far below. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_SIDE = 6_000;
/** The formats we decode (sharp's heif is AVIF). SVG is refused: it is a document, not a picture. */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

export interface PhotoFiles {
  /** The content address: SHA-256 of the largest rendition, hex. */
  key: string;
  files: { size: PhotoSize; bytes: Buffer }[];
}

const refuse = (message: string): never => {
  throw new AppError('invalid_input', message);
};

/** Checks that `input` is a photo we take, and makes its renditions; refuses anything else with a sentence to show. */
export async function makePhotoFiles(input: Buffer): Promise<PhotoFiles> {
  if (input.length === 0) refuse('The file is empty.');
  if (input.length > MAX_PHOTO_BYTES) refuse(`The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  let meta: Metadata;
  try {
    // The type is what the bytes are, whatever the file name or Content-Type said.
    meta = await sharp(input, { limitInputPixels: MAX_SIDE * MAX_SIDE }).metadata();
  } catch {
    return refuse('This is not a picture we can read. Use a JPEG, PNG, WebP, GIF or AVIF photo.');
  }
  if (!meta.format || !FORMATS.has(meta.format)) refuse('Use a JPEG, PNG, WebP, GIF or AVIF photo.');
  if (!meta.width || !meta.height || meta.width > MAX_SIDE || meta.height > MAX_SIDE) refuse(`The photo must be at most ${MAX_SIDE} pixels on each side.`);
  if (meta.width < 16 || meta.height < 16) refuse('The photo is too small to show.');
  try {
    const files = await Promise.all(
      PHOTO_SIZES.map(async (size) => ({
        size,
        // rotate(): turn it as the camera's orientation says, before that metadata is dropped.
        bytes: await sharp(input, { limitInputPixels: MAX_SIDE * MAX_SIDE, pages: 1 })
          .rotate()
          .resize(size, size, { fit: 'cover', position: 'attention' })
          .webp({ quality: 82 })
          .toBuffer(),
      })),
    );
    return { key: createHash('sha256').update(files[0].bytes).digest('hex'), files };
  } catch {
    return refuse('This picture is damaged and cannot be shown.');
  }
}
