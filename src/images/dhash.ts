/**
 * The 256-bit difference hash (dHash) of a picture: grayscale, resized to 17×16 (Lanczos), then one bit per
 * pair of horizontally adjacent pixels (left brighter than right). Resizing and recompressing a picture
 * barely moves its hash; a different picture lands about half the bits away. Decoding runs on libvips'
 * threads, off the event loop.
 */
import sharp from 'sharp';
import { ImageDecodeError } from './image-errors.js';

export const dhashBits = 256;
const width = 17;
const height = 16;
/** Pictures larger than this (decoded) are refused: a small file can decode to gigabytes. */
const maxInputPixels = 50_000_000;

/** The dHash of the picture in `bytes` as 32 bytes (row-major, most significant bit first); throws ImageDecodeError. */
export async function differenceHash(bytes: Uint8Array): Promise<Uint8Array> {
  let pixels: Buffer;
  try {
    pixels = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' })
      .grayscale()
      .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer();
  } catch (error) {
    throw new ImageDecodeError((error as Error).message, error);
  }
  if (pixels.length !== width * height) throw new ImageDecodeError(`expected ${width * height} gray pixels, got ${pixels.length}`);
  const hash = new Uint8Array(dhashBits / 8);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width - 1; x += 1) {
      if (pixels[y * width + x]! > pixels[y * width + x + 1]!) {
        const bit = y * (width - 1) + x;
        hash[bit >> 3]! |= 0x80 >> (bit & 7);
      }
    }
  }
  return hash;
}

/** Similarity of two hashes of the same length: 1 − Hamming distance / bits; pure. */
export function hashSimilarity(a: Uint8Array, b: Uint8Array): number {
  let distance = 0;
  for (let index = 0; index < a.length; index += 1) distance += popcount8(a[index]! ^ b[index]!);
  return 1 - distance / (a.length * 8);
}

function popcount8(value: number): number {
  let count = 0;
  for (let bits = value; bits !== 0; bits &= bits - 1) count += 1;
  return count;
}
