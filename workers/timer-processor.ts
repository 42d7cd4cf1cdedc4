/**
 * The `timers` queue's processor: a due timer becomes a `timer.fired` event in the session's mailbox.
 * Whether it still matters (its generation is current) is for the machine to decide.
 *
 * The job stays short on purpose: it appends the event (and lists the session as due when no drain was owed);
 * the drain runs in the session's drain shard. (Draining in place inside the timer job was measured: it saves a job per
 * firing, but the timer worker's slots then stay busy for whole drains and, under load, due timers wait for
 * a slot — firing lateness went up several times.)
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
