/**
 * The `drain` queue's processor: hands the session to the driver and, when the driver stopped at its batch
 * limit, asks for another drain (queued behind this one).
 */
import type { Job } from 'bullmq';
import type { DrainJobData, DrainTrigger } from '../src/runtime/drain-trigger.js';
import type { SessionDriver } from '../src/runtime/session-driver.js';

/** Builds the processor function for the drain worker. */
export function createDrainProcessor(driver: SessionDriver, trigger: DrainTrigger) {
  return async (job: Job<DrainJobData>): Promise<void> => {
    const outcome = await driver.drain(job.data.sessionId);
    if (outcome === 'more') await trigger.trigger(job.data.sessionId);
  };
}
