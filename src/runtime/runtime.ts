/**
 * Assembles the runtime of one process: Redis connections, queues, the driver and the BullMQ workers of the
 * roles this process plays. `session` drains mailboxes and fires timers; `llm` runs model calls; `outbox`
 * delivers messages. Closing it stops taking jobs, lets in-flight work finish, then closes every connection.
 */
import { hostname } from 'node:os';
import { type Processor, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createDrainProcessor } from '../../workers/drain-processor.js';
import { createRebootProcessor } from '../../workers/reboot-processor.js';
import { createLlmProcessor } from '../../workers/llm-processor.js';
import { createTimerProcessor } from '../../workers/timer-processor.js';
import type { DeliveryAdapter } from '../adapters/delivery-adapter.js';
import { createHttpDelivery } from '../adapters/http-delivery.js';
import { createImageIdentifier } from '../groups/image-identities.js';
import { imageFetchOptions } from '../images/fetch-options.js';
import { createImageLoader } from '../images/image-loader.js';
import { coalesceScorer } from '../completeness/coalescing-scorer.js';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { loadCompletenessScorer } from '../debounce/load-completeness-scorer.js';
import type { KizunaConfig } from '../config/schema.js';
import { UploadStore } from '../images/upload-store.js';
import type { SpeechModel } from '../llm/chat-model.js';
import { LlmCallLog } from '../llm/llm-call-log.js';
import { listenForAborts } from '../llm/llm-abort.js';
import { LlmDispatcher } from '../llm/llm-dispatcher.js';
import type { LlmClient } from '../llm/llm-types.js';
import type { Logger } from '../log.js';
import { createOldNewsChecker, createRebootEnqueuer, scheduleCheckSweeps } from '../memory-reboot/memory-reboot-parts.js';
import { closeQuietly, createCommandConnection, createQueueConnection, createWorkerConnection, waitUntilReady } from '../redis/connection.js';
import { queuePrefix } from '../redis/keys.js';
import { withScripts } from '../redis/scripts.js';
import { CaptionStore } from '../stores/caption-store.js';
import { ConversationStore } from '../stores/conversation-store.js';
import { PersonaSummaries } from '../stores/persona-summaries.js';
import { createRedisCommitPublisher } from './commit-publisher.js';
import { addShardJob, type SessionTrigger, ShardTrigger } from './drain-shards.js';
import { DrainSlots } from './drain-slots.js';
import { DrainTrigger } from './drain-trigger.js';
import { EffectRunner } from './effect-runner.js';
import { Ingestor } from './ingestor.js';
import type { Inspector } from './inspection.js';
import { LiveActorCache } from './live-actor-cache.js';
import { llmParts, speechSettingsReader } from './llm-parts.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { closeQueues, llmJobId, openQueues, queueNames, type RuntimeQueues } from './queues.js';
import { createRuntimeStats, type RuntimeStats } from './runtime-stats.js';
import { SessionDriver } from './session-driver.js';
import { SessionReader } from './session-reader.js';
import { SessionStore } from './session-store.js';
import { settingsByClass } from './settings-by-class.js';
import { ShardRunner } from './shard-runner.js';
import { Sweeper, sweepNowAndEvery } from './sweeper.js';
import { TimerScheduler, timerJobRetention } from './timer-scheduler.js';

export const runtimeRoles = ['session', 'llm', 'outbox', 'memory-reboot'] as const;
export type RuntimeRole = (typeof runtimeRoles)[number];

export interface RuntimeOptions {
  config: KizunaConfig;
  redisUrl: string;
  roles: readonly RuntimeRole[];
  logger: Logger;
  /** Replaces the configured LLM client (tests, the fixture recorder). */
  llm?: LlmClient;
  speech?: SpeechModel | null;
  scorer?: CompletenessScorer;
  inspector?: Inspector;
  /** Delivery adapters by platform; `http` is always there. */
  adapters?: DeliveryAdapter[];
}

export interface Runtime {
  ingestor: Ingestor;
  reader: SessionReader;
  stats: RuntimeStats;
  cache: LiveActorCache;
  redis: Redis;
  queues: RuntimeQueues;
  sweeper: Sweeper;
  /** Uploaded images (`POST /v1/images`), inlined into LLM requests. */
  uploads: UploadStore;
  /** Each session's recorded LLM calls (`GET /v1/sessions/:id/llm`). */
  llmCalls: LlmCallLog;
  /** The LLM client in use, when this process has the llm role. */
  llmName: string | null;
  /** Stops taking jobs, waits for in-flight work, closes connections. */
  close(): Promise<void>;
}

/**
 * What a runtime has opened so far, so that closing it — at shutdown, or when a later step of starting fails
 * (Redis unreachable, the model missing) — stops exactly those parts: a half-started runtime must not keep
 * the process alive with connections retrying forever.
 */
class OpenedParts {
  readonly connections: Redis[] = [];
  readonly workers: Array<Worker<unknown>> = [];
  readonly intervals: NodeJS.Timeout[] = [];
  shardRunner: ShardRunner | undefined;
  queues: RuntimeQueues | undefined;
  cache: LiveActorCache | undefined;

  /** Stops taking jobs, waits for in-flight work, closes connections. Performs I/O. */
  async close(): Promise<void> {
    for (const interval of this.intervals) clearInterval(interval);
    this.shardRunner?.stop();
    await Promise.all(this.workers.map((worker) => worker.close().catch(() => undefined)));
    if (this.queues !== undefined) await closeQueues(this.queues);
    this.cache?.clear();
    await Promise.all(this.connections.map(closeQuietly));
  }
}

/** Connects to Redis and starts the workers of `roles`; on failure, closes what it opened. Performs I/O. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const opened = new OpenedParts();
  try {
    return await assembleRuntime(options, opened);
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function assembleRuntime(options: RuntimeOptions, opened: OpenedParts): Promise<Runtime> {
  const { config, logger } = options;
  const prefix = config.redis.prefix;
  const { connections, workers } = opened;
  const redis = withScripts(createCommandConnection(options.redisUrl));
  redis.on('error', (error) => logger.debug({ err: error }, 'redis command connection error'));
  connections.push(redis);
  await waitUntilReady(redis);
  const workerConnection = createWorkerConnection(options.redisUrl);
  workerConnection.on('error', (error) => logger.debug({ err: error }, 'redis worker connection error'));
  const queueConnection = createQueueConnection(options.redisUrl);
  queueConnection.on('error', (error) => logger.debug({ err: error }, 'redis queue connection error'));
  connections.push(workerConnection, queueConnection);
  await waitUntilReady(queueConnection);

  const stats = createRuntimeStats();
  const queues = openQueues(queueConnection, prefix, (error) => logger.debug({ err: error }, 'queue error'));
  opened.queues = queues;
  const store = new SessionStore(redis, prefix, {
    ...config.runtime,
    historyMaxEntries: config.history.maxEntries,
    mentalLogMaxEntries: config.mentalLog.maxEntries,
  });
  const shardTrigger = config.runtime.drainShards > 0 ? new ShardTrigger(queues.drain, redis, prefix, config.runtime.drainShards) : null;
  const trigger: SessionTrigger = shardTrigger ?? new DrainTrigger(queues.drain);
  const uploads = new UploadStore(redis, prefix, config.uploads);
  // Group images are identified by their bytes: uploads from the store, other URLs through the safe fetcher.
  const identifyImages = createImageIdentifier(createImageLoader(uploads, imageFetchOptions(config)), logger);
  const rebootTrigger = new DrainTrigger(queues.reboot);
  const rebootEnqueuer = createRebootEnqueuer(config, redis, rebootTrigger, logger);
  const ingestor = new Ingestor(store, trigger, stats, rebootEnqueuer === null ? [] : [rebootEnqueuer], identifyImages);
  const timers = new TimerScheduler(queues.timers);
  const llm = new LlmDispatcher(queues.llm, config.llm.maxAttempts, { redis, prefix });
  const cache = new LiveActorCache(config.runtime.liveActorCapacity, stats);
  opened.cache = cache;
  const llmCalls = new LlmCallLog(redis, prefix, config.llm.callLog);
  const sweeper = new Sweeper({
    redis,
    prefix,
    trigger,
    ...(shardTrigger === null ? {} : { shards: shardTrigger }),
    timers,
    llm,
    llmJobKey: (sessionId, requestId) => queues.llm.toKey(llmJobId(sessionId, requestId)),
    lockSeconds: Math.max(10, config.runtime.sweepIntervalSeconds),
  });

  const workerOptions = {
    // Shown as a job's processedBy: which process holds a drain (operators and the crash tests read it).
    name: `${hostname()}:${process.pid}`,
    connection: workerConnection,
    prefix: queuePrefix(prefix),
    lockDuration: config.runtime.lockDurationSeconds * 1000,
    stalledInterval: config.runtime.stalledIntervalSeconds * 1000,
    maxStalledCount: 10,
  };
  const startWorker = <T>(name: string, processor: Processor<T>, concurrency: number, extra: Partial<WorkerOptions> = {}): Worker<T> => {
    const worker = new Worker<T>(name, processor, { ...workerOptions, ...extra, concurrency });
    worker.on('error', (error) => logger.debug({ err: error, queue: name }, 'worker error'));
    worker.on('failed', (job, error) => logger.warn({ err: error, queue: name, jobId: job?.id }, 'job failed'));
    workers.push(worker as Worker<unknown>);
    return worker;
  };

  const every = (interval: NodeJS.Timeout | undefined): void => {
    if (interval !== undefined) opened.intervals.push(interval);
  };
  if (options.roles.includes('session')) {
    const driver = new SessionDriver({
      store,
      cache,
      scorer: coalesceScorer(options.scorer ?? (await loadCompletenessScorer({ logger: (message) => logger.warn(message) }))),
      effects: new EffectRunner(timers, llm, queues.outbox),
      settingsFor: settingsByClass(config),
      stats,
      publisher: createRedisCommitPublisher(redis, prefix, (error) => logger.debug({ err: error }, 'publish failed')),
      ...(options.inspector === undefined ? {} : { inspector: options.inspector }),
      batchSize: config.runtime.drainBatchSize,
      maxBatches: config.runtime.maxBatchesPerDrain,
    });
    const shardRunner = new ShardRunner({
      redis,
      prefix,
      connect: () => quietConnection(createWorkerConnection(options.redisUrl)),
      drain: (sessionId) => driver.drain(sessionId),
      slots: new DrainSlots(config.runtime.drainConcurrency),
      addJob: (shard) => addShardJob(queues.drain, shard),
      onDrainError: (sessionId, error) => {
        stats.trigger.counted({ name: 'drain_failures_total' });
        logger.warn({ err: error, sessionId }, 'drain failed; retrying the session later');
      },
    });
    opened.shardRunner = shardRunner;
    // Per worker, a slot for every shard (a shard's run holds its slot while it waits for work).
    const drainJobs = config.runtime.drainShards > 0 ? config.runtime.drainShards : config.runtime.drainConcurrency;
    startWorker(queueNames.drain, createDrainProcessor(driver, trigger, shardRunner, stats), drainJobs);
    startWorker(queueNames.timers, createTimerProcessor(ingestor, stats), config.runtime.timerConcurrency, timerJobRetention);
    every(scheduleSweeps(sweeper, config.runtime.sweepIntervalSeconds, logger));
  }

  if (options.roles.includes('memory-reboot') && config.memoryReboot.enabled) {
    const checker = createOldNewsChecker(config, { redis, ingestor, logger, stats });
    startWorker(queueNames.reboot, createRebootProcessor(checker, rebootTrigger), config.memoryReboot.concurrency);
    every(scheduleCheckSweeps(redis, prefix, rebootTrigger, config.runtime.sweepIntervalSeconds, logger));
  }

  const parts = llmParts(config, options.llm, options.speech);
  if (options.roles.includes('llm')) {
    const stores = { conversations: new ConversationStore(redis, prefix), captions: new CaptionStore(redis, prefix), personas: new PersonaSummaries(redis, prefix) };
    const groups = parts.groups(stores);
    const worker = startWorker(
      queueNames.llm,
      createLlmProcessor({
        client: parts.client,
        ingestor,
        stats,
        logger,
        material: parts.material(stores),
        ...(groups === undefined ? {} : { groups }),
        callLog: llmCalls,
        toDataUrl: (url) => uploads.toDataUrl(url),
      }),
      config.runtime.llmConcurrency,
    );
    const subscriber = createWorkerConnection(options.redisUrl);
    subscriber.on('error', () => undefined);
    connections.push(subscriber);
    await listenForAborts(subscriber, prefix, (jobId) => worker.cancelJob(jobId, 'superseded by a newer message'));
  }
  if (options.roles.includes('outbox')) {
    const http = createHttpDelivery(redis, prefix);
    const delivery = new OutboxDelivery({
      redis,
      prefix,
      ingestor,
      adapters: new Map([http, ...(options.adapters ?? [])].map((adapter) => [adapter.platform, adapter])),
      fallback: http,
      speech: parts.speech,
      speechSettingsFor: speechSettingsReader(config),
      logger,
      stats,
      keepOutcomes: config.runtime.outboxMaxEntries,
    });
    startWorker(queueNames.outbox, (job, token) => delivery.process(job as never, token), config.runtime.outboxConcurrency);
  }

  return {
    ingestor,
    reader: new SessionReader(redis, prefix),
    stats,
    cache,
    redis,
    queues,
    sweeper,
    uploads,
    llmCalls,
    llmName: options.roles.includes('llm') ? parts.client.name : null,
    close: () => opened.close(),
  };
}

/** A connection whose errors are expected and handled by its callers (a blocking wait cut short). */
function quietConnection(redis: Redis): Redis {
  redis.on('error', () => undefined);
  return redis;
}

function scheduleSweeps(sweeper: Sweeper, intervalSeconds: number, logger: Logger): NodeJS.Timeout | undefined {
  const sweep = async (): Promise<void> => {
    const report = await sweeper.sweep();
    if (report.drains + report.timersArmed + report.requestsResent + report.shards > 0) logger.info({ report }, 'sweep repaired sessions');
  };
  return sweepNowAndEvery(sweep, intervalSeconds, (error) => logger.warn({ err: error }, 'sweep failed'));
}
