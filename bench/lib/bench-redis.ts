/**
 * The benchmark's own Redis: redis.conf on a free port with a temporary data directory (AOF on, as in
 * production), removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrivateRedis, startPrivateRedis } from '../../src/redis/private-redis.js';
import { freePort } from '../../test/helpers/free-port.js';

export async function startBenchRedis(): Promise<PrivateRedis & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kizuna-bench-'));
  const redis = await startPrivateRedis({ port: await freePort(), dataDir });
  return {
    ...redis,
    async dispose() {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
