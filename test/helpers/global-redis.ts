/**
 * Vitest global setup for integration tests: one real redis-server started from the project's redis.conf,
 * on a free port, with its data in a temporary directory. Tests read its URL with `inject('redisUrl')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PrivateRedis, startPrivateRedis } from '../../src/redis/private-redis.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: PrivateRedis | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'kizuna-test-redis-'));
  redis = await startPrivateRedis({ port: await freePort(), dataDir });
  project.provide('redisUrl', redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
}
