/**
 * Image uploads: `POST /v1/images` takes the bytes as the request body (Content-Type image/png, jpeg, gif
 * or webp, checked against the bytes themselves; at most `uploads.maxBytes`) and answers with the reference
 * to put in a message (`images: [{url: "/v1/images/<id>"}]`); `GET /v1/images/:id` serves it back until its
 * TTL ends.
 */
import type { ImageRef } from '../../machines/session-types.js';
import { InvalidInputError, RuntimeError } from '../errors.js';
import { uploadIdOf, type UploadStore } from '../images/upload-store.js';
import type { Route } from './api-routes.js';
import { readBody } from './read-body.js';

/** The upload routes. */
export function imageRoutes(uploads: UploadStore, now: () => number): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v1\/images$/,
      async handle({ request }) {
        const bytes = await readBody(request, uploads.maxBytes);
        return { status: 201, body: await uploads.put(bytes, request.headers['content-type'], now()) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/images\/([^/]+)$/,
      async handle({ params }) {
        const id = params[0] ?? '';
        const image = await uploads.get(id);
        if (image === null) throw new RuntimeError('not_found', `unknown or expired image ${id}`);
        // The id is the content's hash, so the bytes behind it never change.
        return { status: 200, body: image.bytes, contentType: image.contentType, headers: { 'cache-control': 'private, max-age=86400, immutable' } };
      },
    },
  ];
}

/** Refuses a message that refers to an upload which is unknown or expired. Performs I/O. */
export async function checkUploadReferences(uploads: Pick<UploadStore, 'has'>, images: readonly ImageRef[]): Promise<void> {
  for (const [index, image] of images.entries()) {
    if (!image.url.startsWith('/v1/images/')) continue;
    if (uploadIdOf(image.url) === null || !(await uploads.has(image.url))) {
      throw new InvalidInputError(`images.${index}.url`, 'unknown or expired upload; upload the image again with POST /v1/images');
    }
  }
}
