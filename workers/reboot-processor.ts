/**
 * The `memory-reboot` queue's processor: checks the group's waiting messages and, when it stopped at its
 * limit, asks for another check job (queued behind this one).
 */
import type { Job } from 'bullmq';
import type { OldNewsChecker } from '../src/memory-reboot/old-news-checker.js';
import type { DrainJobData, DrainTrigger } from '../src/runtime/drain-trigger.js';

/** Builds the processor function for the memory-reboot worker. */
export function createRebootProcessor(checker: OldNewsChecker, trigger: DrainTrigger) {
  return async (job: Job<DrainJobData>): Promise<void> => {
    const outcome = await checker.drain(job.data.sessionId);
    if (outcome === 'more') await trigger.trigger(job.data.sessionId);
  };
}
