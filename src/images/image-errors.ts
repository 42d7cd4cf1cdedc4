/**
 * Why an image could not be used. A fetch fails with a `reason` that says what the operator or the sender
 * can do about it; only failures of the moment (timeouts, connection trouble, 5xx, 429) are retryable.
 */
import { RuntimeError } from '../errors.js';

export type ImageFetchReason =
  | 'invalid_url'
  | 'forbidden_address'
  | 'dns_failed'
  | 'connection'
  | 'timeout'
  | 'http_status'
  | 'too_many_redirects'
  | 'too_large'
  | 'not_image'
  | 'upload_missing';

const retryableReasons: ReadonlySet<ImageFetchReason> = new Set(['dns_failed', 'connection', 'timeout']);

/** A refused or failed image download: code `image_fetch_failed` and a `reason`. */
export class ImageFetchError extends RuntimeError {
  readonly reason: ImageFetchReason;
  /** The HTTP status, for `http_status`. */
  readonly status: number | undefined;

  constructor(reason: ImageFetchReason, detail: string, options: { status?: number; cause?: unknown } = {}) {
    const retryable = retryableReasons.has(reason) || (options.status !== undefined && (options.status >= 500 || options.status === 429));
    super('image_fetch_failed', `image ${reason.replaceAll('_', ' ')}: ${detail}`, { retryable, cause: options.cause });
    this.name = 'ImageFetchError';
    this.reason = reason;
    this.status = options.status;
  }
}

/** Image bytes that announce an image but cannot be decoded as one: code `image_invalid`. */
export class ImageDecodeError extends RuntimeError {
  constructor(detail: string, cause?: unknown) {
    super('image_invalid', `image cannot be decoded: ${detail}`, { cause });
    this.name = 'ImageDecodeError';
  }
}
