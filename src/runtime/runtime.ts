/**
 * Assembles the runtime of one process: Redis connections, queues, the driver and the BullMQ workers of the
 * roles this process plays. `session` drains mailboxes and fires timers; `llm` runs model calls. Closing it
 * stops taking jobs, lets in-flight commits finish, then closes every connection.
 */
import { hostname } from 'node:os';
import { type Processor, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLlmProcessor } from '../../workers/llm-processor.js';
import { createDrainProcessor } from '../../workers/drain-processor.js';
import { createTimerProcessor } from '../../workers/timer-processor.js';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { heuristicScorer } from '../completeness/heuristic-scorer.js';
import type { KizunaConfig } from '../config/schema.js';
import { sessionSettingsFor } from '../config/session-settings.js';
import { LlmDispatcher } from '../llm/llm-dispatcher.js';
import type { LlmClient } from '../llm/llm-types.js';
import { createOfflineLlm } from '../llm/offline-llm.js';
import type { Logger } from '../log.js';
import { closeQuietly, createCommandConnection, createWorkerConnection, waitUntilReady } from '../redis/connection.js';
import { queuePrefix } from '../redis/keys.js';
import { withScripts } from '../redis/scripts.js';
import { createRedisCommitPublisher } from './commit-publisher.js';
import { DrainTrigger } from './drain-trigger.js';
import { EffectRunner } from './effect-runner.js';
import { Ingestor } from './ingestor.js';
import type { Inspector } from './inspection.js';
import { LiveActorCache } from './live-actor-cache.js';
import { closeQueues, llmJobId, openQueues, queueNames, type RuntimeQueues } from './queues.js';
import { createRuntimeStats, type RuntimeStats } from './runtime-stats.js';
import { SessionDriver } from './session-driver.js';
import { SessionReader } from './session-reader.js';
import { SessionStore } from './session-store.js';
import { Sweeper } from './sweeper.js';
import { TimerScheduler } from './timer-scheduler.js';

export const runtimeRoles = ['session', 'llm'] as const;
export type RuntimeRole = (typeof runtimeRoles)[number];

export interface RuntimeOptions {
  config: KizunaConfig;
  redisUrl: string;
  roles: readonly RuntimeRole[];
  logger: Logger;
  llm?: LlmClient;
  scorer?: CompletenessScorer;
  inspector?: Inspector;
}

export interface Runtime {
  ingestor: Ingestor;
  reader: SessionReader;
  stats: RuntimeStats;
  cache: LiveActorCache;
  redis: Redis;
  queues: RuntimeQueues;
  sweeper: Sweeper;
  /** Stops taking jobs, waits for in-flight work, closes connections. */
  close(): Promise<void>;
}

/** Connects to Redis and starts the workers of `roles`. Performs I/O. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const prefix = config.redis.prefix;
  const redis = withScripts(createCommandConnection(options.redisUrl));
  redis.on('error', (error) => logger.debug({ err: error }, 'redis command connection error'));
  await waitUntilReady(redis);
  const workerConnection = createWorkerConnection(options.redisUrl);
  workerConnection.on('error', (error) => logger.debug({ err: error }, 'redis worker connection error'));

  const stats = createRuntimeStats();
  const queues = openQueues(redis, prefix, (error) => logger.debug({ err: error }, 'queue error'));
  const store = new SessionStore(redis, prefix, config.runtime);
  const trigger = new DrainTrigger(queues.drain);
  const ingestor = new Ingestor(store, trigger, stats);
  const timers = new TimerScheduler(queues.timers);
  const llm = new LlmDispatcher(queues.llm);
  const cache = new LiveActorCache(config.runtime.liveActorCapacity, stats);
  const sweeper = new Sweeper({
    redis,
    prefix,
    trigger,
    timers,
    llm,
    llmJobKey: (sessionId, requestId) => queues.llm.toKey(llmJobId(sessionId, requestId)),
    lockSeconds: Math.max(10, config.runtime.sweepIntervalSeconds),
  });

  const workers: Array<{ close(): Promise<void> }> = [];
  const workerOptions = {
    // Shown as a job's processedBy: which process holds a drain (operators and the crash tests read it).
    name: `${hostname()}:${process.pid}`,
    connection: workerConnection,
    prefix: queuePrefix(prefix),
    lockDuration: config.runtime.lockDurationSeconds * 1000,
    stalledInterval: config.runtime.stalledIntervalSeconds * 1000,
    maxStalledCount: 10,
  };
  const startWorker = <T>(name: string, processor: Processor<T>, concurrency: number): void => {
    const worker = new Worker<T>(name, processor, { ...workerOptions, concurrency });
    worker.on('error', (error) => logger.debug({ err: error, queue: name }, 'worker error'));
    worker.on('failed', (job, error) => logger.warn({ err: error, queue: name, jobId: job?.id }, 'job failed'));
    workers.push(worker);
  };

  let sweepTimer: NodeJS.Timeout | undefined;
  if (options.roles.includes('session')) {
    const driver = new SessionDriver({
      store,
      cache,
      scorer: options.scorer ?? heuristicScorer,
      effects: new EffectRunner(timers, llm),
      settingsFor: (sessionId) => sessionSettingsFor(config, sessionId),
      stats,
      publisher: createRedisCommitPublisher(redis, prefix, (error) => logger.debug({ err: error }, 'publish failed')),
      ...(options.inspector === undefined ? {} : { inspector: options.inspector }),
      batchSize: config.runtime.drainBatchSize,
      maxBatches: config.runtime.maxBatchesPerDrain,
    });
    startWorker(queueNames.drain, createDrainProcessor(driver, trigger), config.runtime.drainConcurrency);
    startWorker(queueNames.timers, createTimerProcessor(ingestor, stats), config.runtime.timerConcurrency);
    sweepTimer = scheduleSweeps(sweeper, config.runtime.sweepIntervalSeconds, logger);
  }
  if (options.roles.includes('llm')) {
    const client = options.llm ?? createOfflineLlm(config.offline);
    startWorker(queueNames.llm, createLlmProcessor(client, ingestor, stats), config.runtime.llmConcurrency);
  }

  return {
    ingestor,
    reader: new SessionReader(redis, prefix),
    stats,
    cache,
    redis,
    queues,
    sweeper,
    async close() {
      if (sweepTimer !== undefined) clearInterval(sweepTimer);
      await Promise.all(workers.map((worker) => worker.close().catch(() => undefined)));
      await closeQueues(queues);
      cache.clear();
      await Promise.all([closeQuietly(redis), closeQuietly(workerConnection)]);
    },
  };
}

function scheduleSweeps(sweeper: Sweeper, intervalSeconds: number, logger: Logger): NodeJS.Timeout | undefined {
  const run = (): void => {
    sweeper
      .sweep()
      .then((report) => {
        if (report.drains + report.timersArmed + report.requestsResent > 0) logger.info({ report }, 'sweep repaired sessions');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'sweep failed'));
  };
  run();
  if (intervalSeconds <= 0) return undefined;
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  return timer;
}
