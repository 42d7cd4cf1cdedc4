/**
 * Drain shards: sessions are grouped into a fixed number of shards, and one BullMQ job per shard (deduplicated
 * by shard, like the per-session drain job it replaces) drains every due session of that shard. At most one
 * shard job runs at a time, so at most one drain per session runs across all workers, as before; but one job
 * cycle now serves every session that comes due while the shard's run lasts, instead of one per drain.
 * `runtime.drainShards: 0` keeps the per-session drain job (the benchmark's baseline).
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { shardKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import { drainJobOptions } from './drain-trigger.js';

/** Anything that asks for a session's mailbox to be drained. */
export interface SessionTrigger {
  trigger(sessionId: string): Promise<void>;
}

export interface ShardJobData {
  shard: number;
}

/** The shard of `sessionId` among `shards` (FNV-1a of its UTF-16 code units); pure. */
export function shardOf(sessionId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sessionId.length; index++) {
    hash ^= sessionId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** The deduplication id of a shard's drain job; pure. */
export function shardJobKey(shard: number): string {
  return `shard-${shard}`;
}

/** Lists sessions as due in their shard and adds the shard's drain job when the shard was idle. */
export class ShardTrigger implements SessionTrigger {
  readonly #queue: Queue;
  readonly #redis: Redis & ScriptCommands;
  readonly #prefix: string;
  readonly shards: number;

  constructor(queue: Queue, redis: Redis & ScriptCommands, prefix: string, shards: number) {
    this.#queue = queue;
    this.#redis = redis;
    this.#prefix = prefix;
    this.shards = shards;
  }

  /** Lists `sessionId` as due. Performs I/O. */
  async trigger(sessionId: string): Promise<void> {
    const shard = shardOf(sessionId, this.shards);
    const keys = shardKeys(this.#prefix, shard);
    if ((await this.#redis.markDue(keys.due, keys.armed, sessionId)) === 1) await this.addJob(shard);
  }

  /**
   * Repairs shards whose job went missing (a process killed between listing a session and adding the job,
   * a job that exhausted its retries while Redis was away): a shard with sessions due or taken, or still
   * armed, and no job gets its job. Returns how many shards were repaired. Performs I/O.
   */
  async repair(): Promise<number> {
    const shards = Array.from({ length: this.shards }, (_, shard) => shard);
    const missing = await Promise.all(shards.map((shard) => this.#jobMissing(shard)));
    const repaired = shards.filter((_, index) => missing[index]);
    await Promise.all(repaired.map((shard) => this.#rearm(shard)));
    return repaired.length;
  }

  async #jobMissing(shard: number): Promise<boolean> {
    const keys = shardKeys(this.#prefix, shard);
    const [armed, due, taken, job] = await Promise.all([
      this.#redis.exists(keys.armed),
      this.#redis.llen(keys.due),
      this.#redis.llen(keys.taken),
      this.#queue.getDeduplicationJobId(shardJobKey(shard)),
    ]);
    return (armed > 0 || due > 0 || taken > 0) && job === null;
  }

  async #rearm(shard: number): Promise<void> {
    await this.#redis.set(shardKeys(this.#prefix, shard).armed, '1');
    await this.addJob(shard);
  }

  /** Adds the drain job of `shard`. Performs I/O. */
  addJob(shard: number): Promise<void> {
    return addShardJob(this.#queue, shard);
  }
}

/** Adds the drain job of `shard` (queued behind a running one, never twice). Performs I/O. */
export async function addShardJob(queue: Queue, shard: number): Promise<void> {
  const data: ShardJobData = { shard };
  await queue.add('drain', data, drainJobOptions(shardJobKey(shard)));
}
