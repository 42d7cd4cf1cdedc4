/**
 * Uploaded images (the console's, or any API client's): bytes kept in Redis under the SHA-256 of their
 * content, with a TTL and a size limit, referenced in messages as `/v1/images/<id>`. A model cannot fetch
 * that loopback path, so the LLM worker inlines the bytes as a `data:` URL when it builds a request
 * (`inline-uploads.ts`).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { InvalidInputError, RuntimeError } from '../errors.js';
import { uploadKey } from '../redis/keys.js';
import { guardRedis } from '../runtime/session-store.js';
import { declaredImageType, sniffImageType, uploadImageTypes } from './image-type.js';

export interface UploadLimits {
  maxBytes: number;
  ttlSeconds: number;
}

export interface UploadReceipt {
  id: string;
  /** How messages refer to the image (`images: [{url}]`), and where it is served. */
  url: string;
  contentType: string;
  bytes: number;
  expiresAt: number;
}

export interface StoredImage {
  contentType: string;
  bytes: Buffer;
}

const uploadPath = /^\/v1\/images\/([0-9a-f]{64})$/;

/** The reference to an uploaded image; pure. */
export function uploadUrl(id: string): string {
  return `/v1/images/${id}`;
}

/** The image id in an upload reference, or null when `url` is not one; pure. */
export function uploadIdOf(url: string): string | null {
  return uploadPath.exec(url)?.[1] ?? null;
}

export class UploadStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #limits: UploadLimits;

  constructor(redis: Redis, prefix: string, limits: UploadLimits) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#limits = limits;
  }

  get maxBytes(): number {
    return this.#limits.maxBytes;
  }

  /** Checks and stores an image (an identical upload refreshes its TTL); throws on bad input. Performs I/O. */
  async put(bytes: Buffer, contentTypeHeader: string | undefined, now = Date.now()): Promise<UploadReceipt> {
    const contentType = checkImage(bytes, contentTypeHeader, this.#limits.maxBytes);
    const id = createHash('sha256').update(bytes).digest('hex');
    const key = uploadKey(this.#prefix, id);
    await guardRedis(() => this.#redis.multi().hset(key, 'type', contentType, 'bytes', bytes).expire(key, this.#limits.ttlSeconds).exec());
    return { id, url: uploadUrl(id), contentType, bytes: bytes.length, expiresAt: now + this.#limits.ttlSeconds * 1000 };
  }

  /** The stored image, or null when the id is unknown or expired. Performs I/O. */
  async get(id: string): Promise<StoredImage | null> {
    if (!/^[0-9a-f]{64}$/.test(id)) return null;
    const [type, bytes] = await guardRedis(() => this.#redis.hmgetBuffer(uploadKey(this.#prefix, id), 'type', 'bytes'));
    if (type === null || bytes === null || type === undefined || bytes === undefined) return null;
    return { contentType: type.toString('utf8'), bytes };
  }

  /** True when `url` is an upload reference whose image is still stored. Performs I/O. */
  async has(url: string): Promise<boolean> {
    const id = uploadIdOf(url);
    if (id === null) return false;
    return (await guardRedis(() => this.#redis.exists(uploadKey(this.#prefix, id)))) === 1;
  }

  /** The image behind an upload reference as a `data:` URL, or null when it expired. Performs I/O. */
  async toDataUrl(url: string): Promise<string | null> {
    const id = uploadIdOf(url);
    const image = id === null ? null : await this.get(id);
    return image === null ? null : `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
  }
}

/** Validates an upload and returns its content type; throws a RuntimeError naming what is wrong; pure. */
export function checkImage(bytes: Buffer, contentTypeHeader: string | undefined, maxBytes: number): string {
  if (bytes.length === 0) throw new InvalidInputError('body', 'is empty; send the image bytes as the request body');
  if (bytes.length > maxBytes) throw new RuntimeError('payload_too_large', `image exceeds ${maxBytes} bytes`);
  const declared = declaredImageType(contentTypeHeader);
  if (declared === null) {
    throw new RuntimeError('unsupported_media_type', `content-type must be one of ${uploadImageTypes.join(', ')}, got "${contentTypeHeader ?? ''}"`);
  }
  const actual = sniffImageType(bytes);
  if (actual === null) throw new RuntimeError('unsupported_media_type', 'the bytes are not a PNG, JPEG, GIF or WebP image');
  if (actual !== declared) throw new RuntimeError('unsupported_media_type', `content-type says ${declared} but the bytes are ${actual}`);
  return actual;
}
