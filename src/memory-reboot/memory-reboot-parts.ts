/**
 * Assembles Memory Reboot from the configuration: the ingest observer that queues group messages (every
 * process that ingests), and the checker with its models (processes with the `memory-reboot` role). Models
 * go through the openai SDK when an endpoint is configured: `llm.models.embedding` (else the offline n-gram
 * embedding), `llm.models.vision` (else only platform-flagged stickers are skipped) and `llm.models.judge`.
 */
import type { Redis } from 'ioredis';
import { hasLlmEndpoint } from '../config/load-config.js';
import type { KizunaConfig } from '../config/schema.js';
import { imageFetchOptions } from '../images/fetch-options.js';
import { createImageLoader } from '../images/image-loader.js';
import { UploadStore } from '../images/upload-store.js';
import type { ChatModel } from '../llm/chat-model.js';
import { OpenAiChatModel } from '../llm/openai-chat-model.js';
import { loadTemplates } from '../llm/prompt-templates.js';
import type { Logger } from '../log.js';
import { visionCacheKey } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import { DrainTrigger } from '../runtime/drain-trigger.js';
import type { Ingestor } from '../runtime/ingestor.js';
import type { RuntimeStats } from '../runtime/runtime-stats.js';
import { defaultOpenAiBaseUrl } from '../runtime/llm-parts.js';
import { sweepNowAndEvery } from '../runtime/sweeper.js';
import { CheckSweeper } from './check-sweeper.js';
import type { Embedder } from './embedder.js';
import { IndexCache } from './index-cache.js';
import { compileFilters } from './message-filters.js';
import { offlineEmbedder } from './offline-embedder.js';
import { OldNewsChecker } from './old-news-checker.js';
import { createOpenAiEmbedder } from './openai-embedder.js';
import { RebootAdmin } from './reboot-admin.js';
import { RebootEnqueuer } from './reboot-enqueuer.js';
import { RebootJudge, type RebootJudgeOptions } from './reboot-judge.js';
import { RebootStore } from './reboot-store.js';
import { VisionClassifier } from './vision-classifier.js';

type ScriptedRedis = Redis & ScriptCommands;

/** The ingest observer that queues group messages, or null when Memory Reboot is off; pure. */
export function createRebootEnqueuer(config: KizunaConfig, redis: ScriptedRedis, trigger: DrainTrigger, logger: Logger): RebootEnqueuer | null {
  return config.memoryReboot.enabled ? new RebootEnqueuer(new RebootStore(redis, config.redis.prefix), trigger, logger) : null;
}

/** Why the judge cannot run, or null when it can; pure. */
export function judgeProblem(config: KizunaConfig, hasChatModel: boolean): string | null {
  if (config.llm.models.judge === undefined) return 'llm.models.judge is not set';
  if (!hasChatModel) return 'no LLM endpoint is configured (llm.baseUrl / OPENAI_BASE_URL)';
  return null;
}

/** The judge model, or why it cannot run; pure. */
export function judgeModelOf(config: KizunaConfig, chat: ChatModel | null): RebootJudgeOptions['model'] {
  const problem = judgeProblem(config, chat !== null);
  return problem !== null || chat === null || config.llm.models.judge === undefined ? { problem: problem ?? 'no judge model' } : { chat, name: config.llm.models.judge };
}

/** Whether reminders wait for the judge: `llmConfirm` true, or `auto` with a judge model configured; pure. */
export function confirmsWithJudge(config: KizunaConfig): boolean {
  const setting = config.memoryReboot.llmConfirm;
  return setting === 'auto' ? config.llm.models.judge !== undefined : setting;
}

/** Configuration that validates but leaves Memory Reboot unable to do what it says; pure. */
export function memoryRebootWarnings(config: KizunaConfig): string[] {
  const reboot = config.memoryReboot;
  if (!reboot.enabled) return [];
  const warnings: string[] = [];
  if (confirmsWithJudge(config)) {
    const problem = judgeProblem(config, hasLlmEndpoint(config));
    if (problem !== null) warnings.push(`memoryReboot.llmConfirm is on but ${problem}: no old-news reminders will be sent (set memoryReboot.llmConfirm to false or auto to remind without a judge)`);
  }
  if (config.llm.models.embedding !== undefined && !hasLlmEndpoint(config)) warnings.push('llm.models.embedding is set but no LLM endpoint is configured: Memory Reboot uses the offline n-gram embedding');
  return warnings;
}

export interface CheckerParts {
  redis: ScriptedRedis;
  ingestor: Pick<Ingestor, 'ingest'>;
  logger: Logger;
  /** Replaces the chat model built from the configuration (tests). */
  chat?: ChatModel | null;
  embedder?: Embedder;
  stats?: RuntimeStats;
  now?: () => number;
}

/** Builds the checker of a `memory-reboot` worker. */
export function createOldNewsChecker(config: KizunaConfig, parts: CheckerParts): OldNewsChecker {
  const settings = config.memoryReboot;
  const { redis, logger } = parts;
  const endpoint = hasLlmEndpoint(config) ? { baseUrl: config.llm.baseUrl ?? defaultOpenAiBaseUrl, apiKey: config.llm.apiKey ?? 'none' } : null;
  const timeoutMs = config.llm.timeoutSeconds * 1000;
  const chat = parts.chat !== undefined ? parts.chat : endpoint === null ? null : new OpenAiChatModel({ ...endpoint, timeoutMs });
  const templates = loadTemplates(config.prompts.dir);
  const warn = (message: string, details: Record<string, unknown> = {}) => logger.warn(details, message);
  const embedder =
    parts.embedder ?? (endpoint !== null && config.llm.models.embedding !== undefined ? createOpenAiEmbedder({ ...endpoint, model: config.llm.models.embedding, timeoutMs }) : offlineEmbedder);
  const vision =
    chat !== null && config.llm.models.vision !== undefined
      ? new VisionClassifier({
          chat,
          model: config.llm.models.vision,
          template: templates['reboot-vision'],
          redis,
          cacheKey: (sha256) => visionCacheKey(config.redis.prefix, sha256),
          cacheSeconds: settings.retentionDays * 86_400,
          timeoutMs,
          warn,
        })
      : null;
  const judge = confirmsWithJudge(config) ? new RebootJudge({ model: judgeModelOf(config, chat), template: templates['reboot-judge'], timeoutMs, warn }) : null;
  const store = new RebootStore(redis, config.redis.prefix);
  const cache = new IndexCache(store, settings.indexMemoryMegabytes * 1_048_576);
  const filters = compileFilters(settings);
  const common = {
    store,
    cache,
    settings,
    filters,
    ingestor: parts.ingestor,
    embedder,
    judge,
    logger,
    ...(parts.stats === undefined ? {} : { stats: parts.stats }),
    ...(parts.now === undefined ? {} : { now: parts.now }),
  };
  return new OldNewsChecker({
    ...common,
    admin: new RebootAdmin({ ...common, admins: config.admins, visionModel: vision?.model ?? null }),
    pictures: {
      fetchImage: createImageLoader(new UploadStore(redis, config.redis.prefix, config.uploads), imageFetchOptions(config)),
      vision,
      maxImages: settings.maxImagesPerMessage,
    },
    timezone: config.timezone,
  });
}

/**
 * Sweeps now and every `intervalSeconds` (0: only now), one worker at a time, so a group whose check job was
 * lost while its `armed` flag stayed set is checked again without waiting for a worker restart; the first
 * sweep this worker runs also adopts groups queued by a version without the index. Returns the interval timer.
 */
export function scheduleCheckSweeps(redis: ScriptedRedis, prefix: string, trigger: DrainTrigger, intervalSeconds: number, logger: Logger): NodeJS.Timeout | undefined {
  const sweeper = new CheckSweeper({ redis, prefix, trigger, lockSeconds: Math.max(10, intervalSeconds) });
  const sweep = async (): Promise<void> => {
    const report = await sweeper.sweep();
    if (report.adopted > 0) logger.info({ report }, 'memory reboot: groups queued before the check index were added to it');
  };
  return sweepNowAndEvery(sweep, intervalSeconds, (error) => logger.warn({ err: error }, 'memory reboot: sweep failed'));
}
