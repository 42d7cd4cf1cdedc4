/**
 * dHash on real pictures made with sharp: the same picture resized or recompressed still matches at the
 * seed's 0.90 threshold; a different picture does not; bytes that only pretend to be an image fail clearly.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../../src/images/image-errors.js';
import { differenceHash, hashSimilarity } from '../../src/images/dhash.js';
import { testPicture } from '../helpers/image-server.js';

const threshold = 0.9;

describe('differenceHash', () => {
  it('matches the same picture resized and recompressed as JPEG and WebP', async () => {
    const original = await differenceHash(await testPicture());
    const smallJpeg = await differenceHash(await testPicture({ width: 160, height: 120, format: 'jpeg', quality: 60 }));
    const largeWebp = await differenceHash(await testPicture({ width: 640, height: 480, format: 'webp', quality: 50 }));
    const rescaled = await differenceHash(await sharp(await testPicture()).resize(200, 150).jpeg({ quality: 40 }).toBuffer());
    for (const copy of [smallJpeg, largeWebp, rescaled]) expect(hashSimilarity(original, copy)).toBeGreaterThanOrEqual(threshold);
  });

  it('does not match a different picture', async () => {
    const first = await differenceHash(await testPicture());
    for (const variant of [1, 2, 3]) {
      const other = await differenceHash(await testPicture({ variant }));
      expect(hashSimilarity(first, other)).toBeLessThan(threshold);
    }
  });

  it('has structure: neither all zeros nor all ones', async () => {
    const hash = await differenceHash(await testPicture());
    const ones = [...hash].reduce((sum, byte) => sum + byte.toString(2).replaceAll('0', '').length, 0);
    expect(ones).toBeGreaterThan(40);
    expect(ones).toBeLessThan(216);
  });

  it('fails with ImageDecodeError on broken image bytes', async () => {
    const png = await testPicture();
    const truncated = png.subarray(0, 60);
    const garbage = Buffer.concat([png.subarray(0, 16), Buffer.alloc(400, 0x41)]);
    for (const bytes of [truncated, garbage, Buffer.from('not an image at all')]) {
      await expect(differenceHash(bytes)).rejects.toBeInstanceOf(ImageDecodeError);
    }
    await expect(differenceHash(truncated)).rejects.toMatchObject({ code: 'image_invalid' });
  });
});
