/**
 * The baseline: a BullMQ worker process that does nothing with its jobs. Its throughput, measured in the
 * same run on the same Redis, is what the runtime's events/s is compared with. Like for like, it is set up
 * as a drain worker is: the runtime's worker connection, the drain concurrency and the lock and stall
 * settings of the default configuration.
 */
import { Worker } from 'bullmq';
import { parseConfig } from '../src/config/load-config.js';
import { createWorkerConnection } from '../src/redis/connection.js';

const [url, queueName, prefix] = [process.env.BENCH_REDIS_URL!, process.env.BENCH_QUEUE!, process.env.BENCH_PREFIX!];
const { runtime } = parseConfig({});
const worker = new Worker(queueName, async () => undefined, {
  connection: createWorkerConnection(url),
  prefix,
  concurrency: runtime.drainConcurrency,
  lockDuration: runtime.lockDurationSeconds * 1000,
  stalledInterval: runtime.stalledIntervalSeconds * 1000,
  maxStalledCount: 10,
});
worker.on('error', () => undefined);
await worker.waitUntilReady();
process.stdout.write(`noop worker ready (concurrency ${runtime.drainConcurrency})\n`);
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
