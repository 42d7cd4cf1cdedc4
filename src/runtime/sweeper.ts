/**
 * The sweeper: a safety net that makes the stored session state and the BullMQ jobs agree again after
 * anything that could have separated them (a process killed between two steps, a host crash that lost the
 * last second of the AOF, a job that exhausted its retries while Redis was away). It runs when a session
 * worker starts and every `runtime.sweepIntervalSeconds`, one worker at a time:
 *  - a session with a non-empty mailbox or unfinished effects gets a drain (deduplicated, so harmless);
 *  - a drain shard with sessions listed, or armed, and no job gets its job;
 *  - a timer the session holds whose job is missing is armed again (overdue ones fire at once);
 *  - an LLM request the session waits for whose job is missing is sent again.
 * A job that completed has already put its event in the mailbox, so a missing job only counts as lost when,
 * checked after the job, the session's mailbox is empty and its version has not moved. Every repair is
 * idempotent anyway: a timer or a reply that arrives twice is dropped by its generation or request id.
 */
import type { Redis } from 'ioredis';
import { armedTimers } from '../../machines/session-logic.js';
import type { SessionContext } from '../../machines/session-types.js';
import type { LlmDispatcher } from '../llm/llm-dispatcher.js';
import type { LlmRequest } from '../llm/llm-types.js';
import { globalKeys, sessionKeys } from '../redis/keys.js';
import { withSweepLock } from '../redis/sweep-lock.js';
import type { SessionTrigger } from './drain-shards.js';
import { pendingRequestsOf } from './effects.js';
import { SettingsTable } from './snapshot-codec.js';
import type { TimerJobData, TimerScheduler } from './timer-scheduler.js';

export interface SweepReport {
  sessions: number;
  drains: number;
  timersArmed: number;
  requestsResent: number;
  /** Drain shards whose missing job was added again. */
  shards: number;
  skipped: boolean;
}

export interface SweeperOptions {
  redis: Redis;
  prefix: string;
  trigger: SessionTrigger;
  /** The drain shards, when sessions are drained by shard. */
  shards?: { repair(): Promise<number> };
  timers: TimerScheduler;
  llm: LlmDispatcher;
  llmJobKey: (sessionId: string, requestId: string) => string;
  lockSeconds: number;
  chunkSize?: number;
}

interface SessionRow {
  sessionId: string;
  owed: boolean;
  version: string | null;
  context: SessionContext | null;
}

interface Candidate {
  row: SessionRow;
  timers: TimerJobData[];
  requests: LlmRequest[];
  jobKeys: string[];
}

export class Sweeper {
  readonly #options: SweeperOptions;
  /** Resolves the settings snapshots refer to: the requests re-sent are frozen from them (a judgement's threshold). */
  readonly #settings: SettingsTable;

  constructor(options: SweeperOptions) {
    this.#options = options;
    this.#settings = new SettingsTable(options.redis, options.prefix);
  }

  /** Sweeps every session once, unless another worker holds the sweep lock. Performs I/O. */
  async sweep(): Promise<SweepReport> {
    const { redis, prefix, lockSeconds } = this.#options;
    const report: SweepReport = { sessions: 0, drains: 0, timersArmed: 0, requestsResent: 0, shards: 0, skipped: false };
    const swept = await withSweepLock(redis, globalKeys(prefix).sweepLock, lockSeconds, async () => {
      const chunkSize = this.#options.chunkSize ?? 500;
      for (let offset = 0; ; offset += chunkSize) {
        const ids = await redis.zrange(globalKeys(prefix).sessions, String(offset), String(offset + chunkSize - 1));
        if (ids.length === 0) break;
        await this.#sweepChunk(ids, report);
      }
      report.shards = (await this.#options.shards?.repair()) ?? 0;
      return report;
    });
    return swept ?? { ...report, skipped: true };
  }

  async #sweepChunk(ids: readonly string[], report: SweepReport): Promise<void> {
    const rows = await this.#readRows(ids);
    report.sessions += rows.length;
    const owed = rows.filter((row) => row.owed);
    await Promise.all(owed.map((row) => this.#options.trigger.trigger(row.sessionId)));
    report.drains += owed.length;

    const candidates = rows.filter((row) => !row.owed && row.context !== null).map((row) => this.#candidateOf(row));
    const checked = await this.#checkJobs(candidates.filter((candidate) => candidate.jobKeys.length > 0));
    for (const { candidate, missing } of checked) {
      const toArm = candidate.timers.filter((_, index) => missing[index]);
      await Promise.all(toArm.map((timer) => this.#options.timers.arm(timer)));
      report.timersArmed += toArm.length;
      const toResend = candidate.requests.filter((_, index) => missing[candidate.timers.length + index]);
      await Promise.all(toResend.map((request) => this.#options.llm.start(request)));
      report.requestsResent += toResend.length;
    }
  }

  async #readRows(ids: readonly string[]): Promise<SessionRow[]> {
    const pipeline = this.#options.redis.pipeline();
    for (const id of ids) {
      const keys = sessionKeys(this.#options.prefix, id);
      pipeline.llen(keys.mailbox).llen(keys.effects).hmget(keys.actor, 'snapshot', 'version');
    }
    const replies = (await pipeline.exec()) ?? [];
    return Promise.all(
      ids.map(async (sessionId, index) => {
        const [snapshot, version] = (replies[index * 3 + 2]?.[1] ?? [null, null]) as [string | null, string | null];
        return {
          sessionId,
          owed: Number(replies[index * 3]?.[1] ?? 0) > 0 || Number(replies[index * 3 + 1]?.[1] ?? 0) > 0,
          version,
          context: snapshot ? ((await this.#settings.decode(snapshot)) as { context: SessionContext }).context : null,
        };
      }),
    );
  }

  #candidateOf(row: SessionRow): Candidate {
    const timers =
      row.context === null
        ? []
        : armedTimers(row.context).map((timer) => ({ sessionId: row.sessionId, name: timer.name, gen: timer.gen, dueAt: timer.firesAt }));
    // Settings no longer in the shared table leave their digest in place: such a session's timers are still checked.
    const requests = row.context === null || typeof row.context.settings !== 'object' ? [] : pendingRequestsOf(row.sessionId, row.context);
    const jobKeys = [
      ...timers.map((timer) => this.#options.timers.jobKey(timer.sessionId, timer.name, timer.gen)),
      ...requests.map((request) => this.#options.llmJobKey(row.sessionId, request.requestId)),
    ];
    return { row, timers, requests, jobKeys };
  }

  /** Checks job existence first, then that the session stayed still, in one pipeline (executed in order). */
  async #checkJobs(candidates: readonly Candidate[]): Promise<Array<{ candidate: Candidate; missing: boolean[] }>> {
    if (candidates.length === 0) return [];
    const pipeline = this.#options.redis.pipeline();
    for (const candidate of candidates) {
      const keys = sessionKeys(this.#options.prefix, candidate.row.sessionId);
      for (const jobKey of candidate.jobKeys) pipeline.exists(jobKey);
      pipeline.llen(keys.mailbox).llen(keys.effects).hget(keys.actor, 'version');
    }
    const replies = (await pipeline.exec()) ?? [];
    const results: Array<{ candidate: Candidate; missing: boolean[] }> = [];
    let cursor = 0;
    for (const candidate of candidates) {
      const exists = replies.slice(cursor, cursor + candidate.jobKeys.length).map(([, value]) => value === 1);
      const [mailbox, effects, version] = replies.slice(cursor + candidate.jobKeys.length, cursor + candidate.jobKeys.length + 3);
      cursor += candidate.jobKeys.length + 3;
      const still = mailbox?.[1] === 0 && effects?.[1] === 0 && version?.[1] === candidate.row.version;
      if (still && exists.includes(false)) results.push({ candidate, missing: exists.map((present) => !present) });
    }
    return results;
  }
}

/**
 * Runs `sweep` now and every `intervalSeconds` (0: only now) on a timer that does not keep the process alive;
 * a failed run goes to `onError` and the next one still comes. Returns the interval timer.
 */
export function sweepNowAndEvery(sweep: () => Promise<void>, intervalSeconds: number, onError: (error: unknown) => void): NodeJS.Timeout | undefined {
  const run = (): void => void sweep().catch(onError);
  run();
  if (intervalSeconds <= 0) return undefined;
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  return timer;
}
