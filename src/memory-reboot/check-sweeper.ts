/**
 * Memory Reboot's check sweep: the safety net that triggers a group's check job again when the job was lost
 * (Redis restarted from an older AOF, a job that exhausted its retries) while the group still owes checks.
 * It reads the index of groups that may owe checks (`<prefix>:reboot:groups`, bumped by every enqueue),
 * never the whole keyspace, and one worker sweeps at a time (a Redis lock, as the session sweeper holds).
 *  - a group whose `armed` flag is set or whose pending list is not empty gets its check job (deduplicated,
 *    so harmless when the job exists);
 *  - a group that owes nothing leaves the index, only if its score is still the one read (`forgetGroup-1.lua`),
 *    and is put back if an enqueue armed it meanwhile, so a racing enqueue never leaves the index.
 * The first sweep a worker runs also adopts the groups an older version queued without the index (one SCAN).
 */
import type { Redis } from 'ioredis';
import { globalKeys, rebootKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import { withSweepLock } from '../redis/sweep-lock.js';
import type { DrainTrigger } from '../runtime/drain-trigger.js';

export interface CheckSweepReport {
  /** Index members looked at (a member may be counted twice: the index is read with ZSCAN). */
  groups: number;
  triggered: number;
  forgotten: number;
  /** Groups found by the legacy scan (the first sweep of a worker only). */
  adopted: number;
  /** Another worker held the lock. */
  skipped: boolean;
}

export interface CheckSweeperOptions {
  redis: Redis & ScriptCommands;
  prefix: string;
  trigger: Pick<DrainTrigger, 'trigger'>;
  lockSeconds: number;
  pageSize?: number;
}

interface Member {
  sessionId: string;
  score: string;
}

export class CheckSweeper {
  readonly #options: CheckSweeperOptions;
  #adopted = false;

  constructor(options: CheckSweeperOptions) {
    this.#options = options;
  }

  /** Sweeps the index once, unless another worker holds the lock. Performs I/O. */
  async sweep(): Promise<CheckSweepReport> {
    const { redis, prefix, lockSeconds } = this.#options;
    const report: CheckSweepReport = { groups: 0, triggered: 0, forgotten: 0, adopted: 0, skipped: false };
    const swept = await withSweepLock(redis, globalKeys(prefix).rebootSweepLock, lockSeconds, async () => {
      if (!this.#adopted) {
        report.adopted = await this.#adoptLegacyGroups();
        this.#adopted = true;
      }
      // ZSCAN, not ZRANGE by offset: enqueues move members while the sweep reads, and ZSCAN still returns
      // every member present from start to end of the iteration (some twice, which is harmless).
      let cursor = '0';
      do {
        const [next, flat] = await redis.zscan(globalKeys(prefix).rebootGroups, cursor, 'COUNT', this.#options.pageSize ?? 500);
        await this.#sweepPage(membersOf(flat), report);
        cursor = next;
      } while (cursor !== '0');
      return report;
    });
    return swept ?? { ...report, skipped: true };
  }

  async #sweepPage(members: readonly Member[], report: CheckSweepReport): Promise<void> {
    if (members.length === 0) return;
    report.groups += members.length;
    const owed = await this.#owed(members.map((member) => member.sessionId));
    const owing = members.filter((_, index) => owed[index]);
    await Promise.all(owing.map((member) => this.#options.trigger.trigger(member.sessionId)));
    report.triggered += owing.length;
    const idle = members.filter((_, index) => !owed[index]);
    const forgotten = await this.#forget(idle);
    // An enqueue bumps the score before it arms the group; one that bumped it before our read and armed the
    // group after our check would be lost from the index, so what was removed is checked once more.
    const armedSince = await this.#owed(forgotten);
    const index = globalKeys(this.#options.prefix).rebootGroups;
    const back = forgotten.filter((_, position) => armedSince[position]);
    if (back.length > 0) await back.reduce((pipeline, sessionId) => pipeline.zincrby(index, 1, sessionId), this.#options.redis.pipeline()).exec();
    report.forgotten += forgotten.length - back.length;
  }

  /** Whether each group owes a check: its armed flag is set or its pending list is not empty. */
  async #owed(sessionIds: readonly string[]): Promise<boolean[]> {
    if (sessionIds.length === 0) return [];
    const pipeline = this.#options.redis.pipeline();
    for (const sessionId of sessionIds) {
      const keys = rebootKeys(this.#options.prefix, sessionId);
      pipeline.exists(keys.armed).llen(keys.pending);
    }
    const replies = (await pipeline.exec()) ?? [];
    return sessionIds.map((_, index) => Number(replies[index * 2]?.[1] ?? 0) > 0 || Number(replies[index * 2 + 1]?.[1] ?? 0) > 0);
  }

  /** Removes the members whose score is still the one read; returns the session ids removed. */
  async #forget(members: readonly Member[]): Promise<string[]> {
    const index = globalKeys(this.#options.prefix).rebootGroups;
    const removed = await Promise.all(members.map(async (member) => (await this.#options.redis.forgetGroup(index, member.sessionId, member.score)) === 1));
    return members.filter((_, position) => removed[position]).map((member) => member.sessionId);
  }

  /** Adds to the index every group with a pending list, as queued by a version that kept no index (one SCAN). */
  async #adoptLegacyGroups(): Promise<number> {
    const { redis, prefix } = this.#options;
    const pattern = `${prefix}:{*}:reboot:pending`;
    const index = globalKeys(prefix).rebootGroups;
    let adopted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      const groups = keys.flatMap((key) => /\{(.+)\}:reboot:pending$/u.exec(key)?.[1] ?? []);
      if (groups.length > 0) await groups.reduce((pipeline, sessionId) => pipeline.zincrby(index, 1, sessionId), redis.pipeline()).exec();
      adopted += groups.length;
      cursor = next;
    } while (cursor !== '0');
    return adopted;
  }
}

/** Pairs a flat `member, score, …` reply; pure. */
function membersOf(flat: readonly string[]): Member[] {
  const members: Member[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) members.push({ sessionId: flat[index]!, score: flat[index + 1]! });
  return members;
}
