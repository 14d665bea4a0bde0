import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makePhotoFiles, MAX_PHOTO_BYTES } from '../../lib/photos/image';

// What a photo must be before we keep it, and what we keep of it: our own
// WebP renditions, never the bytes we were given.

const picture = (width: number, height: number, format: 'png' | 'jpeg' | 'gif' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .toFormat(format)
    .toBuffer();

describe('makePhotoFiles', () => {
  it('makes square 256 and 64 px WebP renditions named by the content of the larger', async () => {
    const made = await makePhotoFiles(await picture(640, 480, 'jpeg'));
    expect(made.key).toMatch(/^[0-9a-f]{64}$/);
    expect(made.files.map((f) => f.size)).toEqual([256, 64]);
    for (const file of made.files) expect(await sharp(file.bytes).metadata()).toMatchObject({ format: 'webp', width: file.size, height: file.size });
    // Same picture, same address: a photo stored twice is one file.
    expect((await makePhotoFiles(await picture(640, 480, 'jpeg'))).key).toBe(made.key);
  });

  it('drops the metadata (location, camera, comments) and turns the picture as the camera said', async () => {
    const tagged = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#a33' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret place', ImageDescription: 'home' } } })
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    for (const file of (await makePhotoFiles(tagged)).files) {
      const meta = await sharp(file.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(file.bytes.includes(Buffer.from('secret place'))).toBe(false);
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['text', Buffer.from('hello, this is not a picture'), /not a picture/],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>'), /JPEG, PNG/],
    ['HTML named like a picture', Buffer.from('<!doctype html><img src=x onerror=alert(1)>'), /not a picture/],
  ])('refuses %s', async (_what, bytes, message) => {
    await expect(makePhotoFiles(bytes)).rejects.toThrow(message);
  });

  it('refuses a picture too large in bytes or in pixels, or too small to show', async () => {
    await expect(makePhotoFiles(Buffer.alloc(MAX_PHOTO_BYTES + 1, 1))).rejects.toThrow(/larger than 5 MB/);
    await expect(makePhotoFiles(await picture(6_500, 20))).rejects.toThrow(/at most 6000 pixels/);
    await expect(makePhotoFiles(await picture(10, 10))).rejects.toThrow(/too small/);
  });

  it('refuses a picture cut short', async () => {
    const whole = await picture(400, 400, 'jpeg');
    await expect(makePhotoFiles(whole.subarray(0, 300))).rejects.toThrow(/damaged|not a picture/);
  });

  it('takes the first frame of an animated GIF', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 60, height: 60, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const made = await makePhotoFiles(animated);
    const meta = await sharp(made.files[0].bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.pages ?? 1).toBe(1);
    const { dominant } = await sharp(made.files[0].bytes).stats();
    expect(dominant.r).toBeGreaterThan(dominant.b); // the red first frame, not the blue second
  });
});
