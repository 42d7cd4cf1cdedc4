/**
 * OneBot v11 lets an image's `file` carry the picture itself (`base64://<data>`). No fetcher can download
 * that, and events must not carry megabytes, so before ingest such an image is stored the way an HTTP upload
 * is (the upload store: type checked against the bytes, `uploads.maxBytes`, a TTL) and the message refers to
 * it as `/v1/images/<id>`. A payload that is not base64, not an image or too large is left out with the
 * reason; the rest of the message goes on.
 */
import type { ImageRef } from '../../../machines/session-types.js';
import { RuntimeError } from '../../errors.js';
import { ImageFetchError } from '../../images/image-errors.js';
import { sniffImageType, uploadImageTypes } from '../../images/image-type.js';
import type { UploadStore } from '../../images/upload-store.js';

const scheme = 'base64://';
const base64Payload = /^[A-Za-z0-9+/]*={0,2}$/u;

/** Whether an image reference carries its bytes inline (`base64://`); pure. */
export function isInlineImage(url: string): boolean {
  return url.startsWith(scheme);
}

/** The bytes of a `base64://` image, at most `maxBytes`, checked before decoding; pure. */
export function decodeInlineImage(url: string, maxBytes: number): Buffer {
  const payload = url.slice(scheme.length).replace(/\s+/gu, '');
  if (payload === '' || !base64Payload.test(payload) || payload.replace(/=+$/u, '').length % 4 === 1) {
    throw new ImageFetchError('invalid_url', 'the base64:// payload is not base64');
  }
  const estimate = Math.floor((payload.replace(/=+$/u, '').length * 3) / 4);
  if (estimate > maxBytes) throw new ImageFetchError('too_large', `base64:// image of about ${estimate} bytes, over the ${maxBytes}-byte limit`);
  const bytes = Buffer.from(payload, 'base64');
  if (sniffImageType(bytes) === null) throw new ImageFetchError('not_image', `the base64:// bytes are none of ${uploadImageTypes.join(', ')}`);
  return bytes;
}

export interface StoredInline {
  images: ImageRef[];
  /** Why each inline image left out was refused. */
  refused: string[];
}

/**
 * Replaces each `base64://` image by a reference to the upload store; refused ones are left out. Errors of
 * the store's connection (retryable) are thrown. Performs I/O.
 */
export async function storeInlineImages(images: readonly ImageRef[], uploads: Pick<UploadStore, 'put' | 'maxBytes'>): Promise<StoredInline> {
  const refused: string[] = [];
  const kept: ImageRef[] = [];
  for (const image of images) {
    if (!isInlineImage(image.url)) {
      kept.push(image);
      continue;
    }
    try {
      const bytes = decodeInlineImage(image.url, uploads.maxBytes);
      const receipt = await uploads.put(bytes, sniffImageType(bytes) ?? undefined);
      kept.push({ ...image, url: receipt.url });
    } catch (error) {
      if (!(error instanceof RuntimeError) || error.retryable) throw error;
      refused.push(error.message);
    }
  }
  return { images: kept, refused };
}
