/**
 * Captions of group images by image identity, written by the caption job and read when group memory is
 * rendered (`[Image: …]`). Render material, not session state: a lost caption only makes an image render as
 * `[Image]`. Bounded per group; the oldest captions go first.
 */
import type { Redis } from 'ioredis';
import { sessionKeys } from '../redis/keys.js';

export class CaptionStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #maxEntries: number;

  constructor(redis: Redis, prefix: string, maxEntries = 500) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#maxEntries = maxEntries;
  }

  /** Stores the caption of image `hash` in group `sessionId`, evicting the oldest beyond the bound. Performs I/O. */
  async write(sessionId: string, hash: string, caption: string, at: number): Promise<void> {
    const keys = sessionKeys(this.#prefix, sessionId);
    const replies = await this.#redis.multi().hset(keys.captions, hash, caption).zadd(keys.captionOrder, at, hash).zcard(keys.captionOrder).exec();
    const count = Number(replies?.[2]?.[1] ?? 0);
    const excess = count - this.#maxEntries;
    if (excess <= 0) return;
    const oldest = await this.#redis.zrange(keys.captionOrder, '0', String(excess - 1));
    if (oldest.length > 0) await this.#redis.multi().hdel(keys.captions, ...oldest).zrem(keys.captionOrder, ...oldest).exec();
  }

  /** The captions of the given images (those that have one). Performs I/O. */
  async read(sessionId: string, hashes: readonly string[]): Promise<Record<string, string>> {
    const unique = [...new Set(hashes)];
    if (unique.length === 0) return {};
    const values = await this.#redis.hmget(sessionKeys(this.#prefix, sessionId).captions, ...unique);
    const captions: Record<string, string> = {};
    unique.forEach((hash, index) => {
      const value = values[index];
      if (typeof value === 'string' && value.length > 0) captions[hash] = value;
    });
    return captions;
  }
}
