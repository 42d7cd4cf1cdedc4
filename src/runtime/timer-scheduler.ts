/**
 * Durable timers as BullMQ delayed jobs. Each arming has its own job id (session, timer name, generation);
 * cancelling removes the job when it has not started, and a firing whose generation is no longer the
 * session's is ignored by the machine anyway.
 */
import type { Queue } from 'bullmq';
import type { TimerName } from '../../machines/session-types.js';
import { timerJobId } from './queues.js';

export interface TimerJobData {
  sessionId: string;
  name: TimerName;
  gen: number;
  dueAt: number;
}

export class TimerScheduler {
  readonly #queue: Queue;
  readonly #now: () => number;

  constructor(queue: Queue, now: () => number = Date.now) {
    this.#queue = queue;
    this.#now = now;
  }

  /** Arms (idempotently: same id, same job) the timer to fire at `dueAt`. Performs I/O. */
  async arm(timer: TimerJobData): Promise<void> {
    await this.#queue.add('timer', timer, {
      jobId: timerJobId(timer.sessionId, timer.name, timer.gen),
      delay: Math.max(0, timer.dueAt - this.#now()),
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 10,
      backoff: { type: 'exponential', delay: 200 },
    });
  }

  /** Removes the timer's job if it has not started (best effort; a late firing is dropped as stale). */
  async cancel(sessionId: string, name: TimerName, gen: number): Promise<void> {
    await this.#queue.remove(timerJobId(sessionId, name, gen));
  }

  /** The Redis key of a timer's job, for existence checks by the sweeper; pure. */
  jobKey(sessionId: string, name: TimerName, gen: number): string {
    return this.#queue.toKey(timerJobId(sessionId, name, gen));
  }
}
