/**
 * The `timers` queue's processor: a due timer becomes a `timer.fired` event in the session's mailbox.
 * Whether it still matters (its generation is current) is for the machine to decide.
 *
 * In a session worker the firing is applied in place: when the append finds no drain owed (the usual case
 * for a timer: the session is quiet), this job drains the session itself instead of adding a drain job for
 * another worker to pick up — one BullMQ job per firing instead of two, and no wait in the drain queue.
 * Two drains of one session can then overlap across processes (a drain job queued behind an active one
 * may start meanwhile); the commit's version check makes the loser re-read, so order and exactly-once hold.
 * A job that failed or stalled mid-drain leaves the trigger armed with no job behind it: a failure adds the
 * drain job before rethrowing, and a stalled job's re-run (BullMQ's stall recovery) takes the plain path.
 */
import { type Job, UnrecoverableError } from 'bullmq';
import type { Ingestor } from '../src/runtime/ingestor.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';
import type { SessionDriver } from '../src/runtime/session-driver.js';
import { timerOfJob } from '../src/runtime/timer-scheduler.js';

/** Builds the processor function for the timer worker; with a `driver`, firings are drained in place. */
export function createTimerProcessor(ingestor: Ingestor, stats: RuntimeStats, driver?: SessionDriver, now: () => number = Date.now) {
  return async (job: Job): Promise<void> => {
    const timer = timerOfJob(job);
    if (timer === null) throw new UnrecoverableError(`not a timer job: ${job.id}`);
    const { sessionId, name, gen, dueAt } = timer;
    const at = now();
    const { needsDrain } = await ingestor.appendOwingDrain(sessionId, { type: 'timer.fired', at, name, gen, dueAt });
    stats.trigger.counted({ name: 'timers_fired_total' });
    stats.trigger.observed({ name: 'timer_lateness_ms', values: [Math.max(0, at - dueAt)] });
    // A re-run after a stall: the first run may have appended and died mid-drain, leaving the trigger armed
    // with no job behind it; the (deduplicated) drain job covers that.
    const rerun = job.stalledCounter > 0;
    if (needsDrain && driver !== undefined && !rerun) await drainInPlace(driver, ingestor, sessionId);
    else if (needsDrain || rerun) await ingestor.trigger(sessionId);
  };
}

async function drainInPlace(driver: SessionDriver, ingestor: Ingestor, sessionId: string): Promise<void> {
  try {
    if ((await driver.drain(sessionId)) === 'more') await ingestor.trigger(sessionId);
  } catch (error) {
    await ingestor.trigger(sessionId).catch(() => undefined);
    throw error;
  }
}
