/**
 * Where a command finds Redis: `redis.url` / REDIS_URL when set; otherwise kizuna's private redis-server,
 * which `kizuna start` launches from redis.conf (and other commands reuse when it is already running).
 */
import { isAbsolute, join } from 'node:path';
import { Redis } from 'ioredis';
import type { KizunaConfig } from '../config/schema.js';
import { type PrivateRedis, projectRoot, startPrivateRedis } from '../redis/private-redis.js';

export interface RedisEndpoint {
  url: string;
  /** Set when this process launched the redis-server and must stop it on exit. */
  owned: PrivateRedis | null;
  description: string;
}

/** The private Redis URL for `config`; pure. */
export function privateRedisUrl(config: KizunaConfig): string {
  return `redis://127.0.0.1:${config.redis.privatePort}`;
}

/** Resolves Redis for a command, launching the private server when `launch` is set and none answers. */
export async function resolveRedis(config: KizunaConfig, launch: boolean): Promise<RedisEndpoint> {
  if (config.redis.url !== undefined) return { url: config.redis.url, owned: null, description: config.redis.url };
  const url = privateRedisUrl(config);
  if (await answers(url)) return { url, owned: null, description: `${url} (already running)` };
  if (!launch) return { url, owned: null, description: `${url} (not running)` };
  const dataDir = isAbsolute(config.redis.dataDir) ? config.redis.dataDir : join(projectRoot, config.redis.dataDir);
  const owned = await startPrivateRedis({ port: config.redis.privatePort, dataDir });
  return { url, owned, description: `private redis-server on ${url}, data in ${dataDir}` };
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
