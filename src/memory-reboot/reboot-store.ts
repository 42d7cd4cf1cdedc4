/**
 * Memory Reboot's Redis access for one group at a time: the pending queue of messages to check, the stored
 * records and vectors, the counters, and the wipe. Every multi-key step is one script or one MULTI on the
 * group session's slot; the one global key written, the index of groups that may owe checks, is written by a
 * plain command beside the group's script.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import { globalKeys, rebootKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import type { StoredRecord } from './reboot-record.js';

/** Messages allowed to wait for their check per group; past it the oldest waiting one is dropped. */
export const maxPendingChecks = 10_000;
/** Expired records removed per commit (retention catches up over a few messages, never in one long step). */
const pruneBatch = 200;
const loadChunk = 500;

type ScriptPipeline = ChainableCommander & { enqueueCheck(...args: string[]): ChainableCommander };

export interface GroupMeta {
  seq: number;
  epoch: number;
  reminded: number;
}

export interface CommitRequest {
  /** The pending entry as read. */
  entry: string;
  record: StoredRecord | null;
  vector: Buffer | null;
  expiryMs: number;
  cutoff: number;
  reminded: boolean;
  commandWord: string | null;
}

export interface CommitOutcome {
  stored: boolean;
  seq: number;
  remaining: number;
  pruned: number;
}

/** A stored record with its vector bytes (null when it has none). */
export interface LoadedRecord {
  record: StoredRecord;
  vector: Buffer | null;
  seq: number;
}

export class RebootStore {
  readonly #redis: Redis & ScriptCommands;
  readonly #prefix: string;

  constructor(redis: Redis & ScriptCommands, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /**
   * Queues a message for its check; says whether a check job must be triggered. The group joins the index of
   * groups that may owe checks (the sweep's list) in the same pipeline, before it is armed: a crash between
   * the two leaves at worst a stale index member, never an armed group the sweep cannot find. Performs I/O.
   */
  async enqueue(sessionId: string, entryJson: string): Promise<{ needsTrigger: boolean; dropped: number }> {
    const keys = rebootKeys(this.#prefix, sessionId);
    const pipeline = this.#redis.pipeline().zincrby(globalKeys(this.#prefix).rebootGroups, 1, sessionId) as ScriptPipeline;
    const replies = (await pipeline.enqueueCheck(keys.pending, keys.armed, entryJson, String(maxPendingChecks)).exec()) ?? [];
    const failed = replies.find(([error]) => error !== null);
    if (failed !== undefined) throw failed[0];
    const [needsTrigger, dropped] = replies[1]?.[1] as [number, number];
    return { needsTrigger: needsTrigger === 1, dropped };
  }

  /** The first pending entries, oldest first. Performs I/O. */
  async pending(sessionId: string, count: number): Promise<string[]> {
    return this.#redis.lrange(rebootKeys(this.#prefix, sessionId).pending, 0, count - 1);
  }

  /** Stores (or not) the head entry's record and pops it, atomically. Performs I/O. */
  async commit(sessionId: string, request: CommitRequest): Promise<CommitOutcome> {
    const keys = rebootKeys(this.#prefix, sessionId);
    const record = request.record;
    const result = (await this.#redis.commitCheck(
      keys.pending, keys.armed, keys.meta, keys.order, keys.times, keys.records, keys.vectors, keys.commands,
      request.entry,
      record?.id ?? '',
      String(record?.at ?? 0),
      record === null ? '' : JSON.stringify(record),
      request.vector ?? '',
      String(Math.ceil(request.expiryMs)),
      String(Math.floor(request.cutoff)),
      String(pruneBatch),
      request.reminded ? '1' : '0',
      request.commandWord ?? '',
    )) as [number, number, number, number];
    return { stored: result[0] === 1, seq: result[1], remaining: result[2], pruned: result[3] };
  }

  /** The group's counters. Performs I/O. */
  async meta(sessionId: string): Promise<GroupMeta> {
    const [seq, epoch, reminded] = await this.#redis.hmget(rebootKeys(this.#prefix, sessionId).meta, 'seq', 'epoch', 'reminded');
    return { seq: Number(seq ?? 0), epoch: Number(epoch ?? 0), reminded: Number(reminded ?? 0) };
  }

  /** Records stored after sequence `afterSeq`, in store order (all of them for 0). Performs I/O. */
  async recordsAfter(sessionId: string, afterSeq: number): Promise<LoadedRecord[]> {
    const keys = rebootKeys(this.#prefix, sessionId);
    const loaded: LoadedRecord[] = [];
    let floor = `(${afterSeq}`;
    for (;;) {
      const page = await this.#redis.zrangebyscore(keys.order, floor, '+inf', 'WITHSCORES', 'LIMIT', 0, loadChunk);
      if (page.length === 0) return loaded;
      const ids = page.filter((_, index) => index % 2 === 0);
      const seqs = page.filter((_, index) => index % 2 === 1).map(Number);
      const [records, vectors] = await Promise.all([this.#redis.hmget(keys.records, ...ids), this.#redis.hmgetBuffer(keys.vectors, ...ids)]);
      ids.forEach((_, index) => {
        const json = records[index];
        if (json === null || json === undefined) return;
        loaded.push({ record: JSON.parse(json) as StoredRecord, vector: vectors[index] ?? null, seq: seqs[index]! });
      });
      if (ids.length < loadChunk) return loaded;
      floor = `(${seqs[seqs.length - 1]!}`;
    }
  }

  /** Up to `around` records before and after `id` in arrival order, and the last `recent` records. Performs I/O. */
  async context(sessionId: string, id: string, around: number, recent: number): Promise<{ matched: StoredRecord[]; recent: StoredRecord[] }> {
    const keys = rebootKeys(this.#prefix, sessionId);
    const rank = await this.#redis.zrank(keys.order, id);
    const [aroundIds, recentIds] = await Promise.all([
      rank === null || around === 0 ? Promise.resolve([]) : this.#redis.zrange(keys.order, String(Math.max(0, rank - around)), String(rank + around)),
      recent === 0 ? Promise.resolve([]) : this.#redis.zrange(keys.order, String(-recent), '-1'),
    ]);
    const read = async (ids: string[]) => (ids.length === 0 ? [] : (await this.#redis.hmget(keys.records, ...ids)).flatMap((json) => (json ? [JSON.parse(json) as StoredRecord] : [])));
    const [matched, last] = await Promise.all([read(aroundIds), read(recentIds)]);
    return { matched, recent: last };
  }

  /** Other bots' command words seen in the group, with counts. Performs I/O. */
  async commandsSeen(sessionId: string): Promise<Array<[string, number]>> {
    const seen = await this.#redis.hgetall(rebootKeys(this.#prefix, sessionId).commands);
    return Object.entries(seen).map(([word, count]) => [word, Number(count)]);
  }

  /** Forgets everything stored for the group (the pending queue stays) and bumps its epoch. Performs I/O. */
  async wipe(sessionId: string): Promise<void> {
    const keys = rebootKeys(this.#prefix, sessionId);
    await this.#redis.multi().del(keys.order, keys.times, keys.records, keys.vectors, keys.commands).hincrby(keys.meta, 'epoch', 1).hdel(keys.meta, 'reminded').exec();
  }
}
