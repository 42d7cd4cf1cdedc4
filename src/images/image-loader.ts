/**
 * Loads a picture a message refers to: an upload reference (`/v1/images/<id>`, the console's and API
 * clients' images) from the upload store, any other URL through the safe fetcher. Either way the bytes pass
 * the same checks (size, magic bytes) and come back with their sha256.
 */
import { ImageFetchError } from './image-errors.js';
import { type FetchedImage, type SafeFetchOptions, fetchImage } from './safe-fetch.js';
import { type UploadStore, uploadIdOf } from './upload-store.js';

/** A loader of the pictures messages refer to. */
export type ImageLoader = (url: string) => Promise<FetchedImage>;

/** Builds the loader for `uploads` and the safe fetcher's `options`. */
export function createImageLoader(uploads: Pick<UploadStore, 'toDataUrl'>, options: SafeFetchOptions): ImageLoader {
  return async (url) => {
    if (uploadIdOf(url) === null) return fetchImage(url, options);
    const dataUrl = await uploads.toDataUrl(url);
    if (dataUrl === null) throw new ImageFetchError('upload_missing', `${url} is no longer stored (uploads expire after uploads.ttlSeconds)`);
    return { ...(await fetchImage(dataUrl, options)), url };
  };
}
