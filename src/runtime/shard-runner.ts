/**
 * A shard's drain run, the body of its BullMQ job: reclaim what an earlier run left taken, then take due
 * sessions and drain them (up to the worker's free drain slots), settle each one, and when nothing is due,
 * wait on the due list (a blocking move, no polling) for `lingerMs` before releasing the shard. A run lasts
 * about `leaseMs` (±25 %, so a worker's shards do not all change hands at once); then it hands the shard to a
 * new job, so shards move between workers as they come free.
 * A session whose drain fails stays taken and is listed due again after a backoff; the shard goes on.
 */
import type { Redis } from 'ioredis';
import { shardKeys, type ShardKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import type { DrainSlots } from './drain-slots.js';
import type { DrainOutcome } from './session-driver.js';

export interface ShardRunnerOptions {
  redis: ScriptCommands;
  prefix: string;
  /** Opens a connection for the blocking wait (one per shard run that waits). */
  connect: () => Redis;
  drain: (sessionId: string) => Promise<DrainOutcome>;
  slots: DrainSlots;
  /** Adds the shard's job again, for a run that ends with work left (lease over, shutting down). */
  addJob: (shard: number) => Promise<void>;
  onDrainError: (sessionId: string, error: unknown) => void;
  lingerMs?: number;
  leaseMs?: number;
  /** Uniform in [0, 1): spreads the leases. */
  random?: () => number;
  /** Most sessions taken in one step. */
  takeMax?: number;
  now?: () => number;
}

/** `released`: nothing was left and the shard went idle; `handed-over`: a new job carries on. */
export type ShardOutcome = 'released' | 'handed-over';

const retryBaseMs = 200;
/** While drains are in flight, how often the run looks for due sessions besides what settling drains take. */
const busyCheckMs = 5;
const retryMaxMs = 30_000;

export class ShardRunner {
  readonly #options: ShardRunnerOptions;
  readonly #now: () => number;
  readonly #idle: Redis[] = [];
  readonly #open = new Set<Redis>();
  /** Consecutive failed drains per session, for the retry backoff. */
  readonly #failures = new Map<string, number>();
  #stopping = false;

  constructor(options: ShardRunnerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Runs shard `shard` until it is released or handed over. Performs I/O. */
  async run(shard: number): Promise<ShardOutcome> {
    const keys = shardKeys(this.#options.prefix, shard);
    await this.#options.redis.reclaimTaken(keys.due, keys.taken);
    const run = new Run(keys, this.#options, this.#failures);
    const jitter = 0.75 + 0.5 * (this.#options.random ?? Math.random)();
    const deadline = this.#now() + (this.#options.leaseMs ?? 30_000) * jitter;
    try {
      while (!this.#stopping && this.#now() < deadline) {
        run.throwIfFaulted();
        // A drain that settles takes the next due sessions itself; a slow one does not hold up the others long.
        if (run.inFlight.size > 0) {
          if ((await run.settledWithin(busyCheckMs)) === false) await run.takeAndStart();
          continue;
        }
        // The last look found the due list short: the blocking wait takes what came since, without a step.
        if (!run.dueSeenShort && (await run.takeAndStart()) > 0) continue;
        const waited = await this.#waitForDue(keys);
        if (waited === null && (await this.#release(keys))) return 'released';
        if (waited !== null) await run.start([waited]);
      }
    } finally {
      run.open = false;
      while (run.inFlight.size > 0) await Promise.allSettled([...run.inFlight]);
    }
    run.throwIfFaulted();
    if (await this.#release(keys)) return 'released';
    await this.#options.addJob(shard);
    return 'handed-over';
  }

  /** Stops every run: no new sessions are taken, waits are cut short; in-flight drains finish. */
  stop(): void {
    this.#stopping = true;
    for (const connection of this.#open) connection.disconnect();
  }

  async #release(keys: ShardKeys): Promise<boolean> {
    return (await this.#options.redis.releaseShard(keys.due, keys.taken, keys.armed)) === 1;
  }

  /** Waits up to the linger time for a due session, moving it to the taken list; null when none came. */
  async #waitForDue(keys: ShardKeys): Promise<string | null> {
    const connection = this.#idle.pop() ?? this.#connect();
    try {
      const seconds = (this.#options.lingerMs ?? 2_000) / 1000;
      return await connection.blmove(keys.due, keys.taken, 'LEFT', 'RIGHT', seconds);
    } catch (error) {
      if (this.#stopping) return null;
      throw error;
    } finally {
      if (this.#stopping) connection.disconnect();
      else this.#idle.push(connection);
    }
  }

  #connect(): Redis {
    const connection = this.#options.connect();
    this.#open.add(connection);
    connection.once('end', () => this.#open.delete(connection));
    return connection;
  }
}

/** One run's sessions in flight, and the first error that must end the run (Redis gone). */
class Run {
  readonly inFlight = new Set<Promise<void>>();
  /** False once the run stops taking sessions: settling drains then take no more. */
  open = true;
  /** True when the last take found fewer due sessions than it could take. */
  dueSeenShort = false;
  #fault: unknown = null;
  /** True while the run waits in line for slots besides its drains in flight (`#waitInLine`). */
  #waiting = false;
  readonly #keys: ShardKeys;
  readonly #options: ShardRunnerOptions;
  readonly #failures: Map<string, number>;

  constructor(keys: ShardKeys, options: ShardRunnerOptions, failures: Map<string, number>) {
    this.#keys = keys;
    this.#options = options;
    this.#failures = failures;
  }

  throwIfFaulted(): void {
    if (this.#fault !== null) throw this.#fault;
  }

  /** Resolves true when a drain in flight settled within `ms`, false when the time ran out first. */
  async settledWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
    try {
      return await Promise.race([Promise.race(this.inFlight).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Takes as many due sessions as there are free slots and starts draining them; resolves with the count. */
  async takeAndStart(): Promise<number> {
    const { slots } = this.#options;
    let granted = slots.tryTake(this.#takeMax());
    if (granted === 0) {
      if (this.inFlight.size > 0) {
        this.#waitInLine();
        return 0;
      }
      granted = await slots.take(this.#takeMax());
    }
    return this.#takeGranted(granted);
  }

  /**
   * A run with drains in flight and sessions still due waits in line for slots too (once at a time), so the
   * slots that other shards' drains give back come to it in turn. Without it, only idle runs waited in line:
   * under overload a shard kept the slots it held, retaking each one as its drain settled, and a shard holding
   * one slot drained its due list at that pace while others held many (docs/benchmarks.md, "Fair drain slots").
   */
  #waitInLine(): void {
    if (this.#waiting || this.dueSeenShort || !this.open) return;
    this.#waiting = true;
    const { slots } = this.#options;
    const work = slots
      .take(this.#takeMax())
      .then(async (granted) => {
        this.#waiting = false;
        if (!this.open) return slots.give(granted);
        await this.#takeGranted(granted);
      })
      .catch((error: unknown) => {
        this.#fault ??= error;
      });
    this.#keepInFlight(work);
  }

  /** Takes up to `granted` due sessions (slots already taken; the unused ones go back) and starts draining them. */
  async #takeGranted(granted: number): Promise<number> {
    const { slots, redis } = this.#options;
    let ids: string[] = [];
    try {
      ids = (await redis.takeDue(this.#keys.due, this.#keys.taken, '', '0', String(granted))) as string[];
      this.dueSeenShort = ids.length < granted;
    } finally {
      slots.give(granted - ids.length);
    }
    for (const sessionId of ids) this.#track(sessionId);
    // Every slot used and maybe more due: in line for the next slot given back.
    if (ids.length === granted) this.#waitInLine();
    return ids.length;
  }

  /** Starts draining sessions already moved to the taken list (waiting for free slots). */
  async start(sessionIds: readonly string[]): Promise<void> {
    for (const sessionId of sessionIds) {
      await this.#options.slots.take(1);
      this.#track(sessionId);
    }
  }

  /** Drains one session (its slot already taken) and settles it, taking the next due sessions in the same step. */
  #track(sessionId: string): void {
    this.#keepInFlight(this.#drainAndSettle(sessionId));
  }

  /** Counts `work` as in flight until it settles: the run waits for it before it ends. */
  #keepInFlight(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  async #drainAndSettle(sessionId: string): Promise<void> {
    const { slots } = this.#options;
    let outcome: DrainOutcome;
    try {
      outcome = await this.#options.drain(sessionId);
    } catch (error) {
      slots.give(1);
      this.#options.onDrainError(sessionId, error);
      this.#retryLater(sessionId);
      return;
    }
    this.#failures.delete(sessionId);
    // This drain's slot, and any other free one, go to the sessions taken in the same step as the settling.
    slots.give(1);
    const granted = this.open ? slots.tryTake(this.#takeMax()) : 0;
    let next: string[] = [];
    try {
      next = (await this.#settle(sessionId, outcome === 'more', granted)) as string[];
      if (granted > 0) this.dueSeenShort = next.length < granted;
    } catch (error) {
      this.#fault ??= error;
    } finally {
      slots.give(granted - next.length);
    }
    for (const id of next) this.#track(id);
    // Took all it was granted (or nothing, with others in line): maybe more due, so in line too.
    if (next.length === granted) this.#waitInLine();
  }

  #settle(sessionId: string, again: boolean, take: number): Promise<unknown> {
    return this.#options.redis.takeDue(this.#keys.due, this.#keys.taken, sessionId, again ? '1' : '0', String(take));
  }

  #takeMax(): number {
    return this.#options.takeMax ?? 64;
  }

  /** Lists a failed session as due again after a backoff; until then it stays taken (the shard stays armed). */
  #retryLater(sessionId: string): void {
    const failures = (this.#failures.get(sessionId) ?? 0) + 1;
    this.#failures.set(sessionId, failures);
    const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** (failures - 1));
    const timer = setTimeout(() => void this.#settle(sessionId, true, 0).catch(() => undefined), delay);
    timer.unref();
  }
}
