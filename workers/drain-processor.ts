/**
 * The `drain` queue's processor. A shard job runs the shard (src/runtime/shard-runner.ts); a per-session job
 * (`runtime.drainShards: 0`, or one queued by an older version) hands its session to the driver and, when the
 * driver stopped at its batch limit, asks for another drain.
 */
import type { Job } from 'bullmq';
import type { ShardJobData, SessionTrigger } from '../src/runtime/drain-shards.js';
import type { DrainJobData } from '../src/runtime/drain-trigger.js';
import type { RuntimeStats } from '../src/runtime/runtime-stats.js';
import type { SessionDriver } from '../src/runtime/session-driver.js';
import type { ShardRunner } from '../src/runtime/shard-runner.js';

/** Builds the processor function for the drain worker. */
export function createDrainProcessor(driver: SessionDriver, trigger: SessionTrigger, shards: ShardRunner, stats: RuntimeStats) {
  const ran = (outcome: string) => stats.trigger.counted({ name: 'drain_shard_runs_total', labels: { outcome } });
  return async (job: Job<DrainJobData | ShardJobData>): Promise<void> => {
    if ('shard' in job.data) {
      try {
        ran(await shards.run(job.data.shard));
      } catch (error) {
        ran('failed');
        throw error;
      }
      return;
    }
    const outcome = await driver.drain(job.data.sessionId);
    if (outcome === 'more') await trigger.trigger(job.data.sessionId);
  };
}
