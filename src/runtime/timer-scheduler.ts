/**
 * Durable timers as BullMQ delayed jobs. Each arming has its own job id (session, timer name, generation),
 * which is all the job carries: its due time is the job's timestamp plus its delay, later than the context's
 * `dueAt` by the time the add took (the context's is the one the machine uses). Cancelling removes the
 * job when it has not started, and a firing whose generation is no longer the session's is ignored by the
 * machine anyway. Keeping the job this small matters: an idle session's proactive timer is most of its
 * Redis footprint — so what to keep after a firing is the timer worker's setting (`timerJobRetention`),
 * not an option written into every job.
 */
import type { Queue } from 'bullmq';
import type { TimerName } from '../../machines/session-types.js';
import type { Job } from 'bullmq';
import { parseTimerJobId, timerJobId } from './queues.js';

export interface TimerJobData {
  sessionId: string;
  name: TimerName;
  gen: number;
  dueAt: number;
}

/** How many fired timer jobs the queue keeps, so their ids stay taken for a while. */
export const recentlyFiredToKeep = 10_000;

/**
 * The timer worker's retention: a fired timer's job is kept a while (bounded by count, not per session) so
 * that re-running the committed effect after a crash finds the id taken and does not arm the same timer
 * twice; a failed one is removed (a firing only appends an event; if that fails, the sweeper re-arms the
 * timer from the session's context).
 */
export const timerJobRetention = { removeOnComplete: { count: recentlyFiredToKeep }, removeOnFail: { count: 0 } } as const;

/** Reads what a timer job stands for from its id and timing; null for a job that is not a timer. */
export function timerOfJob(job: Pick<Job, 'id' | 'timestamp' | 'opts'>): TimerJobData | null {
  const parsed = job.id === undefined ? null : parseTimerJobId(job.id);
  if (parsed === null) return null;
  return { ...parsed, name: parsed.name as TimerName, dueAt: job.timestamp + (job.opts.delay ?? 0) };
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
    // No retries, and retention is the worker's (`timerJobRetention`): the job holds its id and delay only.
    await this.#queue.add('timer', {}, {
      jobId: timerJobId(timer.sessionId, timer.name, timer.gen),
      delay: Math.max(0, timer.dueAt - this.#now()),
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
