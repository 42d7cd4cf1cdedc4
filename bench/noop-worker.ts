/**
 * The baseline: a BullMQ worker process that does nothing with its jobs. Its throughput, measured in the
 * same run on the same Redis, is what the runtime's events/s is compared with.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const [url, queueName, concurrency] = [process.env.BENCH_REDIS_URL!, process.env.BENCH_QUEUE!, Number(process.env.BENCH_CONCURRENCY ?? 32)];
const connection = new Redis(url, { maxRetriesPerRequest: null });
const worker = new Worker(queueName, async () => undefined, { connection, concurrency, prefix: '{bench:q}' });
worker.on('error', () => undefined);
await worker.waitUntilReady();
process.stdout.write('noop worker ready\n');
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
