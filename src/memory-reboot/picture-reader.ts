/**
 * The pictures of a group message as Memory Reboot sees them: each non-sticker image (up to
 * `maxImagesPerMessage`, every one of them — the seed looked at the first only) is downloaded through the
 * safe fetcher, classified by the vision model when one is configured (stickers are dropped), and hashed.
 * A picture that cannot be fetched or decoded is skipped with a warning; the message goes on without it.
 */
import type { ImageRef } from '../../machines/session-types.js';
import { toErrorInfo } from '../errors.js';
import { differenceHash } from '../images/dhash.js';
import type { FetchedImage } from '../images/safe-fetch.js';
import type { VisionClassifier } from './vision-classifier.js';

/** A content picture of a message. */
export interface ContentPicture {
  sha256: string;
  dhash: Uint8Array;
  /** What the vision model read in it ('' without a vision model). */
  description: string;
}

export interface PictureReaderOptions {
  fetchImage: (url: string) => Promise<FetchedImage>;
  vision: VisionClassifier | null;
  maxImages: number;
  warn: (message: string, details?: Record<string, unknown>) => void;
}

/** Reads the content pictures of `images`. Performs I/O. */
export async function readPictures(images: readonly ImageRef[], options: PictureReaderOptions): Promise<ContentPicture[]> {
  const candidates = images.filter((image) => image.sticker !== true).slice(0, options.maxImages);
  const pictures: ContentPicture[] = [];
  const seen = new Set<string>();
  for (const image of candidates) {
    const picture = await readPicture(image.url, options);
    if (picture === null || seen.has(picture.sha256)) continue;
    seen.add(picture.sha256);
    pictures.push(picture);
  }
  return pictures;
}

async function readPicture(url: string, options: PictureReaderOptions): Promise<ContentPicture | null> {
  const shown = url.startsWith('data:') ? `${url.slice(0, 40)}…` : url.slice(0, 300);
  let image: FetchedImage;
  try {
    image = await options.fetchImage(url);
  } catch (error) {
    options.warn('a picture could not be fetched; the message is checked without it', { url: shown, err: toErrorInfo(error) });
    return null;
  }
  let dhash: Uint8Array;
  try {
    dhash = await differenceHash(image.bytes);
  } catch (error) {
    options.warn('a picture could not be decoded; the message is checked without it', { url: shown, sha256: image.sha256, err: toErrorInfo(error) });
    return null;
  }
  const verdict = options.vision === null ? null : await options.vision.classify(image);
  if (verdict?.sticker === true) return null;
  return { sha256: image.sha256, dhash, description: verdict?.content ?? '' };
}

/** The text Memory Reboot embeds: the message's text and each picture's description; pure. */
export function contentText(text: string, pictures: readonly ContentPicture[]): string {
  const parts = [text.trim(), ...pictures.filter((picture) => picture.description !== '').map((picture) => `[picture: ${picture.description}]`)];
  return parts.filter((part) => part !== '').join(' ');
}
