/**
 * The image download limits a configuration sets (`images.*`, `security.allowPrivateImageHosts`), in the
 * shape `fetchImage` takes.
 */
import type { KizunaConfig } from '../config/schema.js';
import type { SafeFetchOptions } from './safe-fetch.js';

/** Download options from `config`; pure. */
export function imageFetchOptions(config: Pick<KizunaConfig, 'images' | 'security'>): SafeFetchOptions {
  return {
    maxBytes: config.images.maxBytes,
    timeoutMs: config.images.timeoutSeconds * 1000,
    maxRedirects: config.images.maxRedirects,
    allowPrivateHosts: config.security.allowPrivateImageHosts,
    allowedHosts: config.security.allowedImageHosts,
  };
}
