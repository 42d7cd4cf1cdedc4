/**
 * The `timers` queue's processor: a due timer becomes a `timer.fired` event in the session's mailbox.
 * Whether it still matters (its generation is current) is for the machine to decide.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import type { Ingestor } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';
import { timerOfJob } from '../src/runtime/timer-scheduler.js';

/** Builds the processor function for the timer worker. */
export function createTimerProcessor(ingestor: Ingestor, stats: RuntimeStats, now: () => number = Date.now) {
  return async (job: Job): Promise<void> => {
    const timer = timerOfJob(job);
    if (timer === null) throw new UnrecoverableError(`not a timer job: ${job.id}`);
    const { sessionId, name, gen, dueAt } = timer;
    const at = now();
    await ingestor.ingest(sessionId, { type: 'timer.fired', at, name, gen, dueAt });
    stats.trigger.counted({ name: 'timers_fired_total' });
    stats.trigger.observed({ name: 'timer_lateness_ms', values: [Math.max(0, at - dueAt)] });
  };
}
