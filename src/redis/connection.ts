/**
 * Redis connections. Commands issued on behalf of a caller (ingest, the HTTP API) fail fast while Redis is
 * unreachable, so the caller can answer 503 instead of hanging; BullMQ workers get the blocking-friendly
 * settings BullMQ requires.
 */
import { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors.js';

/** A connection for request-path commands: no offline queue, auto-pipelining on. Performs I/O. */
export function createCommandConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(1000, 50 * attempt),
  });
}

/**
 * A connection for BullMQ queues (adding and reading jobs), fail-fast like the command connection but without
 * auto-pipelining: ioredis builds every auto-pipeline by copying each script defined on the connection, and
 * BullMQ defines 64 — on a shared connection that copy was ~4 % of a busy worker's time. Performs I/O.
 */
export function createQueueConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(1000, 50 * attempt),
  });
}

/** A connection for BullMQ workers and subscribers: retries forever while Redis restarts. Performs I/O. */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(1000, 50 * attempt),
  });
}

/** Resolves once `redis` is ready, or rejects with RedisUnavailableError after `timeoutMs`. */
export async function waitUntilReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new RedisUnavailableError(new Error(`not ready after ${timeoutMs} ms`)));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Closes a connection without throwing, whatever state it is in. Performs I/O. */
export async function closeQuietly(redis: Redis): Promise<void> {
  try {
    if (redis.status === 'ready') await redis.quit();
    else redis.disconnect();
  } catch {
    redis.disconnect();
  }
}
