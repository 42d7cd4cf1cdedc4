/**
 * The benchmark's own Redis: redis.conf on a free port with a temporary data directory (AOF on, as in
 * production), removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrivateRedis, startPrivateRedis } from '../../src/redis/private-redis.js';
import { freePort } from '../../test/helpers/free-port.js';

export async function startBenchRedis(): Promise<PrivateRedis & { dispose(): Promise<void>; reset(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-'));
  const redis = await startPrivateRedis({ port: await freePort(), dataDir });
  return {
    ...redis,
    reset: () => emptyAndCompact(redis.url),
    async dispose() {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Empties Redis and rewrites its AOF, waiting until the rewrite is done: a phase then runs on a Redis
 * holding only its own data. An AOF rewrite forks Redis, and on two cores the child's second of CPU shows in
 * every latency figure: without this, the first latency phase of a full run paid for rewriting the
 * throughput phases' ~70 MB (docs/benchmarks.md).
 */
async function emptyAndCompact(url: string): Promise<void> {
  const redis = new Redis(url);
  try {
    await redis.flushall();
    const rewriting = async () => /aof_rewrite_in_progress:1/.test(await redis.info('persistence'));
    while (await rewriting()) await sleep(50);
    await redis.bgrewriteaof();
    while (await rewriting()) await sleep(50);
  } finally {
    redis.disconnect();
  }
}
