/**
 * How an uploaded image reaches a model: messages refer to it as `/v1/images/<id>`, which no remote model can
 * fetch, so right before the request is built the LLM worker replaces each such reference — in the request
 * and in the history it is built from — by a `data:` URL holding the bytes. Events, snapshots and stores
 * keep the short reference. An image whose upload expired is left out.
 */
import type { ImageRef } from '../../machines/session-types.js';
import type { LlmRequest, PromptMaterial } from '../llm/llm-types.js';
import { uploadIdOf } from './upload-store.js';

export interface Inlined<R extends LlmRequest> {
  request: R;
  material: PromptMaterial;
  /** Upload references whose image is gone. */
  missing: string[];
}

/** Replaces upload references by `data:` URLs (each read once). Performs I/O through `toDataUrl`. */
export async function inlineUploads<R extends LlmRequest>(
  request: R,
  material: PromptMaterial,
  toDataUrl: (url: string) => Promise<string | null>,
): Promise<Inlined<R>> {
  const requestImages = 'images' in request ? request.images : [];
  const references = [...requestImages, ...material.history.flatMap((entry) => entry.images ?? [])]
    .map((image) => image.url)
    .filter((url) => uploadIdOf(url) !== null);
  if (references.length === 0) return { request, material, missing: [] };
  const resolved = new Map<string, string | null>();
  for (const url of new Set(references)) resolved.set(url, await toDataUrl(url));
  const swap = (images: readonly ImageRef[]): ImageRef[] =>
    images.flatMap((image) => {
      if (!resolved.has(image.url)) return [image];
      const url = resolved.get(image.url);
      return url === null || url === undefined ? [] : [{ ...image, url }];
    });
  return {
    request: 'images' in request ? { ...request, images: swap(request.images) } : request,
    material: { ...material, history: material.history.map((entry) => (entry.images === undefined ? entry : { ...entry, images: swap(entry.images) })) },
    missing: [...resolved].filter(([, url]) => url === null).map(([reference]) => reference),
  };
}
