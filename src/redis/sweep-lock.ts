/**
 * The lock that lets one worker at a time run a sweep: `SET NX` with an expiry and a random token, released
 * only by its holder (if it expired mid-run and another worker took it, that worker's lock is left alone).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Runs `sweep` under the lock `key`; resolves with null, running nothing, when another worker holds it. Performs I/O. */
export async function withSweepLock<T>(redis: Redis, key: string, lockSeconds: number, sweep: () => Promise<T>): Promise<T | null> {
  const token = randomUUID();
  if ((await redis.set(key, token, 'EX', Math.max(1, Math.ceil(lockSeconds)), 'NX')) === null) return null;
  try {
    return await sweep();
  } finally {
    if ((await redis.get(key)) === token) await redis.del(key);
  }
}
