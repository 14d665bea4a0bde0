import sharp from 'sharp';
import { AppError } from '../../errors';

// An image put into a page is decoded and re-encoded as WebP (animations
// kept), at most 2,400 px wide: what readers get is never the bytes that were
// uploaded, so no metadata (EXIF location, camera) and no polyglot file
// survives. SVG is a document, not a picture, and is refused.

const MAX_SIDE = 10_000;
/** 40 megapixels: a decoded image of that size already takes 160 MB; a larger one is refused before decoding. */
const MAX_PIXELS = 40_000_000;
const MAX_WIDTH = 2_400;
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

/** The bytes look like a raster image we read (by their start, not their name). */
export async function isImage(bytes: Buffer): Promise<boolean> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    return !!meta.format && FORMATS.has(meta.format);
  } catch {
    return false;
  }
}

export async function reencodeImage(bytes: Buffer): Promise<Buffer> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height || meta.width > MAX_SIDE || meta.height > MAX_SIDE || meta.width * meta.height > MAX_PIXELS) {
    throw new AppError('invalid_input', `An image must be at most ${MAX_SIDE.toLocaleString('en')} pixels on each side and 40 megapixels in all.`);
  }
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: true })
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw new AppError('invalid_input', 'This image is damaged and cannot be shown.');
  }
}
